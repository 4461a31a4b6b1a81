/**
 * A `lists import` stopped after its import committed and before its re-screening and stored
 * index (a kill in those last seconds): the rerun finds the same bytes already imported, and must
 * still finish that work — the store then equals one a clean import leaves.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { Store } from "../../src/db/store.js";
import { repoRoot } from "../../src/repo-root.js";
import { importList } from "../../src/sanctions/import-list.js";
import { readListFiles } from "../../src/sanctions/read-list-files.js";
import { queryDb, runCli, tempDir, writeFile } from "../helpers/with-db.js";

const UN_2018 = join(
  repoRoot(),
  "test",
  "fixtures",
  "sanctions",
  "un_sc_consolidated_2018-10-29.xml",
);

const CROSSINGS = [
  "record_id,crossed_at,direction,port,nationality,doc_number,full_name,birth_date,sponsor",
  "r1,2019-06-03,entry,Quanhe,PRK,P1,PAK MIN SU,1990-01-01,Korea Mining Development Trading Corporation",
  "r2,2019-06-04,entry,Quanhe,PRK,P2,RI SONG HUN,1991-02-01,Hunchun Seafood Processing Co. Ltd",
].join("\n");

async function state(db: string) {
  const hits = await queryDb<{ k: string }>(
    db,
    "SELECT subject_kind || '|' || subject || '|' || list || '|' || reference AS k FROM screening_hits ORDER BY 1",
  );
  const index = await queryDb<{ lists: string; bytes: string }>(
    db,
    `SELECT (SELECT string_agg(s.list, ',' ORDER BY s.list) FROM sanction_imports s
              WHERE list_contains(string_split(i.imports, ','), s.import_id::VARCHAR)) AS lists,
            md5(i.data::VARCHAR) AS bytes
     FROM screening_indexes i`,
  );
  return { hits: hits.map((h) => h.k), index };
}

test("a lists import stopped after its commit is re-screened and indexed by the rerun", async () => {
  const { dir, cleanup } = tempDir();
  try {
    const csv = writeFile(dir, "c.csv", CROSSINGS);
    const clean = join(dir, "clean.duckdb");
    const killed = join(dir, "killed.duckdb");
    for (const db of [clean, killed]) assert.equal(runCli(["--db", db, "ingest", csv]).status, 0);
    assert.equal(runCli(["--db", clean, "lists", "import", UN_2018]).status, 0);

    // The import's own transaction commits; the command stops before anything after it.
    const store = await Store.open(killed);
    try {
      await importList(store, readListFiles([UN_2018]));
    } finally {
      store.close();
    }
    const rerun = runCli(["--db", killed, "lists", "import", UN_2018]);
    assert.equal(rerun.status, 0, rerun.stderr);

    const want = await state(clean);
    assert.ok(want.hits.some((h) => h.startsWith("sponsor|") && h.endsWith("|KPe.001")));
    assert.deepEqual(await state(killed), want);
    assert.match(rerun.stdout, /finished the re-screening and index of an interrupted import/);
    // A further rerun has nothing left to finish.
    assert.match(runCli(["--db", killed, "lists", "import", UN_2018]).stdout, /nothing changed/);
  } finally {
    cleanup();
  }
});
