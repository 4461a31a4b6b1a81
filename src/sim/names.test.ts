import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SURNAMES } from "./data/korean-names.js";
import { generateKoreanName, misspell, NAME_STYLES, type PersonName, renderName } from "./names.js";
import { Rng } from "./rng.js";

const KIM_YONG_CHOL: PersonName = {
  familyHangul: "김",
  givenHangul: "영철",
  familyHanja: "金",
  givenHanja: "永哲",
  familyZh: "金",
  givenZh: "永哲",
  korean: true,
};

describe("names", () => {
  it("renders one name in every style from the same Hangul and characters", () => {
    assert.deepEqual(renderName(KIM_YONG_CHOL, "hangul"), {
      family: "김",
      given: "영철",
      full: "김영철",
    });
    assert.deepEqual(renderName(KIM_YONG_CHOL, "han"), {
      family: "金",
      given: "永哲",
      full: "金永哲",
    });
    assert.equal(renderName(KIM_YONG_CHOL, "passport").full, "KIM YONG CHOL");
    assert.equal(renderName(KIM_YONG_CHOL, "run-together").given, "YONGCHOL");
    assert.equal(renderName(KIM_YONG_CHOL, "pinyin").full, "Jin Yongzhe");
    assert.match(renderName(KIM_YONG_CHOL, "western").full, /^Yong-chol Kim$/);
    assert.match(renderName(KIM_YONG_CHOL, "mr").full, /ŏ/);
    for (const style of NAME_STYLES)
      assert.ok(renderName(KIM_YONG_CHOL, style).full.length > 0, style);
  });

  it("uses the North's surname forms (Ri, Rim, Ryu, Ro, Ryang)", () => {
    const north = new Set(SURNAMES.map((s) => s.hangul));
    for (const h of ["리", "림", "류", "로", "량"]) assert.ok(north.has(h), h);
    for (const h of ["이", "임", "노"]) assert.ok(!north.has(h), h);
    const ri: PersonName = {
      ...KIM_YONG_CHOL,
      familyHangul: "리",
      familyHanja: "李",
      familyZh: "李",
    };
    assert.equal(renderName(ri, "passport").family, "RI");
  });

  it("draws surnames by frequency: Kim, Ri and Pak make up about 45 %", () => {
    const rng = new Rng(1);
    let top = 0;
    for (let i = 0; i < 5000; i++) {
      const n = generateKoreanName(rng, i % 2 ? "M" : "F");
      if (["김", "리", "박"].includes(n.familyHangul)) top += 1;
      assert.equal(Array.from(n.givenHangul).length, Array.from(n.givenHanja).length);
    }
    assert.ok(top / 5000 > 0.38 && top / 5000 < 0.52, String(top));
  });

  it("misspells by one edit", () => {
    const rng = new Rng(2);
    for (let i = 0; i < 200; i++) {
      const out = misspell(rng, "YONG CHOL");
      assert.notEqual(out, "YONG CHOL");
      assert.ok(Math.abs(out.length - 9) <= 1);
    }
  });
});
