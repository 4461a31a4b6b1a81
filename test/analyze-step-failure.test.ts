/**
 * A run that fails in its last step leaves a store the next run completes: the places step has
 * already recorded the run, so the rerun finds its inputs unchanged, and must still rebuild
 * the read tables the failed step left from before. And a failing step's own error reaches
 * the caller, not the "transaction is aborted" error of a cleanup statement after it.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { Store } from "../src/db/store.js";
import { cliOk, tempDir } from "./helpers/with-db.js";

const tmp = tempDir("sojourn-step-failure-");
after(tmp.cleanup);

/** The simulated crossings split into two files by line: the first half and the rest. */
function twoFiles(): [string, string] {
  const sim = join(tmp.dir, "sim");
  cliOk(["simulate", "--out", sim, "--scale", "0.01", "--seed", "5"]);
  const [header, ...rows] = readFileSync(join(sim, "crossings.csv"), "utf8").trimEnd().split("\n");
  const half = Math.floor(rows.length / 2);
  const a = join(tmp.dir, "a.csv");
  const b = join(tmp.dir, "b.csv");
  writeFileSync(a, `${[header, ...rows.slice(0, half)].join("\n")}\n`);
  writeFileSync(b, `${[header, ...rows.slice(half)].join("\n")}\n`);
  return [a, b];
}

/** A script that runs every analyze step on `db`, the read-tables step replaced by a failure. */
function failingRun(db: string): string {
  const module = (path: string) => JSON.stringify(new URL(path, import.meta.url).href);
  return `
    import { ANALYZE_STEPS, runPipeline } from ${module("../src/analyze/pipeline.js")};
    import { createRun } from ${module("../src/analyze/run.js")};
    import { Store } from ${module("../src/db/store.js")};
    const steps = ANALYZE_STEPS.map((step) => step.id !== "read-tables" ? step : {
      ...step,
      run: async () => { throw new Error("read tables failed"); },
    });
    const store = await Store.open(${JSON.stringify(db)});
    await runPipeline(createRun(store), steps);`;
}

describe("analyze after a run that failed in its last step", () => {
  it("rebuilds the read tables the failed step left behind", async () => {
    const [a, b] = twoFiles();
    const db = join(tmp.dir, "s.duckdb");
    cliOk(["--db", db, "ingest", a]);
    cliOk(["--db", db, "analyze"]);
    cliOk(["--db", db, "ingest", b]);

    // In a process of its own, as the CLI runs it: the failed run's store is closed when the
    // process ends.
    const failing = spawnSync(process.execPath, ["--input-type=module", "-e", failingRun(db)], {
      encoding: "utf8",
      env: { ...process.env, TZ: "UTC" },
    });
    assert.match(failing.stderr, /read tables failed/);
    assert.notEqual(failing.status, 0);

    const report = JSON.parse(cliOk(["--db", db, "analyze", "--json"])) as {
      steps: { step: string; stats: Record<string, unknown> }[];
    };
    const readTables = report.steps.find((s) => s.step === "read-tables");
    assert.notEqual(readTables?.stats.skipped, true, "the rerun rebuilds the read tables");

    const check = await Store.open(db);
    try {
      const row = await check.one<{ alerts: bigint; meta: bigint; current: boolean }>(`SELECT
          (SELECT count(*) FROM alerts) AS alerts,
          (SELECT alerts FROM read_tables_meta) AS meta,
          (SELECT max(built_at) FROM read_tables_meta) >=
            (SELECT max(run_at) FROM analyze_runs WHERE NOT skipped) AS current`);
      assert.equal(Number(row?.meta), Number(row?.alerts));
      assert.equal(row?.current, true);
    } finally {
      check.close();
    }
    const again = JSON.parse(cliOk(["--db", db, "analyze", "--json"])) as typeof report;
    assert.equal(again.steps.find((s) => s.step === "read-tables")?.stats.skipped, true);
  });

  it("throws the step's error, not the aborted transaction's", async () => {
    const store = await Store.open(":memory:", { migrate: false });
    try {
      await store.run("CREATE TEMP TABLE scratch AS SELECT 1 AS x");
      await assert.rejects(
        store.transaction(() =>
          store.withCleanup(() => store.run("SELECT error('out of luck')"), "DROP TABLE scratch"),
        ),
        /out of luck/,
      );
      await store.withCleanup(() => store.run("SELECT 1"), "DROP TABLE scratch");
      const left = await store.one<{ n: bigint }>(
        "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'scratch'",
      );
      assert.equal(Number(left?.n), 0);
    } finally {
      store.close();
    }
  });
});
