import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { identityNameKeys, type RecordedName } from "./identity-name-keys.js";

function shares(a: RecordedName, b: RecordedName): boolean {
  const ka = new Set(identityNameKeys(a));
  return identityNameKeys(b).some((k) => ka.has(k));
}

describe("identityNameKeys", () => {
  const kim: RecordedName = { family: "KIM", given: "YONG CHOL" };
  it("gives one key to one name across scripts, romanizations and orders", () => {
    for (const other of [
      { full: "김영철" },
      { family: "김", given: "영철" },
      { full: "金永哲" },
      { full: "Kim Yŏng-ch'ŏl" },
      { full: "Gim Yeong-cheol" },
      { full: "Yong-chol Kim" },
      { full: "YONGCHOL KIM" },
      { family: "KIM", given: "YONGCHOL" },
    ])
      assert.ok(shares(kim, other), JSON.stringify(other));
  });

  it("applies the initial-sound law to surnames (RI = 리 = 李 = 이)", () => {
    assert.ok(shares({ family: "RI", given: "YONG NAM" }, { full: "리영남" }));
    assert.ok(shares({ full: "李永男" }, { full: "이영남" }));
  });

  it("keeps different names apart", () => {
    assert.ok(!shares(kim, { family: "KIM", given: "YONG CHUN" }));
    assert.ok(!shares(kim, { full: "박영철" }));
  });

  it("returns nothing for a record without a name", () => {
    assert.deepEqual(identityNameKeys({}), []);
    assert.deepEqual(identityNameKeys({ family: " ", full: null }), []);
  });
});
