import assert from "node:assert/strict";
import { test } from "node:test";
import { compareNames } from "./compare-names.js";
import { parseName } from "./parse-name.js";
import { parsePinyinAll } from "./pinyin.js";
import { looksRussianLatin, russianLatinToCyrillic } from "./russian-latin.js";

const pinyin = (t: string) => parsePinyinAll(t).length > 0;
const score = (a: string, b: string) => compareNames({ full: a }, { full: b }).score;

test("BGN/PCGN and scientific Latin go back into Cyrillic", () => {
  assert.equal(russianLatinToCyrillic("Kim Chen Yn"), "ким чен ын");
  assert.equal(russianLatinToCyrillic("Yen Chen Nam"), "ен чен нам");
  assert.equal(russianLatinToCyrillic("Xën Kvan Ilʹ"), "хён кван иль");
  assert.equal(russianLatinToCyrillic("Kim Čen Yn"), "ким чен ын");
  assert.equal(russianLatinToCyrillic("Tsoy, Yen Gon"), "цой, ен гон");
});

test("only a name with a mark of Russian transliteration is read so", () => {
  for (const n of ["Kim Chen Yn", "Yen Chen Nam", "Kim Čen Yn", "Kim Ken Il", "Kim Xak Son"])
    assert.ok(looksRussianLatin(n, pinyin), n);
  // Korean romanizations (RR yeo, MR ŏ), and pinyin, which also writes zh, x and chen.
  for (const n of [
    "Kim Yeong-cheol",
    "Kim Jong Un",
    "Kim Yŏng-ch'ŏl",
    "Zhang Xiaoping",
    "Chen Jian",
  ])
    assert.ok(!looksRussianLatin(n, pinyin), n);
});

test("Korean names the Russian press wrote, read back from Latin, match their list spelling", () => {
  // biome-ignore format: pairs packed
  const pairs = [
    ["Kim Chen Yn", "KIM JONG UN"], ["Yen Chen Nam", "YO'N CHO'NG NAM"], ["Xën Kvan Ilʹ", "HYON GWANG IL"],
    ["Čo Čun Rën", "JO CHUN RYONG"], ["Kim Ken Il", "KIM KYONG IL"], ["Kim Xak Son", "KIM HAK SONG"],
  ] as const;
  for (const [latin, listed] of pairs)
    assert.ok(score(latin, listed) >= 0.85, `${latin} / ${listed}`);
  assert.equal(parseName({ full: "Kim Čen Yn" })[0]!.reader, "cyrillic");
  // A different syllable stays a different name.
  assert.ok(score("Kim Čen Ir", "KIM JONG UN") < 0.85);
});
