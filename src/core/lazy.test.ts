import assert from "node:assert/strict";
import { test } from "node:test";
import { lazy, memoize } from "./lazy.js";

test("lazy: builds on the first call only, and keeps a falsy value", () => {
  const made: number[] = [];
  const zero = lazy(() => {
    made.push(0);
    return 0;
  });
  assert.equal(made.length, 0);
  assert.equal(zero(), 0);
  assert.equal(zero(), 0);
  assert.deepEqual(made, [0]);
});

test("memoize: one call per key; past max the kept results are let go", () => {
  const calls: string[] = [];
  const upper = memoize((s: string) => {
    calls.push(s);
    return s.toUpperCase();
  }, 2);
  assert.equal(upper("a"), "A");
  assert.equal(upper("a"), "A");
  assert.equal(upper("b"), "B");
  assert.equal(upper("c"), "C");
  assert.deepEqual(calls, ["a", "b", "c"]);
  upper("d"); // three kept, over the limit of two: let go before keeping "d"
  upper("a");
  assert.deepEqual(calls, ["a", "b", "c", "d", "a"]);
});
