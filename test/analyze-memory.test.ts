import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runPipeline } from "../src/analyze/pipeline.js";
import { releaseMemory } from "../src/detection/cohorts.js";
import { withDb } from "./helpers/with-db.js";

describe("analyze under its memory cap", () => {
  it("reruns a step that runs out of memory with twice the memory, and says so", async (t) => {
    if (process.env.SOJOURN_MEMORY_LIMIT)
      return t.skip("SOJOURN_MEMORY_LIMIT is set: the caller's cap is never raised");
    await withDb(async (store) => {
      // One list of 4M integers is a single allocation of ~32 MB: it cannot spill.
      const step = {
        id: "big-list",
        description: "one list too large to spill",
        stages: ["list"],
        async run() {
          await store.run(
            "CREATE OR REPLACE TEMP TABLE big AS SELECT list(i) AS l FROM range(4000000) r(i)",
          );
          return {};
        },
      };
      const result = await runPipeline(store, { steps: [step], memoryLimitMb: 8 });
      const [only] = result.steps;
      assert.equal(only?.step, "big-list");
      assert.match(only?.memory_limit_retry ?? "", /^\d+MB$/);
      assert.ok(Number.parseInt(only?.memory_limit_retry ?? "0", 10) > 8);
      const [n] = await store.all<{ n: bigint }>("SELECT len(l) AS n FROM big");
      assert.equal(Number(n?.n), 4_000_000);
    });
  });

  it("keeps the cap a step sets again to hand memory back (the cohort step, three times)", async (t) => {
    if (process.env.SOJOURN_MEMORY_LIMIT)
      return t.skip("SOJOURN_MEMORY_LIMIT is set: the caller's cap is kept");
    await withDb(async (store) => {
      // DuckDB reads 3000MB back as '2.7 GiB'; setting what it reads lowered the cap each time.
      const limits: string[] = [];
      const step = (id: string, release: boolean) => ({
        id,
        description: id,
        stages: [id],
        async run() {
          if (release) for (let i = 0; i < 3; i++) await releaseMemory(store);
          const row = await store.one<{ m: string }>("SELECT current_setting('memory_limit') AS m");
          limits.push(row?.m ?? "");
          return {};
        },
      });
      await runPipeline(store, {
        steps: [step("before", false), step("release", true), step("after", false)],
        memoryLimitMb: 3000,
      });
      assert.equal(limits.length, 3);
      assert.deepEqual(new Set(limits).size, 1, `cap changed: ${limits.join(" → ")}`);
    });
  });
});
