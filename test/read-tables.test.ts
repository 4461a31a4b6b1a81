/**
 * The read tables (src/read/read-tables.ts) say what the analyze results say: alert pages and
 * person detail read from them match the same figures computed from the base tables; a store
 * without them (analyzed before they existed) gets them on its first read.
 */
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { recordPseudonym } from "../src/core/masking.js";
import { v065RecordKeys } from "../src/db/migrations/065-record-keys.js";
import { v071RecordKeysOnly } from "../src/db/migrations/071-record-keys-only.js";
import { Store, sqlString } from "../src/db/store.js";
import { getPerson, listAlerts, searchPersons } from "../src/read/index.js";
import {
  personKey,
  personKeySql,
  READ_TABLES,
  READ_TABLES_LAYOUT,
  readTablesBuilt,
} from "../src/read/read-tables.js";
import { recordIdsSql, recordRefListSql } from "../src/read/records.js";
import { adversarialCsv } from "./fixtures/masking/adversarial.js";
import { cliOk, tempDir, writeFile } from "./helpers/with-db.js";

describe("read tables", () => {
  const tmp = tempDir("sojourn-read-tables-");
  const db = join(tmp.dir, "s.duckdb");
  let store: Store;
  let analyzeSteps: string[] = [];
  before(async () => {
    const csv = writeFile(tmp.dir, "a.csv", adversarialCsv());
    cliOk(["--db", db, "ingest", csv]);
    const report = JSON.parse(cliOk(["--db", db, "analyze", "--json"])) as {
      steps: { step: string }[];
    };
    analyzeSteps = report.steps.map((s) => s.step);
    store = await Store.open(db);
  });
  after(() => {
    store?.close();
    tmp.cleanup();
  });

  it("are built by the last analyze step, with this layout", async () => {
    assert.equal(analyzeSteps.at(-1), "read-tables");
    assert.ok(await readTablesBuilt(store));
    const meta = await store.one<{ layout: number; alerts: bigint }>(
      "SELECT layout, alerts FROM read_tables_meta",
    );
    assert.equal(meta?.layout, READ_TABLES_LAYOUT);
    const alerts = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM alerts");
    assert.equal(Number(meta?.alerts), Number(alerts?.n));
  });

  it("cite the records of the alerts' keys: masked by run and line, unmasked by source:record_id", async () => {
    const alerts = await store.json<{ alert_id: string; keys: string[] }>(
      "SELECT alert_id, list_transform(record_keys, k -> k::VARCHAR) AS keys FROM alerts",
    );
    assert.ok(alerts.length > 0);
    const records = await store.json<{ k: string; id: string }>(
      "SELECT rec_key::VARCHAR AS k, source || ':' || record_id AS id FROM records",
    );
    const idOf = new Map(records.map((r) => [r.k, r.id]));
    const masked = new Map(
      (await listAlerts(store, { limit: 0 })).items.map((a) => [a.alert_id, a]),
    );
    const unmasked = new Map(
      (await listAlerts(store, { limit: 0, unmask: true })).items.map((a) => [a.alert_id, a]),
    );
    for (const a of alerts) {
      assert.ok(a.keys.length > 0 && a.keys.every((k) => idOf.has(k)), a.alert_id);
      assert.deepEqual(masked.get(a.alert_id)?.record_ids, a.keys.map(recordPseudonym), a.alert_id);
      assert.deepEqual(
        unmasked.get(a.alert_id)?.record_ids,
        a.keys.map((k) => idOf.get(k)),
        a.alert_id,
      );
    }
  });

  it("page alerts in the order of the whole sorted listing, by rule and by score", async () => {
    for (const sort of ["rule", "score"] as const) {
      const all = (await listAlerts(store, { limit: 0, sort })).items.map((a) => a.alert_id);
      const expected = await store.json<{ alert_id: string }>(
        `SELECT alert_id FROM alerts ORDER BY ${sort === "rule" ? "rule, " : ""}score DESC, alert_id`,
      );
      assert.deepEqual(
        all,
        expected.map((a) => a.alert_id),
        sort,
      );
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await listAlerts(store, { limit: 3, sort, cursor });
        paged.push(...page.items.map((a) => a.alert_id));
        cursor = page.next;
      } while (cursor);
      assert.deepEqual(paged, all, sort);
    }
  });

  it("give each person every record, stay and alert of theirs", async () => {
    const persons = await store.json<{ person_id: string; records: number }>(
      `SELECT person_id, count(*)::INTEGER AS records FROM person_records GROUP BY ALL
       ORDER BY records DESC, person_id LIMIT 5`,
    );
    for (const p of persons) {
      const d = await getPerson(store, p.person_id);
      assert.equal(d.records.length, p.records, p.person_id);
      const stays = await store.json<{ record_ids: string[] }>(
        `SELECT ${recordRefListSql("s.record_keys", false)} AS record_ids FROM stays s
         WHERE person_id = ? ORDER BY entered_on`,
        [p.person_id],
      );
      assert.deepEqual(
        d.stays.map((s) => s.record_ids),
        stays.map((s) => s.record_ids),
      );
      const alerts = await store.json<{ alert_id: string }>(
        "SELECT alert_id FROM alerts WHERE person_id = ? ORDER BY period_start, rule",
        [p.person_id],
      );
      assert.deepEqual(
        d.alerts.map((a) => a.alert_id),
        alerts.map((a) => a.alert_id),
      );
      const linked = d.records.filter((r) => r.linked_by !== "first record");
      for (const r of linked) assert.match(String(r.linked_to), /^r\d+:\d+$/);
    }
  });

  it("key persons by an integer that orders as their ids do, in JavaScript as in SQL", async () => {
    const odd = ["P-", "", "P-한국어 이름", "x\\y", "P-ZZZZZZZZZZZZZZZZ", "P-2222222222222222"];
    const rows = await store.json<{ person_id: string; pkey: string }>(
      `SELECT person_id, pkey::VARCHAR AS pkey FROM read_persons
       UNION ALL SELECT x, (${personKeySql("x")})::VARCHAR
       FROM (VALUES ${odd.map((x) => `(${sqlString(x)})`).join(", ")}) v(x)
       ORDER BY person_id`,
    );
    assert.ok(rows.length > odd.length + 2);
    for (const r of rows) assert.equal(r.pkey, String(personKey(r.person_id)), r.person_id);
    const ids = rows.filter((r) => /^P-[A-Z2-7]{16}$/.test(r.person_id)).map((r) => BigInt(r.pkey));
    assert.ok(ids.length > 3);
    for (let i = 1; i < ids.length; i++) assert.ok(ids[i - 1]! <= ids[i]!, String(i));
  });

  it("find persons by a part of any name in any script, and by document, page by page", async () => {
    const samples = await store.json<{ q: string }>(
      `SELECT DISTINCT q FROM (
         SELECT script, substr(name, 2, 2) AS q FROM person_names WHERE length(name) >= 3
         UNION ALL SELECT script, upper(left(name, 2)) FROM person_names
         UNION ALL SELECT 'doc', doc_number FROM person_documents WHERE doc_number IS NOT NULL)
       WHERE trim(q) = q AND q <> '' ORDER BY q LIMIT 40`,
    );
    assert.ok(samples.length > 5);
    for (const { q } of samples) {
      const expected = await store.json<{ person_id: string }>(
        `SELECT DISTINCT person_id FROM (
           SELECT person_id FROM person_documents WHERE upper(doc_number) = upper($q)
           UNION ALL SELECT person_id FROM person_names
           WHERE NOT regexp_matches($q, '[0-9]') AND contains(lower(name), lower($q)))
         ORDER BY person_id`,
        { q },
      );
      const all = await searchPersons(store, { query: q, limit: 0 });
      assert.deepEqual(
        all.items.map((p) => p.person_id),
        expected.map((p) => p.person_id),
        q,
      );
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await searchPersons(store, { query: q, limit: 2, cursor });
        paged.push(...page.items.map((p) => p.person_id));
        cursor = page.next;
      } while (cursor);
      assert.deepEqual(
        paged,
        expected.map((p) => p.person_id),
        q,
      );
    }
  });

  it("give each person their names, most frequent first", async () => {
    const persons = await store.json<{ person_id: string }>(
      "SELECT person_id FROM persons ORDER BY person_id LIMIT 10",
    );
    for (const p of persons) {
      const names = await store.json<{ name: string; script: string; count: string }>(
        "SELECT name, script, count FROM person_names WHERE person_id = ? ORDER BY count DESC, name",
        [p.person_id],
      );
      const d = await getPerson(store, p.person_id, { unmask: true });
      assert.deepEqual(d.names, names, p.person_id);
    }
  });

  it("are rebuilt on the first read of a store that has none", async () => {
    const before = await listAlerts(store, { limit: 0 });
    await store.run("DELETE FROM read_tables_meta");
    for (const t of READ_TABLES) await store.run(`DROP TABLE ${t}`);
    assert.equal(await readTablesBuilt(store), false);
    const after = await listAlerts(store, { limit: 0 });
    assert.deepEqual(after, before);
    assert.ok(await readTablesBuilt(store));
  });

  it("cite loaded records; a store that cited them by id gets the same keys (migrations 065, 071)", async () => {
    for (const table of ["stays", "alerts"]) {
      const row = await store.one<{ cited: bigint; loaded: bigint }>(
        `SELECT count(*) AS cited, count(r.rec_key) AS loaded
         FROM (SELECT unnest(record_keys) AS key FROM ${table}) c LEFT JOIN records r ON r.rec_key = c.key`,
      );
      assert.ok(Number(row?.cited) > 0, table);
      assert.equal(row?.loaded, row?.cited, table);
    }
    // A store analyzed before the keys existed (record ids only) gets the same keys from
    // migration 065, and its stays in person order; 071 then drops the ids.
    await store.run("CHECKPOINT");
    const old = join(tmp.dir, "old.duckdb");
    copyFileSync(db, old);
    const copy = await Store.open(old);
    const columns = "* EXCLUDE (record_ids, record_keys), record_ids, record_keys";
    try {
      await copy.run("DROP VIEW read_person_stays");
      for (const table of ["stays", "alerts"]) {
        await copy.run(`ALTER TABLE ${table} ADD COLUMN record_ids VARCHAR[]`);
        await copy.run(`UPDATE ${table} SET record_ids = ${recordIdsSql("record_keys")}`);
        await copy.run(`CREATE TEMP TABLE ${table}_written AS SELECT ${columns} FROM ${table}`);
        await copy.run(`ALTER TABLE ${table} DROP COLUMN record_keys`);
      }
      const migrate = v065RecordKeys.run;
      assert.ok(migrate);
      await copy.transaction(() => migrate(copy));
      for (const table of ["stays", "alerts"]) {
        const diff = await copy.one<{ n: bigint }>(
          `SELECT count(*) AS n FROM (
             (SELECT ${columns} FROM ${table} EXCEPT ALL SELECT * FROM ${table}_written)
             UNION ALL (SELECT * FROM ${table}_written EXCEPT ALL SELECT ${columns} FROM ${table}))`,
        );
        assert.equal(Number(diff?.n), 0, table);
      }
      const unordered = await copy.one<{ n: bigint }>(
        `SELECT count(*) AS n FROM (SELECT person_id < lag(person_id) OVER (ORDER BY rowid) AS back
         FROM stays) WHERE back`,
      );
      assert.equal(Number(unordered?.n), 0);
      await copy.run(v071RecordKeysOnly.sql ?? "");
      const ids = await copy.one<{ n: bigint }>(
        "SELECT count(*) AS n FROM duckdb_columns() WHERE column_name = 'record_ids' AND table_name IN ('stays', 'alerts')",
      );
      assert.equal(Number(ids?.n), 0);
    } finally {
      copy.close();
    }
  });
});

