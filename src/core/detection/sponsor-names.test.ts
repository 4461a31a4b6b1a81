import assert from "node:assert/strict";
import { test } from "node:test";
import { groupSponsors, readSponsor } from "./sponsor-names.js";

test("readSponsor: pinyin and an English gloss for a Chinese sponsor", () => {
  const r = readSponsor("珲春市东洋水产有限公司");
  assert.equal(r.pinyin, "Hunchun Shi Dongyang Shuichan Youxian Gongsi");
  assert.equal(r.gloss, "Hunchun Dongyang Seafood Co., Ltd.");
  assert.equal(
    readSponsor("丹东市金星国际旅行社有限公司").gloss,
    "Dandong Jinxing International Travel Service Co., Ltd.",
  );
  assert.equal(readSponsor("吉林大学").gloss, "Jilin University");
  const plain = readSponsor("东洋");
  assert.equal(plain.pinyin, "Dongyang");
  assert.equal(plain.gloss, null, "no known word: pinyin only");
  assert.equal(readSponsor("Hunchun Dongyang Seafood Co., Ltd.").pinyin, null);
});

test("groupSponsors: one sponsor across Chinese, English, upper case, Korean and the short form", () => {
  const spellings = [
    "珲春市东洋水产有限公司",
    "Hunchun Dongyang Seafood Co., Ltd.",
    "HUNCHUN DONGYANG SEAFOOD CO LTD",
    "훈춘시동양수산유한회사",
    "东洋水产",
    "丹东市东洋服装有限公司",
    "Dandong Dongyang Garment Co., Ltd.",
    "吉林大学",
    "길림대학",
    "Jilin University",
    "延边大学",
  ];
  const g = Array.from(groupSponsors(spellings));
  assert.deepEqual(g, [0, 0, 0, 0, 0, 5, 5, 7, 7, 7, 10]);
});

test("groupSponsors: a short form two cities' sponsors share stays apart; a person under both joins", () => {
  const spellings = ["珲春市东洋水产有限公司", "丹东市东洋水产有限公司", "东洋水产"];
  assert.deepEqual(Array.from(groupSponsors(spellings)), [0, 1, 2]);
  assert.deepEqual(Array.from(groupSponsors(spellings, [[1, 2]])), [0, 1, 1]);
});
