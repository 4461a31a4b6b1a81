/**
 * Blocking keys: cheap strings such that two records of the same name share at least one. Two kinds:
 * - "hg:김영철" — the most likely Hangul readings (family + given, South initial forms), exact;
 * - "ph:KIM.YONG.COL" — a phonetic class key over those readings that merges what romanizations
 *   confuse (ㅓ/ㅗ, ㅜ/ㅡ, ㅕ/ㅛ, plain/aspirated/tense stops, 리/이), so KIM YONG CHOL (용/영, 촐/철),
 *   Kim Yŏng-ch'ŏl, Gim Yeong-cheol, 김영철 and 金永哲 collide; pinyin (JIN YONGZHE) gets the same
 *   key through the most common Korean reading class of the Hanja behind each pinyin syllable;
 * - "py:jinyongzhe" — pinyin, for Han vs pinyin records.
 * Keys are for candidate generation only; compareNames decides.
 */

import { lazy } from "../lazy.js";
import { HANJA_TABLE } from "./data/hanja-table.js";
import { SURNAME_TABLE } from "./data/surname-table.js";
import { decomposeSyllable, toSouthInitial } from "./hangul.js";
import { hanToPinyin } from "./hanja.js";
import { type NameInput, type ParsedName, parseName } from "./parse-name.js";
import type { SyllableCandidate, SyllableSlot } from "./parse-romanized.js";
import { parsePinyin } from "./pinyin.js";

const ONSET_KEY = [
  "K",
  "K",
  "N",
  "T",
  "T",
  "R",
  "M",
  "P",
  "P",
  "S",
  "S",
  "",
  "C",
  "C",
  "C",
  "K",
  "T",
  "P",
  "H",
];
const VOWEL_KEY = [
  "A",
  "E",
  "YA",
  "YE",
  "O",
  "E",
  "YO",
  "YE",
  "O",
  "WA",
  "WE",
  "WE",
  "YO",
  "U",
  "WO",
  "WE",
  "WI",
  "YU",
  "U",
  "I",
  "I",
];
const CODA_KEY = [
  "",
  "K",
  "K",
  "K",
  "N",
  "N",
  "N",
  "T",
  "L",
  "K",
  "M",
  "L",
  "L",
  "L",
  "P",
  "L",
  "M",
  "P",
  "P",
  "T",
  "T",
  "NG",
  "T",
  "T",
  "K",
  "T",
  "P",
  "T",
];

/** Phonetic class of one syllable; `initial` applies the South initial-sound law first (리 = 이). */
export function phoneticSyllable(syl: string, initial: boolean): string {
  const j = decomposeSyllable(initial ? toSouthInitial(syl) : syl);
  if (!j) return syl;
  return ONSET_KEY[j.l]! + VOWEL_KEY[j.v]! + CODA_KEY[j.t]!;
}

function topCandidates(
  c: readonly SyllableCandidate[],
  spread: number,
  max: number,
): SyllableCandidate[] {
  if (c.length === 0) return [];
  const limit = c[0]!.cost + spread;
  return c.filter((x) => x.cost <= limit).slice(0, max);
}

function combos(slots: readonly SyllableSlot[], max: number): string[][] {
  let out: { syl: string[]; cost: number }[] = [{ syl: [], cost: 0 }];
  for (const slot of slots) {
    const next: { syl: string[]; cost: number }[] = [];
    for (const o of out)
      for (const c of topCandidates(slot.candidates, 0.6, 3))
        next.push({ syl: [...o.syl, c.syllable], cost: o.cost + c.cost });
    next.sort((a, b) => a.cost - b.cost);
    out = next.slice(0, max);
  }
  return out.map((o) => o.syl);
}

