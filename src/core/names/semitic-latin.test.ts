import assert from "node:assert/strict";
import { test } from "node:test";
import { compareNames } from "./compare-names.js";
import { parseName } from "./parse-name.js";
import { arabicLatin, arabicReaderLetters, hebrewReaderLetters } from "./semitic-latin.js";
import { serbianLatin } from "./serbian-latin.js";
import { transcriptionReaders } from "./transcription-marks.js";

const score = (a: string, b: string) => compareNames({ full: a }, { full: b }).score;

test("Arabic letters read by ALA-LC, the vowel letters as long vowels or glides", () => {
  assert.equal(arabicLatin("كيم جونغ أون"), "kīm jūngh ūn");
  assert.equal(arabicLatin("تشوي ريونغ هاي"), "tshwī ryūngh hāy");
  assert.equal(arabicLatin("محمد"), "mhmd");
  assert.equal(arabicLatin("إبراهيم"), "ibrāhīm");
  assert.equal(arabicLatin("KIM"), "KIM");
  // The reader's letters are the same from the Arabic and from its Latin, marks or none.
  for (const s of ["كيم جونغ أون", "Kīm Jūngh Ūn", "Kim Jungh Un"])
    assert.equal(arabicReaderLetters(s), "kym jwngh wn", s);
});

test("Hebrew letters one for one, the vowel letters as written, the geresh letters of foreign sounds", () => {
  assert.equal(hebrewReaderLetters("קים ג׳ונג און"), "kym jwng awn");
  assert.equal(hebrewReaderLetters("צ'וה ריונג הה"), "cwh rywng hh");
  // ש and ס + ה stay apart; וו is one letter w.
  assert.equal(hebrewReaderLetters("שון סה וון"), "xwn sh wn");
});

test("Korean names in the Arabic and Hebrew press and the ALA-LC reading read back into Hangul", () => {
  // biome-ignore format: pairs packed
  const pairs = [
    ["كيم جونغ أون", "KIM JONG UN"], ["Kīm Jūngh Ūn", "KIM JONG UN"], ["Kim Jungh Un", "Kim Jong-un"],
    ["تشوي ريونغ هاي", "CHOE RYONG HAE"], ["باك بونغ جو", "PAK PONG JU"], ["ري يونغ هو", "RI YONG HO"],
    ["قيم يونغ نام", "KIM YONG NAM"],
    ["קים ג'ונג און", "KIM JONG UN"], ["צ'וה ריונג הה", "CHOE RYONG HAE"], ["פאק פונג ג'ו", "PAK PONG JU"],
    ["רי יונג הו", "RI YONG HO"], ["קים יונג נאם", "KIM YONG NAM"],
  ] as const;
  for (const [press, latin] of pairs) assert.ok(score(press, latin) >= 0.85, `${press} / ${latin}`);
  assert.equal(parseName({ full: "קים ג'ונג און" })[0]!.reader, "hebrew");
  assert.ok(transcriptionReaders("Kīm Jūngh Ūn").includes("arabic"));
  assert.ok(transcriptionReaders("Tshwi Ryungh Hay").includes("arabic"));
  assert.deepEqual(transcriptionReaders("Kim Jong Un"), []);
  // Another syllable stays another name: ㅏ is written, so 상 is no 성.
  assert.ok(score("كيم جونغ نام", "KIM JONG UN") < 0.85);
  assert.ok(score("קים ג'ונג נאם", "KIM JONG UN") < 0.85);
  assert.ok(score("Lī Sāngh Hyūk", "RI SONG HYOK") < 0.85);
});

test("Serbian and Macedonian Cyrillic in Serbian Latin, read by the press-transcription readers", () => {
  assert.equal(serbianLatin("Џо Јонг Чол"), "Džo Jong Čol");
  assert.equal(serbianLatin("ЉУБИЦА ЂОКИЋ"), "LjUBICA ĐOKIĆ");
  assert.equal(serbianLatin("Ѓорѓе"), "Gjorgje");
  assert.equal(
    serbianLatin("Ким Чен Ын"),
    "Ким Чен Ын",
    "Russian Cyrillic stays for its own reader",
  );
  // biome-ignore format: pairs packed
  const pairs = [
    ["Џо Јонг Чол", "JO YONG CHOL"], ["КИМ ЏОНГ УН", "KIM JONG UN"], ["Хјон Гванг Ил", "HYON KWANG IL"],
  ] as const;
  for (const [sr, latin] of pairs) assert.ok(score(sr, latin) >= 0.85, `${sr} / ${latin}`);
  assert.ok(score("КИМ ЏОНГ НАМ", "KIM JONG UN") < 0.85);
});