describe("read tables of a simulated port log", () => {
  const tmp = tempDir("sojourn-read-tables-sim-");
  const db = join(tmp.dir, "s.duckdb");
  let store: Store;
  before(async () => {
    cliOk(["simulate", "--out", join(tmp.dir, "sim"), "--scale", "0.01", "--json"]);
    cliOk(["--db", db, "ingest", join(tmp.dir, "sim", "crossings.csv"), "--json"]);
    cliOk(["--db", db, "analyze", "--json"]);
    store = await Store.open(db);
  });
  after(() => {
    store?.close();
    tmp.cleanup();
  });

  it("give each person their documents, cohorts, document links and re-exports", async () => {
    // The persons with the most documents, cohorts, links and re-exports, unmasked.
    const persons = await store.json<{ person_id: string }>(
      `SELECT person_id FROM (
         (SELECT person_id FROM person_documents GROUP BY ALL ORDER BY count(*) DESC, 1 LIMIT 3)
         UNION (SELECT person_id FROM cohort_members GROUP BY ALL ORDER BY count(*) DESC, 1 LIMIT 3)
         UNION (SELECT person_id FROM person_links GROUP BY ALL ORDER BY count(*) DESC, 1 LIMIT 6))
       ORDER BY person_id`,
    );
    assert.ok(persons.length > 3, "the simulation has documents, cohorts and links");
    let reexports = 0;
    for (const { person_id } of persons) {
      const d = await getPerson(store, person_id, { unmask: true });
      const docs = await store.json<{ doc_number: string }>(
        "SELECT doc_number FROM person_documents WHERE person_id = ? ORDER BY first_seen, doc_number",
        [person_id],
      );
      assert.deepEqual(
        d.documents.map((x) => x.doc_number),
        docs.map((x) => x.doc_number),
        person_id,
      );
      const cohorts = await store.json<{ cohort_id: string; kind: string; role: string }>(
        `SELECT m.cohort_id, k.kind, m.role FROM cohort_members m JOIN cohorts k USING (cohort_id)
         WHERE m.person_id = ? ORDER BY m.first_seen, m.cohort_id`,
        [person_id],
      );
      assert.deepEqual(
        d.cohorts.map(({ cohort_id, kind, role }) => ({ cohort_id, kind, role })),
        cohorts,
        person_id,
      );
      const links = await store.json<{ reason: string; a: string; b: string }>(
        `SELECT reason, ra.source || ':' || ra.record_id AS a, rb.source || ':' || rb.record_id AS b
         FROM person_links l JOIN records ra ON ra.rec_key = l.rec_key_a
         JOIN records rb ON rb.rec_key = l.rec_key_b
         WHERE l.person_id = ? AND reason NOT IN ('same document', 're-export')
         ORDER BY reason, a, b`,
        [person_id],
      );
      assert.deepEqual(
        d.links.map((l) => ({ reason: l.reason, a: l.record_a, b: l.record_b })),
        links,
        person_id,
      );
      const reexported = await store.json<{ a: string; b: string }>(
        `SELECT ra.source || ':' || ra.record_id AS a, rb.source || ':' || rb.record_id AS b
         FROM person_links l JOIN records ra ON ra.rec_key = l.rec_key_a
         JOIN records rb ON rb.rec_key = l.rec_key_b
         WHERE l.person_id = ? AND reason = 're-export' ORDER BY b`,
        [person_id],
      );
      const shown = d.records
        .filter((r) => r.linked_by === "re-export")
        .map((r) => ({ a: String(r.linked_to), b: `${r.source}:${r.record_id}` }))
        .sort((x, y) => x.b.localeCompare(y.b));
      assert.deepEqual(shown, reexported, person_id);
      reexports += shown.length;
    }
    assert.ok(reexports > 0, "the sample has re-exports");
  });
});