function keysOfParsed(p: ParsedName, keys: Set<string>): void {
  const families = p.family
    ? topCandidates(p.familyCandidates, 0.3, 2).map((c) => c.syllable)
    : [""];
  const givenParse = p.givenParses[0];
  if (!givenParse || families.length === 0) return;
  for (const fam of families) {
    const famSouth = Array.from(fam)
      .map((s, i) => (i === 0 ? toSouthInitial(s) : s))
      .join("");
    for (const given of combos(givenParse, 3)) {
      const g = given.map((s, i) => (i === 0 ? toSouthInitial(s) : s)).join("");
      keys.add(`hg:${famSouth}${g}`);
    }
    for (const given of combos(givenParse, 6)) {
      const ph = [
        ...(fam
          ? [
              Array.from(fam)
                .map((s, i) => phoneticSyllable(s, i === 0))
                .join(""),
            ]
          : []),
        ...given.map((s, i) => phoneticSyllable(s, i === 0)),
      ];
      keys.add(`ph:${ph.join(".")}`);
    }
  }
}

/** pinyin syllable → Korean phonetic classes of the name-usable Hanja read so, most frequent first. */
const pinyinToClasses = lazy((): Map<string, string[]> => {
  const counts = new Map<string, Map<string, number>>();
  for (const line of HANJA_TABLE.split("\n")) {
    const [, readings, py] = line.split(" ");
    if (!readings || !py || py === "-") continue;
    const first = readings.split(",")[0]!;
    if (!first.includes("E") && !first.includes("N")) continue;
    const cls = phoneticSyllable(first[0]!, false);
    const m = counts.get(py) ?? new Map<string, number>();
    // Educational Hanja are the common ones; weigh them up.
    m.set(cls, (m.get(cls) ?? 0) + (first.includes("E") ? 3 : 1));
    counts.set(py, m);
  }
  return new Map(
    [...counts].map(([py, m]) => [py, [...m].sort((a, b) => b[1] - a[1]).map(([c]) => c)]),
  );
});

/** Surname pinyin → Hangul surname, the most populous one where several read so. */
const surnameByPinyin = lazy((): Map<string, string> => {
  const bySurname = new Map<string, string>();
  const bySize = [...SURNAME_TABLE].sort((a, b) => b[7] - a[7]);
  for (const [south, , , pinyins] of bySize)
    for (const p of pinyins.split(",")) if (p && !bySurname.has(p)) bySurname.set(p, south);
  return bySurname;
});

function pinyinKeys(text: string, keys: Set<string>): void {
  const tokens = text
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (tokens.length < 2) return;
  const parsed = tokens.map((t) => parsePinyin(t));
  if (parsed.some((p) => !p)) return;
  const classes = pinyinToClasses();
  const fam = surnameByPinyin().get(parsed[0]!.join(""));
  const given = parsed.slice(1).flat() as string[];
  keys.add(`py:${[...parsed[0]!, ...given].join("")}`);
  if (!fam) return;
  let out: string[][] = [
    [
      Array.from(fam)
        .map((s, i) => phoneticSyllable(s, i === 0))
        .join(""),
    ],
  ];
  given.forEach((py, i) => {
    const cls = (classes.get(py) ?? []).slice(0, 2);
    // The first given syllable is keyed with the South initial law, as for Hangul (룡 → 용).
    const adj = cls.map((c) => (i === 0 ? c.replace(/^R(?=Y|I)/, "").replace(/^R/, "N") : c));
    const next: string[][] = [];
    for (const o of out) for (const c of adj) next.push([...o, c]);
    out = next.slice(0, 4);
  });
  for (const o of out) keys.add(`ph:${o.join(".")}`);
}

/** Blocking keys of a name (a handful of short strings); records sharing a key are compared. */
export function nameKeys(input: NameInput): string[] {
  return nameKeysOfParses(parseName(input), input);
}

/** `nameKeys` of a name parsed beforehand (its best two parses at least), e.g. by `prepareName`. */
export function nameKeysOfParses(parsed: readonly ParsedName[], input: NameInput): string[] {
  const keys = new Set<string>();
  const bestCost = parsed[0]?.cost ?? 0;
  for (const p of parsed.slice(0, 2)) if (p.cost <= bestCost + 1) keysOfParsed(p, keys);
  const text = input.full ?? `${input.family ?? ""} ${input.given ?? ""}`;
  const script = parsed[0]?.script;
  if (script === "latin") pinyinKeys(text, keys);
  if (script === "han") {
    const py = hanToPinyin(text).replace(/\s+/g, "");
    if (py) keys.add(`py:${py}`);
  }
  return [...keys];
}
