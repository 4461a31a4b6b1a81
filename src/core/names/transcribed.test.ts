import assert from "node:assert/strict";
import { test } from "node:test";
import { compareNames } from "./compare-names.js";
import { parseName } from "./parse-name.js";
import { isKanaName, kanaToHepburn, transcriptionReaders } from "./transcription-marks.js";

const score = (a: string, b: string) => compareNames({ full: a }, { full: b }).score;

test("katakana is read into Hepburn letters, half-width kana and the honorific included", () => {
  assert.equal(kanaToHepburn("キム・ジョンウン"), "kimu jon'un");
  assert.equal(kanaToHepburn("ｷﾑ･ｼﾞｮﾝｳﾝ氏"), "kimu jon'un");
  assert.equal(kanaToHepburn("クァク"), "kwaku");
  assert.ok(isKanaName("リ・ヨンホ氏") && !isKanaName("金正恩") && !isKanaName("Kim ジョン"));
});

test("Korean names in Japanese katakana and its Hepburn reading read back into Hangul", () => {
  // biome-ignore format: pairs packed
  const pairs = [
    ["キム・ジョンウン", "KIM JONG UN"], ["リ・ヨンホ", "RI YONG HO"], ["ｷﾑ･ｼﾞｮﾝｳﾝ氏", "Kim Jong-un"],
    ["パク・ポンジュ", "PAK PONG JU"], ["チェ・リョンヘ", "CHOE RYONG HAE"], ["Kimu Jon'un", "KIM JONG UN"],
    ["Paku Ponju", "PAK PONG JU"],
  ] as const;
  for (const [ja, latin] of pairs) assert.ok(score(ja, latin) >= 0.85, `${ja} / ${latin}`);
  const p = parseName({ full: "キム・ジョンウン" })[0]!;
  assert.equal(p.reader, "japanese");
  assert.equal(p.familyCandidates[0]!.syllable, "김");
});

test("Hungarian and Czech press transcriptions read back into Hangul", () => {
  // biome-ignore format: pairs packed
  const pairs = [
    ["Kim Dzsongun", "KIM JONG UN"], ["Pak Pongdzsu", "PAK PONG JU"], ["Cshö Rjonghe", "CHOE RYONG HAE"],
    ["Kim Čong-un", "KIM JONG UN"], ["Kim Cong-un", "KIM JONG UN"], ["Čchö Rjong-he", "CHOE RYONG HAE"],
  ] as const;
  for (const [press, latin] of pairs) assert.ok(score(press, latin) >= 0.85, `${press} / ${latin}`);
});

test("a transcription is read only on its marks, and another syllable stays another name", () => {
  assert.deepEqual(transcriptionReaders("Kim Jong Un"), []);
  assert.deepEqual(transcriptionReaders("Kimu Jon'un"), ["japanese"]);
  assert.deepEqual(transcriptionReaders("Kim Dzsongun"), ["hungarian"]);
  assert.deepEqual(transcriptionReaders("Kim Čong-un"), ["czech"]);
  // Korean has no f, and romanizations write w and y for the glides, never v or j after a consonant.
  assert.deepEqual(transcriptionReaders("Fan Sokufa"), ["japanese"]);
  assert.deepEqual(transcriptionReaders("Hjon Gvangil"), ["hungarian"]);
  assert.ok(score("Fan Sokufa", "HWANG SOK HWA") >= 0.85);
  assert.ok(score("Hjon Gvangil", "HYON KWANG IL") >= 0.85);
  assert.ok(score("Kim Jong Un", "KIM YONG UN") < 0.85, "a romanized j is no Hungarian y");
  assert.ok(score("キム・ジョンナム", "KIM JONG UN") < 0.85);
  assert.ok(score("Kim Dzsongnam", "KIM JONG UN") < 0.85);
  assert.ok(score("Kim Čong-nam", "KIM JONG UN") < 0.85);
});
