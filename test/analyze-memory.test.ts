import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { commitScratch } from "../src/analyze/commit-scratch.js";
import { runPipeline } from "../src/analyze/pipeline.js";
import { createRun } from "../src/analyze/run.js";
import type { AnalyzeStep } from "../src/analyze/step.js";
import {
  defaultMemoryLimitMb,
  MEMORY_MAX_MB,
  MEMORY_MIN_MB,
  MEMORY_SHARE,
} from "../src/db/memory-limit.js";
import { parseMemorySize, Store } from "../src/db/store.js";
import { runCli, withDb } from "./helpers/with-db.js";

/** A step for these tests: `fn` is its work, it reads and writes no table of the contract. */
function testStep(id: string, fn: AnalyzeStep["run"]): AnalyzeStep {
  return { id, description: id, stages: [id], reads: [], writes: [], run: fn };
}

describe("analyze under its memory cap", () => {
  it("reruns a step that runs out of memory with twice the memory, and says so", async () => {
    await withDb(async (store) => {
      // One list of 4M integers is a single allocation of ~32 MB: it cannot spill.
      let length = 0;
      const step = testStep("big-list", async (run) => {
        await run.store.run(
          "CREATE OR REPLACE TEMP TABLE big AS SELECT list(i) AS l FROM range(4000000) r(i)",
        );
        const [n] = await run.store.all<{ n: bigint }>("SELECT len(l) AS n FROM big");
        length = Number(n?.n);
        await run.store.run("DROP TABLE big");
        return {};
      });
      const result = await runPipeline(createRun(store, { memoryLimitMb: 8 }), [step]);
      const [only] = result.steps;
      assert.equal(only?.step, "big-list");
      assert.match(only?.memory_limit_retry ?? "", /^\d+MiB$/);
      assert.ok(Number.parseInt(only?.memory_limit_retry ?? "0", 10) > 8);
      assert.equal(length, 4_000_000);
    });
  });

  it("drops the temporary tables a step committed before it reruns it", async () => {
    await withDb(async (store) => {
      let runs = 0;
      const step = testStep("commits-then-big-list", async (run) => {
        runs++;
        // No OR REPLACE: a table left by the first attempt would fail the second.
        await run.store.run("CREATE TEMP TABLE scratch AS SELECT range AS i FROM range(10)");
        await commitScratch(run.store);
        await run.store.run(
          "CREATE TEMP TABLE big AS SELECT list(i) AS l FROM range(4000000) r(i)",
        );
        await run.store.run("DROP TABLE big");
        await run.store.run("DROP TABLE scratch");
        return {};
      });
      const result = await runPipeline(createRun(store, { memoryLimitMb: 8 }), [step]);
      assert.ok(runs > 1, `ran ${runs} times`);
      assert.match(result.steps[0]?.memory_limit_retry ?? "", /^\d+MiB$/);
      const left = await store.all("SELECT table_name FROM duckdb_tables() WHERE temporary");
      assert.deepEqual(left, []);
    });
  });

  it("keeps the cap a step sets again to hand memory back (the cohort step, three times)", async () => {
    await withDb(async (store) => {
      // DuckDB reads 3000MiB back as '2.9 GiB'; setting what it reads would lower the cap.
      const limits: string[] = [];
      const step = (id: string, release: boolean) =>
        testStep(id, async (run) => {
          if (release) for (let i = 0; i < 3; i++) await run.memory.release();
          const row = await store.one<{ m: string }>("SELECT current_setting('memory_limit') AS m");
          limits.push(row?.m ?? "");
          return {};
        });
      await runPipeline(createRun(store, { memoryLimitMb: 3000 }), [
        step("before", false),
        step("release", true),
        step("after", false),
      ]);
      assert.equal(limits.length, 3);
      assert.deepEqual(new Set(limits).size, 1, `cap changed: ${limits.join(" → ")}`);
    });
  });

  it("keeps a limit the caller fixed, and puts back the store's own after its own cap", async () => {
    await withDb(async (store) => {
      const limit = async () =>
        (await store.one<{ m: string }>("SELECT current_setting('memory_limit') AS m"))?.m;
      // As Store.open does with SOJOURN_MEMORY_LIMIT.
      await store.run("SET memory_limit = '2GiB'");
      const before = await limit();
      let during: string | undefined;
      const step = testStep("read", async (run) => {
        await run.memory.release();
        during = await limit();
        return {};
      });
      await runPipeline(createRun(store, { fixedMemoryLimit: "2GiB" }), [step]);
      assert.equal(during, before);
      await runPipeline(createRun(store, { memoryLimitMb: 3000 }), [step]);
      assert.equal(during, "2.9 GiB");
      assert.equal(await limit(), before);
    });
  });
});

