import assert from "node:assert/strict";
import { test } from "node:test";
import { compareNames } from "./compare-names.js";
import { elot743 } from "./greek-latin.js";
import { parseName } from "./parse-name.js";
import { sinoKoreanOf } from "./sino-vietnamese.js";
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

test("Greek press letters and their ELOT 743 reading read back into Hangul", () => {
  assert.equal(elot743("Γιουν Χο-Τζιν"), "gioun cho-tzin");
  assert.equal(elot743("ΤΣΑΝΓΚ ΜΙΟΝΓΚ-ΤΣΙΝ"), "tsangk miongk-tsin");
  assert.equal(elot743("Μπακ Ντονγκ"), "bak dongk");
  assert.equal(elot743("Kim Jong Un"), "Kim Jong Un");
  // biome-ignore format: pairs packed
  const pairs = [
    ["Γιουν Χο-Τζιν", "YUN HO-JIN"], ["Gioun Cho-Tzin", "YUN HO-JIN"], ["ΧΟΥΑΝΓΚ ΣΟΚ-ΧΟΥΑ", "HWANG SOK-HWA"],
    ["CHOUANGK SOK-CHOUA", "HWANG SOK-HWA"], ["Κο Τσολ-Τσαε", "KO CHOL-CHAE"], ["TSANGK MIONGK-TSIN", "CHANG MYONG-CHIN"],
  ] as const;
  for (const [press, latin] of pairs) assert.ok(score(press, latin) >= 0.85, `${press} / ${latin}`);
  assert.deepEqual(transcriptionReaders("Gioun Cho-Tzin"), ["greek"]);
  assert.ok(score("Gioun Cho-Tzin", "YUN HO-CHOL") < 0.85);
  assert.ok(score("Γιουν Χο-Τζιν", "YUN HO-NAM") < 0.85);
});

test("Sino-Vietnamese readings of Hanja read back into Sino-Korean syllables", () => {
  assert.deepEqual(sinoKoreanOf("Nhật"), ["일"]);
  assert.ok(sinoKoreanOf("Kim").includes("김") && sinoKoreanOf("Thành").includes("성"));
  // Vietnamese writes a final i or y after a consonant either way.
  assert.deepEqual(sinoKoreanOf("Lý"), sinoKoreanOf("Lí"));
  // biome-ignore format: pairs packed
  const pairs = [
    ["Kim Chính Ân", "KIM JONG UN"], ["Lý Tế Tôn", "RI JE-SON"], ["Thôi Tùng Nhật", "CHOE SONG IL"],
    ["Cao Triết Tại", "KO CHOL-CHAE"],
  ] as const;
  for (const [viet, latin] of pairs) assert.ok(score(viet, latin) >= 0.85, `${viet} / ${latin}`);
  assert.deepEqual(transcriptionReaders("Kim Chính Ân"), ["vietnamese"]);
  // Read only when every word is a Sino-Vietnamese syllable and one shows a Vietnamese mark or
  // a spelling only Vietnamese writes (-nh, tr-, th-…); with its marks lost, a syllable is every
  // marked one it may come from.
  assert.deepEqual(transcriptionReaders("Kim Chinh An"), ["vietnamese"]);
  assert.ok(score("Kim Chinh An", "KIM JONG UN") >= 0.85);
  assert.deepEqual(transcriptionReaders("Kim Jong Un"), []);
  assert.deepEqual(transcriptionReaders("Kim Min An"), []);
  assert.deepEqual(transcriptionReaders("José Kim"), []);
  assert.ok(score("Kim Chính Nam", "KIM JONG UN") < 0.85);
  assert.ok(score("Nguyễn Văn An", "KIM JONG UN") < 0.85);
});
