/**
 * Split a personal name into family and given name, in whatever order and script it came:
 * "KIM Yong Chol", "Kim Yong-chol", "YONGCHOL KIM", "Chang-Su Han" (UN alias, given-first),
 * "KIM, Yong Chol", "김영철", "현숙 배", "金永哲". Returns every reasonable reading, best first, each
 * with Hangul candidates for the parts so that matching can happen in Hangul space.
 *
 * Order heuristics: Korean order (family first) is the default; a Latin name is read given-first
 * when only its last token is a known surname spelling, or when its first token is hyphenated
 * (given names are hyphenated, surnames almost never are).
 */

import { lazy } from "../lazy.js";
import { asRussianLetters } from "./cyrillic-variants.js";
import { SURNAME_TABLE } from "./data/surname-table.js";
import { detectScript, type Script } from "./detect-script.js";
import { elot743 } from "./greek-latin.js";
import { northInitialCandidates, toSouthInitial } from "./hangul.js";
import { isKnownSurnameHan, readingsOfHan, toTraditional } from "./hanja.js";
import { isCyrillicName, isPassportLatin } from "./parse-cyrillic.js";
import {
  knownSurnames,
  normalizeRomanized,
  parseRomanized,
  type SyllableCandidate,
  type SyllableSlot,
} from "./parse-romanized.js";
import { parsePinyinAll } from "./pinyin.js";
import { looksRussianLatin, russianLatinToCyrillic } from "./russian-latin.js";
import { scriptLatin, scriptLatinAlternative } from "./script-latin.js";
import { arabicLatin, hasHebrew } from "./semitic-latin.js";
import { serbianLatin } from "./serbian-latin.js";
import { givenParsesOf, type ReaderName, surnameCandidatesOf } from "./syllable-reader.js";
import { isKanaName, kanaToHepburn, transcriptionReaders } from "./transcription-marks.js";

export interface NameInput {
  full?: string;
  family?: string;
  given?: string;
}

export interface ParsedName {
  family: string;
  given: string;
  order: "family-first" | "given-first" | "unknown";
  script: Script;
  /** Hangul readings of the family name with a cost (0 = exact); empty when no surname was found. */
  familyCandidates: SyllableCandidate[];
  /** Alternative syllable segmentations of the given name, best first; each slot lists Hangul candidates. */
  givenParses: SyllableSlot[][];
  /** Lower is more plausible; comparable between the readings of one input only. */
  cost: number;
  /**
   * Set when the name was read through another language's habit (Russian Cyrillic or its
   * passport Latin, Japanese kana or its Hepburn, Hungarian or Czech press letters), not as
   * romanized Korean.
   */
  reader?: ReaderName;
}

