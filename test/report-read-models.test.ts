/**
 * The read models the CLI, report, exports and API share (src/read): alert filters, sort and
 * cursor paging; person search in any script or by document number, masked unless asked; the
 * policy of the last analyze run.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { DEFAULT_POLICY } from "../src/core/detection/policy.js";
import { Store } from "../src/db/store.js";
import {
  getPerson,
  listAlerts,
  listCohorts,
  readStorePolicy,
  searchPersons,
} from "../src/read/index.js";
import { gatherReport } from "../src/report/gather.js";
import { ADVERSARIAL_PERSONS, adversarialCsv } from "./fixtures/masking/adversarial.js";
import { cliOk, tempDir, withDb, writeFile } from "./helpers/with-db.js";

describe("read models", () => {
  const tmp = tempDir("sojourn-read-");
  const db = join(tmp.dir, "s.duckdb");
  let store: Store;
  before(async () => {
    const csv = writeFile(tmp.dir, "a.csv", adversarialCsv());
    cliOk(["--db", db, "ingest", csv]);
    cliOk(["--db", db, "analyze", "--json"]);
    store = await Store.open(db);
  });
  after(() => {
    store?.close();
    tmp.cleanup();
  });

  it("pages through alerts with a cursor, in either sort, and the pages add up", async () => {
    const all = await listAlerts(store, { limit: 0 });
    assert.ok(all.items.length >= 3, `${all.items.length} alerts`);
    assert.equal(all.next, null);
    for (const sort of ["rule", "score"] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await listAlerts(store, { sort, limit: 2, cursor });
        assert.ok(page.items.length <= 2);
        seen.push(...page.items.map((a) => a.alert_id));
        cursor = page.next;
      } while (cursor);
      assert.deepEqual([...seen].sort(), all.items.map((a) => a.alert_id).sort(), sort);
      assert.equal(new Set(seen).size, seen.length);
    }
    await assert.rejects(listAlerts(store, { cursor: "nonsense" }), /not a cursor/);
  });

  it("filters alerts by rule, person, place, period and score", async () => {
    const all = (await listAlerts(store, { limit: 0 })).items;
    const first = all[0]!;
    const byRule = (await listAlerts(store, { rule: first.rule, limit: 0 })).items;
    assert.ok(byRule.length > 0 && byRule.every((a) => a.rule === first.rule));
    const byPerson = (await listAlerts(store, { person: first.person_id!, limit: 0 })).items;
    assert.ok(byPerson.every((a) => a.person_id === first.person_id));
    assert.equal(
      (await listAlerts(store, { place: "Hunchun", limit: 0 })).items.length,
      all.length,
    );
    assert.equal((await listAlerts(store, { place: "Dandong", limit: 0 })).items.length, 0);
    assert.equal((await listAlerts(store, { to: "2018-12-31", limit: 0 })).items.length, 0);
    assert.equal((await listAlerts(store, { minScore: 2, limit: 0 })).items.length, 0);
  });

  it("finds a person by a name in any script or a document number, masked unless asked", async () => {
    const [p] = ADVERSARIAL_PERSONS;
    const byName = await searchPersons(store, { query: "뷁" });
    assert.equal(byName.items.length, 1);
    const byDoc = await searchPersons(store, { query: p!.doc });
    assert.deepEqual(
      byDoc.items.map((x) => x.person_id),
      byName.items.map((x) => x.person_id),
    );
    assert.equal(byName.items[0]?.display_name.includes("뷁"), false);
    const id = byName.items[0]!.person_id;
    const masked = await getPerson(store, id);
    assert.ok(!JSON.stringify(masked).includes(p!.doc));
    assert.ok(masked.cohorts.every((c) => typeof c.role === "string"));
    const full = await getPerson(store, id, { unmask: true });
    assert.ok(JSON.stringify(full).includes(p!.doc));
    await assert.rejects(getPerson(store, "P-NOSUCH"), /not found/);
  });

  it("cohorts come in a stable order", async () => {
    const a = await listCohorts(store);
    const b = await listCohorts(store);
    assert.deepEqual(a, b);
  });

  it("reads the policy of the last analyze run, the default before any", async () => {
    const { policy, run } = await readStorePolicy(store);
    assert.equal(policy.deadline, DEFAULT_POLICY.deadline);
    assert.ok(run?.policy_version);
    await withDb(async (empty) => {
      const none = await readStorePolicy(empty);
      assert.equal(none.run, null);
      assert.equal(none.policy.score.threshold, DEFAULT_POLICY.score.threshold);
      await empty.run(
        "INSERT INTO analyze_runs (run_at, policy_version, policy) VALUES (now(), 'strict', ?::JSON)",
        [JSON.stringify({ version: "strict", score: { threshold: 0.7 } })],
      );
      assert.equal((await readStorePolicy(empty)).policy.score.threshold, 0.7);
      const report = await gatherReport(empty);
      assert.deepEqual(report.policy, { deadline: DEFAULT_POLICY.deadline, likelyWorker: 0.7 });
    });
  });
});
