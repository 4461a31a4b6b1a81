import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hashSeed, Rng } from "./rng.js";

describe("rng", () => {
  it("is reproducible per seed and label", () => {
    const a = Rng.derive(1, "team", 3);
    const b = Rng.derive(1, "team", 3);
    const c = Rng.derive(1, "team", 4);
    const xs = Array.from({ length: 5 }, () => a.float());
    assert.deepEqual(
      xs,
      Array.from({ length: 5 }, () => b.float()),
    );
    assert.notDeepEqual(
      xs,
      Array.from({ length: 5 }, () => c.float()),
    );
    assert.notEqual(hashSeed(1, "a"), hashSeed(2, "a"));
  });

  it("keeps draws in range", () => {
    const r = new Rng(9);
    for (let i = 0; i < 10_000; i++) {
      const f = r.float();
      assert.ok(f >= 0 && f < 1);
      const n = r.int(20, 29);
      assert.ok(n >= 20 && n <= 29 && Number.isInteger(n));
      const t = r.triangular(20, 27, 29);
      assert.ok(t >= 20 && t <= 29);
    }
  });
});
