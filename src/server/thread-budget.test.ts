import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { withDb } from "../../test/helpers/with-db.js";
import { ThreadBudget } from "./thread-budget.js";

/** Runs `fn` with a budget over a store opened with 3 threads, and a reader of the setting. */
function withBudget(
  fn: (budget: ThreadBudget, threads: () => Promise<number>) => Promise<void>,
): Promise<void> {
  return withDb(async (store) => {
    await store.run("SET threads = 3");
    const threads = async () =>
      Number((await store.one<{ t: string }>("SELECT current_setting('threads') AS t"))?.t);
    const budget = await ThreadBudget.of(await store.connect());
    try {
      await fn(budget, threads);
    } finally {
      budget.close();
    }
  });
}

describe("ThreadBudget", () => {
  it("keeps the store on one thread but while wide runs are under way, nested or overlapping", async () => {
    await withBudget(async (budget, threads) => {
      assert.equal(budget.all, 3);
      assert.equal(await threads(), 1);
      let release: () => void = () => undefined;
      const long = budget.wide(() => new Promise<void>((ok) => (release = ok)));
      await budget.wide(async () => {
        assert.equal(await threads(), 3);
        await budget.wide(async () => assert.equal(await threads(), 3));
      });
      assert.equal(await threads(), 3, "the long run is still under way");
      release();
      await long;
      assert.equal(await threads(), 1);
      await assert.rejects(
        budget.wide(async () => {
          throw new Error("job failed");
        }),
        /job failed/,
      );
      assert.equal(await threads(), 1);
    });
  });

  it("keeps the store on one thread while a narrow run is under way, wide runs or not", async () => {
    await withBudget(async (budget, threads) => {
      let release: () => void = () => undefined;
      const long = budget.wide(() => new Promise<void>((ok) => (release = ok)));
      await budget.narrow(async () => {
        assert.equal(await threads(), 1);
        await budget.wide(async () => assert.equal(await threads(), 1, "inside a narrow run"));
      });
      assert.equal(await threads(), 3, "the wide run is still under way");
      await budget.narrow(async () => assert.equal(await threads(), 1));
      release();
      await long;
      assert.equal(await threads(), 1);
      await budget.wide(async () => assert.equal(await threads(), 3));
    });
  });
});
