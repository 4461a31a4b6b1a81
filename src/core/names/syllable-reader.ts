/**
 * Readers of Korean names written by another language's habit back into Hangul syllable
 * candidates, the way parse-romanized reads romanizations: every name syllable is spelt as that
 * habit spells it (with a cost per variant), and a name is segmented into those spellings. The
 * habits lose distinctions (Cyrillic о is ㅓ or ㅗ, Japanese ン is ㄴ or ㅇ), so each syllable
 * keeps every reading the rules allow and comparison in Hangul space decides.
 *  - cyrillic, passport: Russian Cyrillic and a Russian passport's Latin (parse-cyrillic.ts);
 *  - japanese: the katakana of Japanese papers, read in Hepburn (Kimu Jon'un, キム・ジョンウン);
 *  - hungarian, czech: the press transcriptions (Kim Dzsongun, Kim Čong-un);
 *  - greek: the Greek press's letters, read in ELOT 743 Latin (Γιουν Χο-Τζιν, Gioun Cho-Tzin);
 *  - arabic, hebrew: the Arabic and Hebrew press's letters (كيم كوانغ إل, קים יונג צ׳ול) and the
 *    ALA-LC reading of the Arabic (Kīm Kwāngh Il), in the reader's letters of semitic-latin.ts;
 *  - vietnamese: the Sino-Vietnamese reading of the Hanja (Kim Chính Ân), syllable by syllable
 *    (sino-vietnamese.ts).
 */

import { lazy, memoize } from "../lazy.js";
import { CYRILLIC_SURNAMES } from "./data/cyrillic-korean.js";
import {
  ARABIC,
  CZECH,
  GREEK,
  HEBREW,
  HUNGARIAN,
  JAPANESE,
  type Transcription,
} from "./data/transcribed-korean.js";
import { elot743 } from "./greek-latin.js";
import { decomposeSyllable } from "./hangul.js";
import { cyrillicSpellings, passportLatin } from "./parse-cyrillic.js";
import {
  addSpelling,
  knownSurnames,
  nameSyllables,
  parseParts,
  type RomanizedParse,
  type SpellingIndex,
  type SyllableCandidate,
  type SyllableSlot,
  segmentWith,
} from "./parse-romanized.js";
import { arabicReaderLetters, hebrewReaderLetters } from "./semitic-latin.js";
import { sinoKoreanOf } from "./sino-vietnamese.js";

export type ReaderName =
  | "cyrillic"
  | "passport"
  | "japanese"
  | "hungarian"
  | "czech"
  | "greek"
  | "arabic"
  | "hebrew"
  | "vietnamese";

interface Reader {
  index: () => SpellingIndex;
  segment: (word: string) => RomanizedParse[];
  /** The letters of a word the reader reads (others are dropped before segmenting). */
  clean: (word: string) => string;
  /** Surnames the syllable rules do not reach, as the reader spells them. */
  surnames: readonly (readonly [string, string])[];
}

function makeReader(
  spellings: (syllable: string) => readonly (readonly [string, number])[],
  clean: (w: string) => string,
  surnames: readonly (readonly [string, string])[] = [],
): Reader {
  const index = lazy((): SpellingIndex => {
    const idx: SpellingIndex = { index: new Map(), maxSpellingLength: 0 };
    for (const [syl, prior] of nameSyllables())
      for (const [spelling, cost] of spellings(syl))
        if (spelling) addSpelling(idx, spelling, syl, prior, cost);
    for (const list of idx.index.values()) list.sort((a, b) => a.cost - b.cost);
    return idx;
  });
  return {
    index,
    segment: memoize((s: string) => segmentWith(index(), s), 20_000),
    clean,
    surnames,
  };
}

/** The sound a final ends in (Standard Pronunciation §8's seven), by final index. */
const FINAL_SOUND = [
  ..."_ k k k n n n t l k m l l l p l m p p t t".split(" "),
  ..."ng t t k t p t".split(" "),
].map((s) => (s === "_" ? "" : s));

/** Every spelling of a syllable in a transcription, onset + vowel rewritten by `mora`. */
function transcribed(
  t: Transcription,
  mora: (onset: string, vowel: string) => readonly (readonly [string, number])[],
): (syllable: string) => [string, number][] {
  return (syllable) => {
    const j = decomposeSyllable(syllable);
    if (!j) return [];
    const out: [string, number][] = [];
    for (const [o, oc] of t.onsets[j.l]!)
      for (const [v, vc] of t.vowels[j.v]!)
        for (const [ov, mc] of mora(o, v))
          for (const [c, cc] of t.codas[FINAL_SOUND[j.t]!]!) out.push([ov + c, oc + vc + mc + cc]);
    return out;
  };
}

/** ティ トゥ ディ ドゥ, and the older チ ツ ジ ズ writers also use for them. */
const OLDER_KANA: Readonly<Record<string, string>> = { ti: "chi", tu: "tsu", di: "ji", du: "zu" };

/**
 * Onset and vowel as Japanese syllables write them in Hepburn: no kye or kui (the glide goes), ㅌ
 * ㄷ before y as ch j, s before i or y as sh, h before u or w as f (フ ファ); ティ トゥ ディ ドゥ keep
 * t and d, and チ ツ ジ are their older spellings.
 */
