/**
 * The overview tables (src/read/overview-tables.ts) say what the records and analyze results
 * say: the overview's figures and a port's persons read from them equal the same reads computed
 * live, and an ingest after the analyze sends the overview back to the records.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { Store } from "../src/db/store.js";
import {
  readPortFlows,
  readRecordTotals,
  readWorkerCounts,
  recordScope,
} from "../src/read/overview.js";
import { readOverviewFigures } from "../src/read/overview-tables.js";
import { readStorePolicy } from "../src/read/policy.js";
import { listPortPersons } from "../src/read/port-persons.js";
import { cliOk, tempDir } from "./helpers/with-db.js";

describe("overview tables", () => {
  const tmp = tempDir("sojourn-overview-tables-");
  const db = join(tmp.dir, "s.duckdb");
  const sim = join(tmp.dir, "sim");
  let store: Store;
  before(async () => {
    cliOk(["simulate", "--out", sim, "--scale", "0.01", "--seed", "5", "--json"]);
    cliOk(["--db", db, "ingest", join(sim, "crossings.csv")]);
    cliOk(["--db", db, "analyze"]);
    store = await Store.open(db);
  });
  after(() => {
    store?.close();
    tmp.cleanup();
  });

  it("hold the overview's figures as the records and analyze results give them", async () => {
    const { policy } = await readStorePolicy(store);
    const kept = await readOverviewFigures(store, policy);
    assert.ok(kept, "built by analyze");
    const scope = recordScope({});
    assert.deepEqual(kept.totals, await readRecordTotals(store, scope));
    assert.deepEqual(kept.workers, await readWorkerCounts(store, scope, policy));
    assert.ok((kept.workers.likelyWorkers ?? 0) > 0, "the scenario has likely workers");
    const byPort = (a: { port_id: string }, b: { port_id: string }) =>
      a.port_id.localeCompare(b.port_id);
    assert.deepEqual(
      [...kept.flows].sort(byPort),
      [...(await readPortFlows(store, scope))].sort(byPort),
    );
    const other = { ...policy, score: { ...policy.score, threshold: policy.score.threshold / 2 } };
    assert.equal(await readOverviewFigures(store, other), null, "another policy's counts");
  });

  it("list a port's persons as the records do", async () => {
    const flows = await readPortFlows(store, recordScope({}));
    assert.ok(flows.length > 0);
    const fromTable = await Promise.all(
      flows.map((f) => listPortPersons(store, f.port_id, { limit: 20 })),
    );
    await store.run("DELETE FROM read_overview");
    const live = await Promise.all(
      flows.map((f) => listPortPersons(store, f.port_id, { limit: 20 })),
    );
    assert.deepEqual(fromTable, live);
    assert.ok(fromTable.some((p) => p.persons.length > 0 && p.total > 0));
  });

  it("are not used once a later ingest run exists", async () => {
    const { policy } = await readStorePolicy(store);
    await store.run(
      `INSERT INTO read_overview SELECT (SELECT max(run_id) FROM ingest_runs) - 1,
      ?, ?::DATE, 0, 0, 0, NULL, NULL, 0, 0, 0, 0`,
      [policy.score.threshold, policy.deadline],
    );
    assert.equal(await readOverviewFigures(store, policy), null);
  });
});
