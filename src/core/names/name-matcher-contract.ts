/**
 * The contract every name matcher in Sojourn must pass, so that matchers can be swapped and
 * compared on the same cases. A matcher is a function from two names to a score in [0, 1];
 * `runNameMatcherContract` registers node:test cases for it. compare-names.test.ts runs it for
 * compareNames; a future matcher (e.g. an embedding model) should call it too. Test-only code:
 * index.ts does not export it, so production imports never load node:test.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { MATCH_THRESHOLD } from "./compare-names.js";
import type { NameInput } from "./parse-name.js";

export { MATCH_THRESHOLD };

export type NameMatcher = (a: NameInput, b: NameInput) => number;

/** Spellings of one name across systems and scripts (test/fixtures/names/dprk_names.tsv). */
export const SAME_NAME_GROUPS: readonly (readonly string[])[] = [
  [
    "KIM YONG CHOL",
    "Kim Yŏng-ch'ŏl",
    "Gim Yeong-cheol",
    "Kim Yong-chol",
    "Kim Yo’ng-ch’o’l",
    "김영철",
    "金英徹",
    "KIM, Yong Chol",
    "YONGCHOL KIM",
  ],
  [
    "Kim Jong Un",
    "Kim Jong-un",
    "Kim Chŏng-ŭn",
    "Gim Jeong-eun",
    "김정은",
    "金正恩",
    "KIM JONG UN",
  ],
  ["Choe Ryong Hae", "Ch'oe Ryong-hae", "Choi Ryong-hae", "최룡해", "崔龍海", "崔龙海"],
  [
    "Jang Song Thaek",
    "Chang Sŏng-t'aek",
    "Jang Seong-taek",
    "Jang Sung-taek",
    "장성택",
    "張成澤",
    "张成泽",
  ],
  ["Pak Pong Ju", "Park Bong-ju", "Pak Pong-ju", "박봉주", "朴奉珠"],
  ["Ri Pyong Chol", "RI PYO'NG-CH'O'L", "Lee Byung-chul", "리병철", "이병철"],
  ["Ri Man Gon", "Ri Man-gon", "Yi Man-gŏn", "리만건"],
];

/** Chinese pinyin renderings that must match the Korean forms of the same name. */
export const PINYIN_PAIRS: readonly (readonly [string, string])[] = [
  ["JIN YONGZHE", "김영철"],
  ["JIN YONGZHE", "KIM YONG CHOL"],
  ["JIN YONGZHE", "金永哲"],
  ["Cui Longhai", "Choe Ryong Hae"],
  ["PIAO FENGZHU", "Pak Pong Ju"],
];

/** Different names that share most letters; a matcher must keep them apart. */
export const DIFFERENT_NAME_PAIRS: readonly (readonly [string, string])[] = [
  ["KIM KYONG MIN", "KIM KYONG IL"],
  ["KIM SOK JIN", "KIM SOK CHOL"],
  ["RI HONG-CHUL", "RI HONG-SOP"],
  ["KIM JONG SIK", "KIM YONG NAM"],
  ["김종은", "김정은"],
  ["KIM YONG CHOL", "KIM YONG CHUN"],
  ["PAK IL KYU", "PAK IL KWON"],
  ["CHOE SONG IL", "CHOE SONG CHOL"],
];

export function runNameMatcherContract(
  name: string,
  matcher: NameMatcher,
  threshold = MATCH_THRESHOLD,
): void {
  test(`${name}: spelling and script variants of one name match`, () => {
    for (const group of SAME_NAME_GROUPS)
      for (const a of group)
        for (const b of group) {
          if (a === b) continue;
          const s = matcher({ full: a }, { full: b });
          assert.ok(s >= threshold, `${a} vs ${b}: ${s} < ${threshold}`);
        }
  });
  test(`${name}: pinyin renderings match the Korean forms`, () => {
    for (const [a, b] of PINYIN_PAIRS) {
      const s = matcher({ full: a }, { full: b });
      assert.ok(s >= threshold, `${a} vs ${b}: ${s} < ${threshold}`);
    }
  });
  test(`${name}: names differing in a given-name syllable do not match`, () => {
    for (const [a, b] of DIFFERENT_NAME_PAIRS) {
      const s = matcher({ full: a }, { full: b });
      assert.ok(s < threshold, `${a} vs ${b}: ${s} ≥ ${threshold}`);
    }
  });
  test(`${name}: one given-name syllable off scores clearly below every spelling variant`, () => {
    const variant = matcher({ full: "KIM KYONG MIN" }, { full: "Kim Kyŏng-min" });
    const different = matcher({ full: "KIM KYONG MIN" }, { full: "KIM KYONG IL" });
    assert.ok(variant - different >= 0.15, `variant ${variant} vs different ${different}`);
  });
  test(`${name}: scores are in [0, 1] and symmetric`, () => {
    const names = SAME_NAME_GROUPS.flat().slice(0, 12);
    for (const a of names)
      for (const b of names) {
        const ab = matcher({ full: a }, { full: b });
        const ba = matcher({ full: b }, { full: a });
        assert.ok(ab >= 0 && ab <= 1, `${a} vs ${b}: ${ab}`);
        assert.ok(Math.abs(ab - ba) < 1e-9, `${a} vs ${b}: ${ab} but reversed ${ba}`);
      }
  });
  test(`${name}: field input and full input agree`, () => {
    const s = matcher({ family: "Kim", given: "Yong Chol" }, { full: "김영철" });
    assert.ok(s >= threshold, `fields vs Hangul: ${s}`);
  });
}
