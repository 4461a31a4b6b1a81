import assert from "node:assert/strict";
import { test } from "node:test";
import { pinyinSyllableToWadeGiles, wadeGilesTokens } from "./wade-giles.js";

test("pinyin syllables in Wade–Giles without marks (Wikipedia, Wade–Giles comparison chart)", () => {
  // pinyin → Wade–Giles as the chart writes it, marks dropped (ch'ih → chih, hsüeh → hsueh).
  const chart: [string, string][] = [
    ["zhi", "chih"],
    ["chi", "chih"],
    ["shi", "shih"],
    ["ri", "jih"],
    ["zi", "tzu"],
    ["ci", "tzu"],
    ["si", "ssu"],
    ["er", "erh"],
    ["you", "yu"],
    ["yan", "yen"],
    ["ye", "yeh"],
    ["yong", "yung"],
    ["ba", "pa"],
    ["de", "te"],
    ["ge", "ko"],
    ["he", "ho"],
    ["gui", "kuei"],
    ["hui", "hui"],
    ["jin", "chin"],
    ["qin", "chin"],
    ["xiao", "hsiao"],
    ["xiong", "hsiung"],
    ["xue", "hsueh"],
    ["lve", "lueh"],
    ["lian", "lien"],
    ["zhong", "chung"],
    ["rong", "jung"],
    ["zuo", "tso"],
    ["zhuo", "cho"],
    ["guo", "kuo"],
    ["shuo", "shuo"],
    ["zeng", "tseng"],
    ["cai", "tsai"],
    ["mao", "mao"],
  ];
  for (const [py, wg] of chart) assert.equal(pinyinSyllableToWadeGiles(py), wg, py);
});

test("a pinyin name's tokens in Wade–Giles; names that are not pinyin have none", () => {
  assert.deepEqual(wadeGilesTokens(["xi", "jinping"]), ["hsi", "chinping"]);
  assert.deepEqual(wadeGilesTokens(["mao", "zedong"]), ["mao", "tsetung"]);
  assert.deepEqual(wadeGilesTokens(["deng", "xiaoping"]), ["teng", "hsiaoping"]);
  // Written alike in both: nothing to add.
  assert.equal(wadeGilesTokens(["li", "peng"]), undefined);
  assert.equal(wadeGilesTokens(["kim", "jong", "un"]), undefined);
});