function hepburnMora(o: string, w: string): (readonly [string, number])[] {
  if (!o) return [[w, 0]];
  const v = w === "ye" ? "e" : w === "ui" ? "i" : w;
  if (v.startsWith("y")) {
    const x = v.slice(1);
    if (o === "t" || o === "ch") return [[`ch${x}`, 0]];
    if (o === "d" || o === "j") return [[`j${x}`, 0]];
    if (o === "s") return [[`sh${x}`, 0]];
    return [[o + v, 0]];
  }
  if (o === "h" && (v.startsWith("w") || v === "u")) return [[`f${v.replace(/^w/, "")}`, 0]];
  if (o === "s" && v === "i") return [["shi", 0]];
  const older = OLDER_KANA[o + v];
  if (older)
    return [
      [o + v, 0],
      [older, 0.5],
    ];
  return [[o + v, 0]];
}

const asWritten = (o: string, v: string): (readonly [string, number])[] => [[o + v, 0]];

/**
 * Hepburn letters as the reader segments them: long vowels (ō, ou written oo) and the doubled
 * consonant of ッ (kk, tch) as one, n' (ン before a vowel) a syllable break.
 */
function cleanHepburn(w: string): string {
  return w
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/n['’ʼ]/g, "n-")
    .replace(/[^a-z\s-]/g, "")
    .replace(/tch/g, "ch")
    .replace(/ssh/g, "sh")
    .replace(/([kgsztdpbcjfhr])\1/g, "$1")
    .replace(/([aeiou])\1/g, "$1");
}

const readers = lazy(() => ({
  cyrillic: makeReader(
    cyrillicSpellings,
    (w) => w.toLowerCase().replace(/[^\p{Script=Cyrillic}\s-]/gu, ""),
    CYRILLIC_SURNAMES,
  ),
  passport: makeReader(
    (s) => cyrillicSpellings(s).map(([c, cost]) => [passportLatin(c), cost] as const),
    (w) => w.toLowerCase().replace(/[^a-z\s-]/g, ""),
    CYRILLIC_SURNAMES.map(([c, h]) => [passportLatin(c), h] as const),
  ),
  japanese: makeReader(transcribed(JAPANESE, hepburnMora), cleanHepburn),
  hungarian: makeReader(transcribed(HUNGARIAN, asWritten), (w) =>
    w
      .toLowerCase()
      .replace(/[őó]/g, "ö")
      .replace(/[űú]/g, "ü")
      .normalize("NFC")
      .replace(/[^a-zöü\s-]/g, ""),
  ),
  czech: makeReader(transcribed(CZECH, asWritten), (w) =>
    w
      .toLowerCase()
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/[^a-z\s-]/g, ""),
  ),
  greek: makeReader(transcribed(GREEK, asWritten), (w) =>
    elot743(w)
      .toLowerCase()
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/[^a-z\s-]/g, ""),
  ),
  arabic: makeReader(transcribed(ARABIC, asWritten), arabicReaderLetters),
  hebrew: makeReader(transcribed(HEBREW, asWritten), hebrewReaderLetters),
}));

/** One slot per Sino-Vietnamese syllable, its Sino-Korean readings commonest first. */
function sinoVietnameseSlots(text: string): SyllableSlot[] {
  return text
    .split(/[\s-]+/u)
    .filter(Boolean)
    .map((w) => ({
      spelling: w,
      candidates: sinoKoreanOf(w).map((syllable, k) => ({
        syllable,
        cost: Math.min(1, k * 0.2),
        variance: Math.min(1, k * 0.2),
      })),
    }));
}

/** Segmentations of a word (hyphens and spaces are syllable boundaries), best first; [] if not Korean. */
function parseWith(reader: Reader, word: string): RomanizedParse[] {
  return parseParts(reader.clean(word), reader.segment);
}

/** Segmentations of a given name close to the best one, as for romanized names. */
export function givenParsesOf(readerName: ReaderName, given: string): SyllableSlot[][] {
  if (readerName === "vietnamese") return [sinoVietnameseSlots(given)];
  const parses = parseWith(readers()[readerName], given);
  const best = parses[0]?.cost ?? 0;
  return parses.filter((p) => p.cost <= best + 1.5).map((p) => p.slots);
}

/** Hangul surname candidates of one word (Ким → 김, Цой / Tsoi → 최, Kimu → 김, Namgun → 남궁). */
export function surnameCandidatesOf(readerName: ReaderName, token: string): SyllableCandidate[] {
  if (readerName === "vietnamese")
    return sinoVietnameseSlots(token)
      .flatMap((slot) => slot.candidates)
      .filter((c) => knownSurnames().has(c.syllable))
      .map((c) => ({ ...c, cost: c.cost + 0.2 }));
  const reader = readers()[readerName];
  const key = reader.clean(token).replace(/[\s-]+/g, "");
  // Spelling variance by syllable; the ranking cost adds 0.2, as for Latin surnames.
  const out = new Map<string, number>();
  for (const [spelling, hangul] of reader.surnames)
    if (spelling === key) out.set(hangul, Math.min(out.get(hangul) ?? 9, 0.2));
  const surnames = knownSurnames();
  for (const p of parseWith(reader, key).slice(0, 3)) {
    const [a, b] = p.slots;
    if (p.slots.length === 1)
      for (const c of a!.candidates)
        if (surnames.has(c.syllable))
          out.set(c.syllable, Math.min(out.get(c.syllable) ?? 9, c.variance));
    if (p.slots.length === 2)
      for (const x of a!.candidates.slice(0, 4))
        for (const y of b!.candidates.slice(0, 4)) {
          const s = x.syllable + y.syllable;
          if (surnames.has(s)) out.set(s, Math.min(out.get(s) ?? 9, x.variance + y.variance));
        }
  }
  return [...out.entries()]
    .map(([syllable, variance]) => ({ syllable, cost: variance + 0.2, variance }))
    .sort((a, b) => a.cost - b.cost);
}
