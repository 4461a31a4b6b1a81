import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ResponseCache } from "./response-cache.js";

describe("ResponseCache", () => {
  it("computes once for concurrent asks and keeps the text until invalidated", async () => {
    const cache = new ResponseCache();
    let computed = 0;
    const compute = async () => JSON.stringify({ n: ++computed });
    const [a, b] = await Promise.all([cache.get("k", compute), cache.get("k", compute)]);
    assert.deepEqual([a, b, computed], ['{"n":1}', '{"n":1}', 1]);
    assert.equal(await cache.get("k", compute), '{"n":1}');
    cache.invalidate();
    assert.equal(await cache.get("k", compute), '{"n":2}');
  });

  it("does not keep an answer computed while the data changed, nor a failure", async () => {
    const cache = new ResponseCache();
    let release: (v: string) => void = () => undefined;
    const slow = cache.get("k", () => new Promise<string>((ok) => (release = ok)));
    cache.invalidate();
    release("before");
    assert.equal(await slow, "before");
    assert.equal(await cache.get("k", async () => "after"), "after");
    await assert.rejects(
      cache.get("e", async () => {
        throw new Error("store busy");
      }),
    );
    assert.equal(await cache.get("e", async () => "ok"), "ok");
  });

  it("forgets the answers of one kind and keeps the others", async () => {
    const cache = new ResponseCache();
    await cache.get("page", async () => "page 1");
    await cache.get("overview", async () => "overview 1", "view");
    let release: (v: string) => void = () => undefined;
    const slow = cache.get("slow view", () => new Promise<string>((ok) => (release = ok)), "view");
    cache.invalidate(["view"]);
    release("stale");
    assert.equal(await slow, "stale");
    assert.equal(await cache.get("page", async () => "page 2"), "page 1");
    assert.equal(await cache.get("overview", async () => "overview 2", "view"), "overview 2");
    assert.equal(await cache.get("slow view", async () => "fresh", "view"), "fresh");
    cache.invalidate();
    assert.equal(await cache.get("page", async () => "page 3"), "page 3");
  });

  it("drops the least recently used answers past its byte budget", async () => {
    const cache = new ResponseCache(10);
    await cache.get("a", async () => "aaaa");
    await cache.get("b", async () => "bbbb");
    await cache.get("a", async () => "not kept");
    await cache.get("c", async () => "cccc");
    assert.equal(await cache.get("a", async () => "again"), "aaaa");
    assert.equal(await cache.get("b", async () => "recomputed"), "recomputed");
  });
});
