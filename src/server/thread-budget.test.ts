import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { withDb } from "../../test/helpers/with-db.js";
import { ThreadBudget } from "./thread-budget.js";

describe("ThreadBudget", () => {
  it("keeps the store on one thread but while wide runs are under way, nested or overlapping", async () => {
    await withDb(async (store) => {
      await store.run("SET threads = 3");
      const threads = async () =>
        Number((await store.one<{ t: string }>("SELECT current_setting('threads') AS t"))?.t);
      const budget = await ThreadBudget.of(await store.connect());
      try {
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
      } finally {
        budget.close();
      }
    });
  });

  it("keeps the store on one thread while a narrow run is under way, wide runs or not", async () => {
    await withDb(async (store) => {
      await store.run("SET threads = 3");
      const threads = async () =>
        Number((await store.one<{ t: string }>("SELECT current_setting('threads') AS t"))?.t);
      const budget = await ThreadBudget.of(await store.connect());
      try {
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
      } finally {
        budget.close();
      }
    });
  });
});
