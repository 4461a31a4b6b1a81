import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { KeptViews } from "./kept-views.js";

describe("KeptViews", () => {
  it("computes once for concurrent asks and keeps the answer", async () => {
    const views = new KeptViews(1000, () => 0);
    let computed = 0;
    const compute = async () => ++computed;
    const [a, b] = await Promise.all([views.get("k", compute), views.get("k", compute)]);
    assert.deepEqual([a, b, computed], [1, 1, 1]);
    assert.equal(await views.get("k", compute), 1);
  });

  it("serves the old answers while a refresh runs, then the new ones together", async () => {
    const views = new KeptViews(60_000);
    let data = "before";
    let gate: () => void = () => undefined;
    const held = () => new Promise<void>((ok) => (gate = ok));
    let wait: Promise<void> | null = null;
    const read = (name: string) => async () => {
      if (wait) await wait;
      return `${name} ${data}`;
    };
    assert.equal(await views.get("a", read("a")), "a before");
    assert.equal(await views.get("b", read("b")), "b before");
    data = "after";
    wait = held();
    const refreshed = views.refresh();
    assert.equal(await views.get("a", read("a")), "a before");
    gate();
    await refreshed;
    wait = null;
    assert.deepEqual(
      [await views.get("a", read("a")), await views.get("b", read("b"))],
      ["a after", "b after"],
    );
  });

  it("serves an answer past its age while one recomputation runs", async () => {
    let now = 0;
    const views = new KeptViews(1000, () => now);
    let computed = 0;
    const compute = async () => ++computed;
    assert.equal(await views.get("k", compute), 1);
    now = 1001;
    const stale = [views.get("k", compute), views.get("k", compute)];
    assert.deepEqual(await Promise.all(stale), [1, 1]);
    await new Promise((ok) => setImmediate(ok));
    assert.equal(await views.get("k", compute), 2);
    assert.equal(computed, 2);
  });

  it("keeps no failure, and drops a view whose refresh fails", async () => {
    const views = new KeptViews(60_000);
    await assert.rejects(
      views.get("e", async () => {
        throw new Error("store busy");
      }),
    );
    assert.equal(await views.get("e", async () => "ok"), "ok");
    let fail = false;
    assert.equal(
      await views.get("f", async () => {
        if (fail) throw new Error("gone");
        return "kept";
      }),
      "kept",
    );
    fail = true;
    await views.refresh();
    assert.equal(await views.get("f", async () => "again"), "again");
  });
});
