import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ReadCache } from "./read-cache.js";

describe("ReadCache", () => {
  it("computes once for concurrent asks and keeps the answer until invalidated or expired", async () => {
    let now = 0;
    const cache = new ReadCache(() => now);
    let computed = 0;
    const compute = async () => ++computed;
    const [a, b] = await Promise.all([
      cache.get("k", 1000, compute),
      cache.get("k", 1000, compute),
    ]);
    assert.deepEqual([a, b, computed], [1, 1, 1]);
    assert.equal(await cache.get("k", 1000, compute), 1);
    cache.invalidate();
    assert.equal(await cache.get("k", 1000, compute), 2);
    now = 1001;
    assert.equal(await cache.get("k", 1000, compute), 3);
  });

  it("does not keep an answer computed while the store changed, nor a failure", async () => {
    const cache = new ReadCache();
    let release: (v: string) => void = () => undefined;
    const slow = cache.get("k", 60_000, () => new Promise<string>((ok) => (release = ok)));
    cache.invalidate();
    release("before the write");
    assert.equal(await slow, "before the write");
    assert.equal(await cache.get("k", 60_000, async () => "after"), "after");
    await assert.rejects(
      cache.get("e", 60_000, async () => {
        throw new Error("store busy");
      }),
    );
    assert.equal(await cache.get("e", 60_000, async () => "ok"), "ok");
  });
});
