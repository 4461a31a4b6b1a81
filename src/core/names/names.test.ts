import assert from "node:assert/strict";
import { test } from "node:test";
import {
  detectScript,
  hangulToHanCandidates,
  hanToHangul,
  hanToPinyin,
  parseName,
  romanize,
  romanizeName,
} from "./index.js";
import { romanizedToHangul } from "./parse-romanized.js";
import { ROMANIZATION_SYSTEMS, type RomanizationSystem } from "./romanize.js";

const name = (f: string, g: string, s: Parameters<typeof romanizeName>[2]) => {
  const r = romanizeName(f, g, s);
  return `${r.family} ${r.given}`;
};

test("detectScript", () => {
  // biome-ignore format: cases packed
  const cases = [
    ["김영철", "hangul"], ["金永哲", "han"], ["Kim Yŏng-ch'ŏl", "latin"], ["KIM 영철", "mixed"],
    ["Пак Пон Джу", "other"], ["贝拉克·奥巴马", "han"],
  ] as const;
  for (const [text, script] of cases) assert.equal(detectScript(text), script, text);
});

test("romanizeName follows each system's conventions for names", () => {
  // biome-ignore format: one spelling per system
  const kimYongChol: Record<RomanizationSystem, string> = {
    dprk: "Kim Yong Chol", mr: "Kim Yŏngch'ŏl", "mr-plain": "Kim Yongchol",
    "ala-lc": "Kim Yŏng-ch'ŏl", rr: "Gim Yeongcheol",
  };
  for (const system of ROMANIZATION_SYSTEMS)
    assert.equal(name("김", "영철", system), kimYongChol[system], system);
  assert.equal(romanizeName("김", "영철", "rr", { hyphen: true }).given, "Yeong-cheol");
  // RR §3(4): no assimilation between given-name syllables; ALA-LC writes it across the hyphen.
  assert.equal(name("한", "복남", "rr"), "Han Boknam");
  assert.equal(name("김", "창룡", "ala-lc"), "Kim Ch'ang-nyong");
  // DPRK: ㅈ = j, aspirates th, first given syllable voiceless, later ones voiced after resonants.
  assert.equal(name("장", "성택", "dprk"), "Jang Song Thaek");
  assert.equal(name("박", "동구", "dprk"), "Pak Tong Gu");
  assert.equal(name("김", "정은", "dprk"), "Kim Jong Un");
  assert.equal(romanizeName("김", "정은", "dprk", { diacritics: true }).given, "Jŏng Ŭn");
});

test("surname forms North and South (두음법칙)", () => {
  assert.equal(romanizeName("이", "만건", "dprk").family, "Ri");
  assert.equal(romanizeName("리", "만건", "ala-lc").family, "Yi");
  assert.equal(romanizeName("류", "경", "ala-lc").family, "Yu");
  assert.equal(romanizeName("유", "경", "dprk").family, "Ryu");
  assert.equal(romanizeName("임", "철", "dprk").family, "Rim");
  assert.equal(romanizeName("노", "철", "dprk").family, "Ro");
  assert.equal(romanizeName("양", "철", "dprk").family, "Ryang");
  assert.equal(romanizeName("리", "만건", "rr", { surnameForm: "south" }).family, "I");
});

test("romanize (word mode) applies sound changes", () => {
  // biome-ignore format: cases packed
  const cases = [
    ["종로", "rr", "jongno"], ["신라", "rr", "silla"], ["백마", "mr", "paengma"],
    ["연구", "mr", "yŏn'gu"], ["천리마", "dprk", "chŏllima"], ["중앙", "rr", "jung-ang"],
  ] as const;
  for (const [word, system, want] of cases) assert.equal(romanize(word, system), want, word);
});

test("romanized spellings parse back to the same Hangul", () => {
  for (const s of [
    "YONGCHOL",
    "Yong-chol",
    "Yŏng-ch'ŏl",
    "Yeongcheol",
    "young chul",
    "YO'NG-CH'O'L",
  ])
    assert.ok(romanizedToHangul(s).includes("영철"), `${s}: ${romanizedToHangul(s)}`);
});

test("Han → Hangul (surname-aware, simplified and traditional) and pinyin", () => {
  assert.equal(hanToHangul("金永哲", { surname: true })[0], "김영철");
  assert.equal(hanToHangul("张成泽", { surname: true })[0], "장성택");
  assert.deepEqual(hanToHangul("李", { surname: true }).slice(0, 2), ["이", "리"]);
  assert.ok(hanToHangul("崔龍海", { surname: true }).includes("최용해"));
  assert.equal(hanToPinyin("金永哲"), "jin yong zhe");
  assert.equal(hanToPinyin("朴奉珠"), "piao feng zhu");
  assert.ok(hangulToHanCandidates("영").includes("永"));
  assert.ok(hangulToHanCandidates("이").includes("李"));
});

test("parseName: orders, commas, scripts", () => {
  const first = (full: string) => {
    const p = parseName({ full })[0]!;
    return [p.family, p.given, p.order];
  };
  assert.deepEqual(first("KIM Yong Chol"), ["KIM", "Yong Chol", "family-first"]);
  assert.deepEqual(first("KIM, Yong Chol"), ["KIM", "Yong Chol", "family-first"]);
  assert.deepEqual(first("Chang-Su Han"), ["Han", "Chang-Su", "given-first"]);
  assert.deepEqual(first("YONGCHOL KIM"), ["KIM", "YONGCHOL", "given-first"]);
  assert.deepEqual(first("김영철"), ["김", "영철", "family-first"]);
  assert.deepEqual(first("현숙 배"), ["배", "현숙", "given-first"]);
  assert.deepEqual(first("남궁민수"), ["남궁", "민수", "family-first"]);
  assert.deepEqual(first("金永哲"), ["金", "永哲", "family-first"]);
});
