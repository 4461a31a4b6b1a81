import assert from "node:assert/strict";
import { test } from "node:test";
import { compareNames } from "./compare-names.js";
import { scriptLatin, scriptLatinAlternative } from "./script-latin.js";

const score = (a: string, b: string) => compareNames({ full: a }, { full: b }).score;

test("Georgian by the national system, the nominative -ი and the glide in the second reading", () => {
  assert.equal(scriptLatin("ჯო ბაიდენი"), "jo baideni");
  assert.equal(scriptLatinAlternative("ჯო ბაიდენი"), "jo baiden");
  assert.equal(scriptLatin("მიხეილ სააკაშვილი"), "mikheil saakashvili");
  assert.equal(scriptLatinAlternative("კიმ კიონგ ილი"), "kim kyong il");
  // Mtavruli capitals read as their Mkhedruli letters.
  assert.equal(scriptLatin("ᲙᲘᲛ"), "kim");
});

test("Armenian by BGN/PCGN: ու u, ո vo and ե ye at a word's start", () => {
  assert.equal(scriptLatin("Քիմ Ջոնգ Ուն"), "kim jong un");
  assert.equal(scriptLatin("Ջո Բայդեն"), "jo bayden");
  assert.equal(scriptLatin("Երևան"), "yerevan");
  assert.equal(scriptLatin("Ոսկան"), "voskan");
});

test("the Indic scripts by ISO 15919 without marks, the north's schwa deletion", () => {
  // Korean names as each press writes them (written here from the scripts' tables).
  assert.equal(scriptLatin("किम जोंग उन"), "kim jong un"); // Hindi
  assert.equal(scriptLatin("प्योंगयांग"), "pyongyang");
  assert.equal(scriptLatin("नरेन्द्र मोदी"), "narendra modi");
  assert.equal(scriptLatin("फ़िरोज़"), "firoz");
  assert.equal(scriptLatin("কিম জং উন"), "kim jang un"); // Bengali
  assert.equal(scriptLatinAlternative("কিম জং উন"), "kim jong un");
  assert.equal(scriptLatin("ਕਿਮ ਜੋਂਗ ਉਨ"), "kim jong un"); // Gurmukhi
  assert.equal(scriptLatin("કિમ જોંગ ઉન"), "kim jong un"); // Gujarati
  assert.equal(scriptLatin("கிம் ஜொங்-உன்"), "kim jong-un"); // Tamil
  assert.equal(scriptLatin("కిమ్ జోంగ్ ఉన్"), "kim jong un"); // Telugu
  assert.equal(scriptLatin("ಕಿಮ್ ಜಾಂಗ್ ಉನ್"), "kim jang un"); // Kannada
  assert.equal(scriptLatin("കിം ജോങ് ഉൻ"), "kim jong un"); // Malayalam, a chillu at the end
  assert.equal(scriptLatin("කිම් ජොං උන්"), "kim jong un"); // Sinhala
});

test("Thai by RTGS and Lao as Thai", () => {
  assert.equal(scriptLatin("คิม จ็อง-อึน"), "khim chong-uen");
  assert.equal(scriptLatin("ชเว ซง-อิล"), "chwe song-il");
  assert.equal(scriptLatin("ฮวัง ซ็อก-ฮวา"), "hwang sok-hwa");
  assert.equal(scriptLatin("จัง มยง-จิน"), "chang myong-chin");
  assert.equal(scriptLatin("ไทย"), "thai");
  assert.equal(scriptLatin("เชียงใหม่"), "chiangmai");
  assert.equal(scriptLatin("คลอง"), "khlong");
  assert.equal(scriptLatin("สมชาย"), "somchai");
  assert.equal(scriptLatin("ຄິມ ຈອງ-ອຶນ"), "khim chong-uen");
});

test("text without these scripts is unchanged", () => {
  for (const s of ["Kim Jong Un", "김정은", "Ким Чен Ын", "", "Ελληνικά"]) {
    assert.equal(scriptLatin(s), s);
    assert.equal(scriptLatinAlternative(s), undefined);
  }
});

test("a Korean name in these scripts matches its list spelling, another name does not", () => {
  for (const [written, listed] of [
    ["კიმ კიონგ ილი", "KIM KYONG IL"],
    ["Քիմ Ջոնգ Ուն", "KIM JONG UN"],
    ["किम जोंग उन", "KIM JONG UN"],
    ["কিম জং উন", "KIM JONG UN"],
    ["கிம் ஜொங்-உன்", "KIM JONG UN"],
    ["ชเว ซง-อิล", "CHOE SONG IL"],
    ["ฮวัง ซ็อก-ฮวา", "HWANG SOK HWA"],
  ] as const)
    assert.ok(score(written, listed) >= 0.85, `${written} ~ ${listed}: ${score(written, listed)}`);
  assert.ok(score("किम जोंग उन", "KIM JONG IL") < 0.85);
  assert.ok(score("ชเว ซง-อิล", "CHOE SONG CHOL") < 0.85);
});