/** Latin spellings of surnames from the surname table (RR, MR, attested others such as Lee, Park, Choi). */
const surnameSpellingIndex = lazy((): Map<string, SyllableCandidate[]> => {
  const index = new Map<string, SyllableCandidate[]>();
  const add = (spelling: string, hangul: string, cost: number) => {
    const key = normalizeRomanized(spelling).replace(/[^a-zŏŭ']/g, "");
    if (!key) return;
    const list = index.get(key) ?? [];
    const found = list.find((c) => c.syllable === hangul);
    if (!found) list.push({ syllable: hangul, cost, variance: cost });
    else {
      found.cost = Math.min(found.cost, cost);
      found.variance = found.cost;
    }
    index.set(key, list);
  };
  for (const [south, norths, , , rr, mr, others, population] of SURNAME_TABLE) {
    // Rare surnames cost a little more, so "Kang" is 강 before 캉-like rarities.
    const base = population > 100_000 ? 0 : population > 10_000 ? 0.2 : 0.4;
    add(rr, south, base);
    add(mr, south, base);
    for (const o of others.split(",")) if (o) add(o, south, base + 0.2);
    for (const n of norths.split(",")) if (n) for (const s of [rr, mr]) add(s, n, base + 0.3);
  }
  // The initial-sound-law pairs, which the table lists under the South form only.
  for (const [spelling, hangul] of [
    ["Ri", "리"],
    ["Rhee", "리"],
    ["Yi", "이"],
    ["Lee", "이"],
    ["Rim", "림"],
    ["Lim", "림"],
    ["Ryu", "류"],
    ["Ro", "로"],
    ["Roh", "로"],
    ["Ryang", "량"],
    ["Ra", "라"],
    ["Ryo", "려"],
    ["Ryom", "렴"],
    ["Ryuk", "륙"],
  ] as const)
    add(spelling, hangul, 0);
  for (const list of index.values()) list.sort((a, b) => a.cost - b.cost);
  return index;
});

/** Hangul surname candidates for one Latin token; empty if it does not look like a Korean surname. */
export function surnameCandidatesLatin(token: string): SyllableCandidate[] {
  const key = normalizeRomanized(token).replace(/[^a-zŏŭ'-]/g, "");
  const out = new Map<string, number>();
  for (const c of surnameSpellingIndex().get(key.replace(/-/g, "")) ?? [])
    out.set(c.syllable, c.cost);
  const surnames = knownSurnames();
  for (const p of parseRomanized(key).slice(0, 3)) {
    if (p.slots.length === 1) {
      for (const c of p.slots[0]!.candidates)
        if (surnames.has(c.syllable))
          out.set(c.syllable, Math.min(out.get(c.syllable) ?? 9, c.cost + 0.2));
    } else if (p.slots.length === 2) {
      // Two-syllable surnames: Namgung, Sŏnu, Hwangbo.
      for (const a of p.slots[0]!.candidates.slice(0, 4))
        for (const b of p.slots[1]!.candidates.slice(0, 4)) {
          const s = a.syllable + b.syllable;
          if (surnames.has(s)) out.set(s, Math.min(out.get(s) ?? 9, a.cost + b.cost + 0.2));
        }
    }
  }
  return withInitialVariants(
    [...out.entries()].map(([syllable, cost]) => ({ syllable, cost, variance: cost })),
  );
}

/** Add North/South initial-sound-law twins (이 ↔ 리, 노 ↔ 로) at a small cost. */
function withInitialVariants(cands: SyllableCandidate[]): SyllableCandidate[] {
  const out = new Map<string, number>();
  for (const c of cands) {
    out.set(c.syllable, Math.min(out.get(c.syllable) ?? 9, c.cost));
    if (c.variance === 0 && c.cost > 0) out.set(c.syllable, c.cost); // exact Hangul of an unknown surname
    const first = c.syllable[0]!;
    const rest = c.syllable.slice(1);
    const twins = new Set([
      toSouthInitial(first),
      ...northInitialCandidates(toSouthInitial(first)),
    ]);
    for (const t of twins) {
      if (t === first) continue;
      const s = t + rest;
      if (knownSurnames().has(s)) out.set(s, Math.min(out.get(s) ?? 9, c.cost + 0.1));
    }
  }
  return [...out.entries()]
    .map(([syllable, cost]) => ({ syllable, cost, variance: cost }))
    .sort((a, b) => a.cost - b.cost);
}

function hangulSlots(given: string): SyllableSlot[] {
  return Array.from(given)
    .filter((c) => c.trim() && c !== "-")
    .map((syl, i) => {
      // A given name's first syllable may be written with or without the initial-sound law (룡/용).
      const twins =
        i === 0
          ? [...new Set([toSouthInitial(syl), ...northInitialCandidates(toSouthInitial(syl))])]
          : [];
      return {
        spelling: syl,
        candidates: [
          { syllable: syl, cost: 0, variance: 0 },
          ...twins.filter((t) => t !== syl).map((t) => ({ syllable: t, cost: 0.3, variance: 0.3 })),
        ],
      };
    });
}

function hanSlots(given: string): SyllableSlot[] {
  return Array.from(given)
    .filter((c) => c.trim())
    .map((ch, i) => ({
      spelling: ch,
      candidates: readingsOfHan(ch, i === 0 ? "initial" : "medial").map((syllable, k) => ({
        syllable,
        cost: Math.min(1, k * 0.2),
        variance: Math.min(1, k * 0.2),
      })),
    }));
}

function hanSurname(family: string): SyllableCandidate[] {
  const cs = Array.from(family);
  if (cs.length === 1)
    return withInitialVariants(
      readingsOfHan(cs[0]!, "surname").map((syllable, k) => ({
        syllable,
        cost: k * 0.2,
        variance: k * 0.2,
      })),
    );
  // Two-character surname, read char by char (南宮 → 남궁).
  return [
    { syllable: cs.map((c) => readingsOfHan(c, "surname")[0] ?? c).join(""), cost: 0, variance: 0 },
  ];
}

/** Segmentations of a romanized given name; only those close to the best are kept (a far-fetched cut such as "ky-ong" would otherwise match anything). */
function latinGivenParses(given: string): SyllableSlot[][] {
  const parses = parseRomanized(given);
  const best = parses[0]?.cost ?? 0;
  return parses.filter((p) => p.cost <= best + 1.5).map((p) => p.slots);
}

function isTwoSyllableSurnameHangul(s: string): boolean {
  return s.length === 2 && knownSurnames().has(s);
}

function build(
  family: string,
  given: string,
  order: ParsedName["order"],
  script: Script,
  extraCost: number,
  /** Read the letters by this reader (Khvan Sok Khva as a Russian passport's), not as a romanization. */
  forced?: ReaderName,
): ParsedName {
  let familyCandidates: SyllableCandidate[] = [];
  let givenParses: SyllableSlot[][] = [];
  const famScript = detectScript(family);
  const givenScript = detectScript(given);
  const reader = (part: string): ReaderName | undefined =>
    forced ?? (isCyrillicName(part) ? "cyrillic" : undefined);
  const famReader = reader(family);
  const givenReader = reader(given);
  if (famReader)
    familyCandidates = withInitialVariants(
      surnameCandidatesOf(famReader, family.replace(/\s+/g, "")),
    );
  else if (famScript === "hangul") {
    const f = family.replace(/\s+/g, "");
    familyCandidates = withInitialVariants([
      { syllable: f, cost: knownSurnames().has(f) ? 0 : 1, variance: 0 },
    ]);
  } else if (famScript === "han") familyCandidates = hanSurname(family.replace(/\s+/g, ""));
  else if (famScript === "latin")
    familyCandidates = surnameCandidatesLatin(family.replace(/\s+/g, ""));
  if (givenReader) givenParses = givenParsesOf(givenReader, given);
  else if (givenScript === "hangul") givenParses = [hangulSlots(given.replace(/\s+/g, ""))];
  else if (givenScript === "han") givenParses = [hanSlots(given.replace(/\s+/g, ""))];
  else if (givenScript === "latin") givenParses = latinGivenParses(given);
  const famCost = family ? (familyCandidates[0]?.cost ?? 3) : 1.5;
  const givenCost = givenParses.length > 0 ? 0 : given ? 3 : 1;
  const read = famReader ?? givenReader;
  return {
    family,
    given,
    order,
    script,
    familyCandidates,
    givenParses,
    cost: famCost + givenCost + extraCost,
    ...(read ? { reader: read } : {}),
  };
}

/** Reading a Latin name through Russian Cyrillic (russian-latin.ts) costs a little over its own letters. */
const RUSSIAN_LATIN_COST = 0.1;

const isPinyinToken = (t: string) => parsePinyinAll(t).length > 0;

/** Readings of a Latin name through Russian Cyrillic, when it shows a mark of it (Kim Čen Yn). */
function russianReadings(full: string, script: Script): ParsedName[] {
  if (script !== "latin" || !looksRussianLatin(full, isPinyinToken)) return [];
  const cyr = russianLatinToCyrillic(full);
  const at = cyr.indexOf(",");
  if (at > 0)
    return [
      build(
        cyr.slice(0, at).trim(),
        cyr.slice(at + 1).trim(),
        "family-first",
        script,
        RUSSIAN_LATIN_COST,
      ),
    ];
  const c = cyr.split(" ").filter(Boolean);
  if (c.length < 2) return [];
  return [
    build(c[0]!, c.slice(1).join(" "), "family-first", script, RUSSIAN_LATIN_COST),
    build(c.at(-1)!, c.slice(0, -1).join(" "), "given-first", script, RUSSIAN_LATIN_COST + 0.6),
  ];
}

/** Reading a Latin name by a mark of Hepburn, Hungarian or Czech costs a little over its own letters. */
const TRANSCRIBED_COST = 0.1;

/**
 * A kana name is the Japanese reading itself, family name first as Japanese copy writes Korean
 * names (キム・ジョンウン): its Hepburn letters read by the Japanese reader only.
 */
function kanaReadings(hepburn: string): ParsedName[] {
  const tokens = hepburn.split(" ").filter(Boolean);
  if (tokens.length === 0) return [build("", "", "unknown", "latin", 0)];
  if (tokens.length === 1) return [build("", tokens[0]!, "unknown", "latin", 1, "japanese")];
  return [
    build(tokens[0]!, tokens.slice(1).join(" "), "family-first", "latin", 0, "japanese"),
    build(tokens.at(-1)!, tokens.slice(0, -1).join(" "), "given-first", "latin", 0.6, "japanese"),
  ].sort((a, b) => a.cost - b.cost);
}

function isUpper(token: string): boolean {
  return token.length > 1 && token === token.toUpperCase() && token !== token.toLowerCase();
}

/**
 * A name in Hebrew letters is read by the Hebrew reader only, family name first as the press
 * writes Korean names (קים ג׳ונג און), its letters as written: the reader spells Korean syllables
 * in them.
 */
function hebrewReadings(name: string): ParsedName[] {
  const tokens = name.replace(/[,;]/g, " ").split(/\s+/u).filter(Boolean);
  if (tokens.length < 2) return [build("", name, "unknown", "other", 0)];
  return [
    build(tokens[0]!, tokens.slice(1).join(" "), "family-first", "latin", 0, "hebrew"),
    build(tokens.at(-1)!, tokens.slice(0, -1).join(" "), "given-first", "latin", 0.6, "hebrew"),
  ];
}

/**
 * A name in the Cyrillic of Ukrainian, Belarusian, Kazakh, Mongolian or Bulgarian in Russian
 * letters, where the Cyrillic reader finds it (cyrillic-variants.ts), one in the scripts of
 * script-latin.ts in Latin letters, one in Greek letters in their ELOT 743 Latin ones, where the
 * Greek reader finds it, one in
 * Arabic letters in their ALA-LC ones, where the Arabic reader finds it, and one in Serbian
 * Cyrillic in Serbian Latin, where the Czech reader finds the press's Latin (Džo).
 */
function inLatinLetters(full: string): string {
  return serbianLatin(arabicLatin(elot743(scriptLatin(asRussianLetters(full)))));
}

/** A second reading of a name its script leaves two for (script-latin.ts) costs this much more. */
const ALTERNATIVE_COST = 0.3;

/** Ranked interpretations of a name. Never throws; an unparseable name yields one reading with empty candidates. */
export function parseName(input: NameInput): ParsedName[] {
  if (input.family !== undefined || input.given !== undefined) {
    const family = (input.family ?? "").trim();
    const given = (input.given ?? "").trim();
    const script = detectScript(`${family} ${given}`);
    const main = build(family, given, "unknown", script, 0);
    // Records swap the two fields often enough that the swapped reading is worth keeping.
    const swapped = family && given ? build(given, family, "unknown", script, 1) : undefined;
    return swapped && swapped.cost < main.cost + 2
      ? [main, swapped].sort((a, b) => a.cost - b.cost)
      : [main];
  }
  const text = (input.full ?? "").trim().replace(/\s+/g, " ");
  const alternative = scriptLatinAlternative(text);
  const readings = parseWritten(inLatinLetters(text));
  if (alternative === undefined) return readings;
  const more = parseWritten(alternative).map((p) => ({ ...p, cost: p.cost + ALTERNATIVE_COST }));
  return [...readings, ...more].sort((a, b) => a.cost - b.cost);
}

/** Ranked interpretations of a full name already in the letters the readers take. */
function parseWritten(written: string): ParsedName[] {
  if (hasHebrew(written)) return hebrewReadings(written);
  if (isKanaName(written)) return kanaReadings(kanaToHepburn(written));
  const full = written;
  const script = detectScript(full);
  if (!full) return [build("", "", "unknown", script, 0)];
  const comma = full.indexOf(",");
  // Korean names from Russian records may arrive in passport Latin, or in Latin transliterated
  // from the Russian press's Cyrillic (Kim Chen Yn, Kim Čen Yn): read them so as well.
  const passport = script === "latin" && isPassportLatin(full);
  if (comma > 0) {
    // "KIM, Yong Chol": list convention, family before the comma.
    const family = full.slice(0, comma).trim();
    const given = full.slice(comma + 1).trim();
    const out = [build(family, given, "family-first", script, 0)];
    if (passport) out.push(build(family, given, "family-first", script, 0, "passport"));
    for (const r of transcriptionReaders(full))
      out.push(build(family, given, "family-first", script, TRANSCRIBED_COST, r));
    out.push(...russianReadings(full, script));
    return out.sort((a, b) => a.cost - b.cost);
  }
  const tokens = full.split(" ");
  const out: ParsedName[] = [];
  if (script === "hangul" || script === "han") {
    const isSurname = (t: string) =>
      script === "hangul"
        ? knownSurnames().has(t)
        : Array.from(t).length === 1 && isKnownSurnameHan(t);
    if (tokens.length === 1) {
      const cs = Array.from(full);
      if (
        cs.length >= 3 &&
        (script === "hangul" ? isTwoSyllableSurnameHangul(cs[0]! + cs[1]!) : false)
      )
        out.push(build(cs[0]! + cs[1]!, cs.slice(2).join(""), "family-first", script, -0.3));
      if (cs.length >= 3 && script === "han") {
        const pair = toTraditional(cs[0]!)[0]! + toTraditional(cs[1]!)[0]!;
        const reading = hanSurname(pair)[0]?.syllable ?? "";
        if (knownSurnames().has(reading) && reading.length === 2)
          out.push(build(cs[0]! + cs[1]!, cs.slice(2).join(""), "family-first", script, -0.3));
      }
      out.push(
        build(
          cs[0] ?? "",
          cs.slice(1).join(""),
          "family-first",
          script,
          isSurname(cs[0] ?? "") ? 0 : 1,
        ),
      );
    } else {
      const first = tokens[0]!;
      const last = tokens[tokens.length - 1]!;
      const ff = build(
        first,
        tokens.slice(1).join(""),
        "family-first",
        script,
        isSurname(first) ? 0 : 1.5,
      );
      const gf = build(
        last,
        tokens.slice(0, -1).join(""),
        "given-first",
        script,
        isSurname(last) ? 0.5 : 2,
      );
      out.push(ff, gf);
    }
    return out.sort((a, b) => a.cost - b.cost);
  }
  // Cyrillic (Ким Чен Ын) is read like Latin: the same order habits, its own syllable rules.
  const latinLike = script === "latin" || isCyrillicName(full);
  if (!latinLike || tokens.length === 1) {
    if (script === "latin" && tokens.length === 1) {
      // One word: "Kimyongchol" rarely, "Kim" (surname only) more often.
      const sc = surnameCandidatesLatin(full);
      if (sc.length > 0 && sc[0]!.cost < 0.5)
        out.push(build(full, "", "family-first", script, 0.5));
      out.push(build("", full, "unknown", script, 1));
      return out.sort((a, b) => a.cost - b.cost);
    }
    return [build("", full, "unknown", script, 0)];
  }
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  const upperHint = (t: string) => (isUpper(t) && !tokens.every(isUpper) ? -0.8 : 0);
  const hyphenPenalty = (t: string) => (t.includes("-") ? 1.2 : 0);
  out.push(
    build(
      first,
      tokens.slice(1).join(" "),
      "family-first",
      script,
      upperHint(first) + hyphenPenalty(first),
    ),
  );
  out.push(
    build(
      last,
      tokens.slice(0, -1).join(" "),
      "given-first",
      script,
      0.6 + upperHint(last) + hyphenPenalty(last),
    ),
  );
  if (passport) {
    out.push(build(first, tokens.slice(1).join(" "), "family-first", script, 0, "passport"));
    out.push(build(last, tokens.slice(0, -1).join(" "), "given-first", script, 0.6, "passport"));
  }
  for (const r of transcriptionReaders(full)) {
    out.push(build(first, tokens.slice(1).join(" "), "family-first", script, TRANSCRIBED_COST, r));
    out.push(
      build(last, tokens.slice(0, -1).join(" "), "given-first", script, TRANSCRIBED_COST + 0.6, r),
    );
  }
  out.push(...russianReadings(full, script));
  return out.sort((a, b) => a.cost - b.cost);
}
