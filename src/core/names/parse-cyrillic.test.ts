import assert from "node:assert/strict";
import { test } from "node:test";
import { compareNames } from "./compare-names.js";
import { isCyrillicName, isPassportLatin } from "./parse-cyrillic.js";
import { parseName } from "./parse-name.js";

const score = (a: string, b: string) => compareNames({ full: a }, { full: b }).score;

test("Korean names in Kontsevich and press Cyrillic read back into Hangul", () => {
  // biome-ignore format: pairs packed
  const pairs = [
    ["Ким Чон Ын", "KIM JONG UN"], ["Ким Чен Ын", "Kim Jong-un"], ["Хван Сок Хва", "HWANG SOK HWA"],
    ["Ким Чхольмин", "KIM CHOL MIN"], ["Цой Ён Гон", "CHOE YONG GON"], ["Ри Мён Су", "RI MYONG SU"],
    ["Пак Пон Джу", "PAK PONG JU"], ["Ким Ир Сен", "KIM IL SONG"],
  ] as const;
  for (const [cyr, latin] of pairs) assert.ok(score(cyr, latin) >= 0.85, `${cyr} / ${latin}`);
  const p = parseName({ full: "Ким Чон Ын" })[0]!;
  assert.equal(p.reader, "cyrillic");
  assert.equal(p.familyCandidates[0]!.syllable, "김");
});

test("Russian passport Latin is read as such only when it shows its marks", () => {
  assert.ok(isPassportLatin("Khvan Sok Khva"));
  assert.ok(isPassportLatin("Kim Chon Yn"));
  assert.ok(!isPassportLatin("Kim Jong Un"), "j is no passport letter");
  assert.ok(!isPassportLatin("Kim Chon Il"), "nothing marks it as passport Latin");
  assert.ok(isCyrillicName("Ким, Чон Ын") && !isCyrillicName("Ким Jong"));
  for (const [pass, latin] of [
    ["Khvan Sok Khva", "HWANG SOK HWA"],
    ["Kim Chon Yn", "KIM JONG UN"],
    ["Pak Chkhol", "PAK CHOL"],
  ] as const)
    assert.ok(score(pass, latin) >= 0.85, `${pass} / ${latin}`);
});

test("a different syllable in Cyrillic stays a different name", () => {
  assert.ok(score("Ким Чон Ир", "KIM JONG UN") < 0.85);
  assert.ok(score("Ким Кён Ир", "KIM KYONG MIN") < 0.85);
  // No pinyin through a Russian reading: Чан Чхунсон is not ZHANG Chunxian.
  assert.ok(score("Чан Чхунсон", "ZHANG, Chunxian") < 0.85);
});
