import assert from "node:assert/strict";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { generateCrossings } from "../bench/generate-crossings.js";
import { Store } from "../src/db/store.js";
import { runCli, spawnCli, tempDir } from "./helpers/with-db.js";

const tmp = tempDir();
after(tmp.cleanup);

async function count(db: string): Promise<{ records: number; runs: number; running: number }> {
  const store = await Store.open(db);
  try {
    const [r] = await store.all<{ records: bigint; runs: bigint; running: bigint }>(
      `SELECT (SELECT count(*) FROM records) AS records,
              (SELECT count(*) FROM ingest_runs WHERE status = 'done') AS runs,
              (SELECT count(*) FROM ingest_runs WHERE status = 'running') AS running`,
    );
    return { records: Number(r?.records), runs: Number(r?.runs), running: Number(r?.running) };
  } finally {
    store.close();
  }
}

describe("ingest: crash safety", () => {
  it("a kill mid-file leaves the store as before that file, and the rerun completes", async () => {
    const rows = 150_000;
    const file = join(tmp.dir, "big.csv");
    await generateCrossings(file, rows);
    const small = join(tmp.dir, "small.csv");
    await generateCrossings(small, 10);

    for (const delay of [150, 400, 900]) {
      const db = join(tmp.dir, `crash-${delay}.duckdb`);
      // A file committed before the crash must survive it. (It holds the big file's first ten
      // rows, so those end as duplicates on the rerun.)
      const before = runCli(["--db", db, "ingest", small, "--source", "before"]);
      assert.equal(before.status, 0, before.stderr);
      const child = spawnCli(["--db", db, "ingest", file]);
      await sleep(delay);
      child.kill("SIGKILL");
      await new Promise((resolve) => child.on("exit", resolve));

      const afterKill = await count(db);
      assert.equal(afterKill.running, 0, "no half-recorded run");
      assert.ok(
        afterKill.records === 10 || afterKill.records === rows,
        `store holds either none or all of the killed file, got ${afterKill.records}`,
      );

      const rerun = runCli(["--db", db, "ingest", file, "--json"]);
      assert.equal(rerun.status, 0, rerun.stderr);
      const summary = JSON.parse(rerun.stdout);
      if (afterKill.records === rows)
        // The kill came after the run completed: the same file is not read again.
        assert.equal(typeof summary.files[0].repeat_of, "number");
      else {
        assert.equal(summary.read, rows);
        assert.equal(summary.loaded + summary.duplicates, rows);
      }
      const final = await count(db);
      assert.equal(final.records, rows);
    }
  });

  it("rows appended by a run killed before they were sorted are dropped at the next open", async () => {
    const file = join(tmp.dir, "sorted-later.csv");
    await generateCrossings(file, 1_000);
    const db = join(tmp.dir, "between.duckdb");
    const first = runCli(["--db", db, "ingest", file, "--json"]);
    assert.equal(first.status, 0, first.stderr);
    // The state a kill between ingest's two transactions leaves: the second file's rows
    // appended and committed, unsorted (no keys yet), its run still 'running'.
    const store = await Store.open(db);
    try {
      await store.run(`INSERT INTO ingest_runs (run_id, file, source, started_at, status)
        VALUES (99, 'killed.csv', 'killed', now(), 'running')`);
      await store.run(`INSERT INTO records SELECT * REPLACE (NULL AS rec_key, 99 AS run_id, NULL AS line)
        FROM records`);
      await store.run(
        `INSERT INTO rejects (run_id, file, line, reason) VALUES (99, 'killed.csv', 7, 'x')`,
      );
    } finally {
      store.close();
    }
    const reopened = await Store.open(db);
    try {
      const [r] = await reopened.all<{
        rows: bigint;
        rejects: bigint;
        status: string;
        error: string;
      }>(
        `SELECT (SELECT count(*) FROM records WHERE run_id = 99) AS rows,
                (SELECT count(*) FROM rejects WHERE run_id = 99) AS rejects, status, error
         FROM ingest_runs WHERE run_id = 99`,
      );
      assert.equal(Number(r?.rows), 0);
      assert.equal(Number(r?.rejects), 0);
      assert.equal(r?.status, "failed");
      assert.match(r?.error ?? "", /interrupted/);
    } finally {
      reopened.close();
    }
    assert.deepEqual(await count(db), { records: 1_000, runs: 1, running: 0 });
    const rerun = runCli(["--db", db, "ingest", file, "--json"]);
    assert.equal(rerun.status, 0, rerun.stderr);
    // The first run completed: the same bytes with the same settings are not read again.
    const again = JSON.parse(rerun.stdout);
    assert.equal(again.files[0].repeat_of, JSON.parse(first.stdout).files[0].run_id);
    assert.deepEqual([again.read, again.loaded, again.duplicates], [0, 0, 0]);
  });
});