describe("room for JavaScript under the cap", () => {
  const limit = async (store: Store) =>
    (await store.one<{ m: string }>("SELECT current_setting('memory_limit') AS m"))?.m;

  it("lowers DuckDB's limit by what JavaScript will hold, never under the minimum, and puts the cap back", async () => {
    await withDb(async (store) => {
      const seen: (string | undefined)[] = [];
      const step = testStep("arrays", async (run) => {
        await run.memory.roomForJs(1000);
        seen.push(await limit(store));
        await run.memory.roomForJs(5000);
        seen.push(await limit(store));
        await run.memory.endJs();
        seen.push(await limit(store));
        return {};
      });
      await runPipeline(createRun(store, { memoryLimitMb: 3000 }), [step]);
      // 3000 − 1000 MiB, then the minimum; then the cap again (DuckDB reads 3000MiB as 2.9 GiB).
      assert.deepEqual(seen, ["1.9 GiB", `${MEMORY_MIN_MB}.0 MiB`, "2.9 GiB"]);
    });
  });

  it("keeps a limit the caller fixed", async () => {
    await withDb(async (store) => {
      await store.run("SET memory_limit = '2GiB'");
      let during: string | undefined;
      const step = testStep("arrays", async (run) => {
        await run.memory.roomForJs(1500);
        during = await limit(store);
        await run.memory.endJs();
        return {};
      });
      await runPipeline(createRun(store, { fixedMemoryLimit: "2GiB" }), [step]);
      assert.equal(during, "2.0 GiB");
    });
  });

  it("collects the typed arrays a step let go of before the next step", async () => {
    await withDb(async (store) => {
      const held = { arrays: [] as Int32Array[] };
      const js = () => {
        const m = process.memoryUsage();
        return (m.heapUsed + m.external) / 2 ** 20;
      };
      let after = 0;
      let during = 0;
      const allocate = testStep("allocate", async () => {
        for (let i = 0; i < 8; i++) held.arrays.push(new Int32Array(8 * 2 ** 20).fill(i));
        during = js();
        held.arrays = [];
        return {};
      });
      const next = testStep("next", async () => {
        after = js();
        return {};
      });
      await runPipeline(createRun(store), [allocate, next]);
      // 8 arrays of 32 MiB: held during the first step, gone when the next one starts.
      assert.ok(
        during - after > 200,
        `JavaScript ${during.toFixed(0)} MiB, then ${after.toFixed(0)}`,
      );
    });
  });
});

describe("the step contract", () => {
  it("refuses a step that leaves a temporary table it did not declare", async () => {
    await withDb(async (store) => {
      const step = testStep("leaky", async (run) => {
        await run.store.run("CREATE TEMP TABLE leaky_scratch AS SELECT 1 AS x");
        return {};
      });
      await assert.rejects(
        runPipeline(createRun(store), [step]),
        /left temporary table leaky_scratch/,
      );
    });
  });
});

describe("memory that fits the machine", () => {
  it("derives the default limit from the machine's memory, within its bounds", () => {
    const gib = 2 ** 30;
    assert.equal(defaultMemoryLimitMb(24 * gib), Math.floor(24 * 1024 * MEMORY_SHARE));
    assert.ok(defaultMemoryLimitMb(24 * gib) < 3000, "a 24 GiB machine stays under 6 GB RSS");
    assert.equal(defaultMemoryLimitMb(2 * gib), MEMORY_MIN_MB);
    assert.equal(defaultMemoryLimitMb(256 * gib), MEMORY_MAX_MB);
  });

  it("opens a store with the memory limit and threads it is given", async () => {
    const store = await Store.open(":memory:", { memoryLimit: "700MB", threads: 1 });
    try {
      const row = await store.one<{ m: string; t: bigint }>(
        "SELECT current_setting('memory_limit') AS m, current_setting('threads') AS t",
      );
      assert.equal(row?.m, "667.5 MiB");
      assert.equal(Number(row?.t), 1);
    } finally {
      store.close();
    }
  });

  it("refuses a --memory that is no size, naming the flag and what it expects", () => {
    assert.equal(parseMemorySize(" 3GB ", "--memory"), "3GB");
    assert.throws(() => parseMemorySize("lots", "--memory"), /--memory "lots": expected a size/);
    const r = runCli(["--memory", "lots", "--db", ":memory:", "runs", "--json"]);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /--memory "lots": expected a size such as 3GB/);
    const env = runCli(["--db", ":memory:", "runs", "--json"], { SOJOURN_THREADS: "none" });
    assert.match(env.stderr, /SOJOURN_THREADS "none": expected a whole number/);
  });
});
