/**
 * Korean names written in Cyrillic, or in the Latin letters of a Russian passport, → Hangul
 * syllable candidates, the way parse-romanized reads romanizations: "Ким Чхоль Мин", "Ким Чен Ын",
 * "Khvan Sok Khva". Russian records write Korean names by the Kontsevich system or by press and
 * Koryo-saram habit (data/cyrillic-korean.ts), and passports print that Cyrillic by the ICAO table;
 * both lose distinctions (о is ㅓ or ㅗ, final н is ㄴ or ㅇ, and in the passport ё э е are all e),
 * so each syllable keeps every reading the rules allow and comparison in Hangul space decides.
 * No library reads either back into Korean.
 */

import { lazy, memoize } from "../lazy.js";
import {
  CYRILLIC_CODAS,
  CYRILLIC_ONSETS,
  CYRILLIC_SURNAMES,
  CYRILLIC_VOWELS,
  PASSPORT_LATIN,
} from "./data/cyrillic-korean.js";
import { decomposeSyllable } from "./hangul.js";
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

const CYRILLIC = /\p{Script=Cyrillic}/u;

/** A name written in Cyrillic letters only (spaces, hyphens, dots and commas aside). */
export function isCyrillicName(s: string): boolean {
  return CYRILLIC.test(s) && /^[\p{Script=Cyrillic}\P{L}]+$/u.test(s);
}

/**
 * A Latin name that can only be a Russian passport's transliteration: letters the table produces
 * (no j, w, q, x, c outside ch, h outside kh ch sh zh, y before a vowel), and at least one of its
 * marks (kh, zh, ts, v, iu, ia, y as a vowel), which no Korean romanization writes.
 */
export function isPassportLatin(s: string): boolean {
  const t = s.toLowerCase();
  if (!/^[a-z\s,.'-]+$/.test(t) || /[jwqx]|c(?!h)|(?<![kcsz])h|y[aeiou]/.test(t)) return false;
  return /kh|zh|ts|v|iu|ia|y(?![aeiou])/.test(t);
}

export function passportLatin(cyrillic: string): string {
  let out = "";
  for (const c of cyrillic) out += PASSPORT_LATIN[c] ?? c;
  return out;
}

/** Every Cyrillic spelling of one syllable with its cost. */
function cyrillicSpellings(syllable: string): [string, number][] {
  const j = decomposeSyllable(syllable);
  if (!j) return [];
  const out: [string, number][] = [];
  const codas = CYRILLIC_CODAS[j.t] ?? [["", 0.5]];
  for (const [o, oc] of CYRILLIC_ONSETS[j.l]!)
    for (const [v, vc] of CYRILLIC_VOWELS[j.v]!)
      for (const [c, cc] of codas) if (o + v + c) out.push([o + v + c, oc + vc + cc]);
  return out;
}

/** The two readers: Cyrillic as written, and its passport Latin. */
interface Reader {
  index: () => SpellingIndex;
  segment: (word: string) => RomanizedParse[];
  /** Letters of a word the reader reads (others are dropped before segmenting). */
  clean: (word: string) => string;
  surnames: readonly (readonly [string, string])[];
}

function makeReader(spell: (cyrillic: string) => string, clean: (w: string) => string): Reader {
  const index = lazy((): SpellingIndex => {
    const idx: SpellingIndex = { index: new Map(), maxSpellingLength: 0 };
    for (const [syl, prior] of nameSyllables())
      for (const [spelling, cost] of cyrillicSpellings(syl))
        addSpelling(idx, spell(spelling), syl, prior, cost);
    for (const list of idx.index.values()) list.sort((a, b) => a.cost - b.cost);
    return idx;
  });
  return {
    index,
    segment: memoize((s: string) => segmentWith(index(), s), 20_000),
    clean,
    surnames: CYRILLIC_SURNAMES.map(([c, h]) => [spell(c), h] as const),
  };
}

const readers = lazy(() => ({
  cyrillic: makeReader(
    (c) => c,
    (w) => w.toLowerCase().replace(/[^\p{Script=Cyrillic}\s-]/gu, ""),
  ),
  passport: makeReader(passportLatin, (w) => w.toLowerCase().replace(/[^a-z\s-]/g, "")),
}));

export type ReaderName = "cyrillic" | "passport";

/** Segmentations of a word (hyphens and spaces are syllable boundaries), best first; [] if not Korean. */
function parseWith(reader: Reader, word: string): RomanizedParse[] {
  return parseParts(reader.clean(word), reader.segment);
}

/** Segmentations of a given name close to the best one, as for romanized names. */
export function givenParsesOf(readerName: ReaderName, given: string): SyllableSlot[][] {
  const parses = parseWith(readers()[readerName], given);
  const best = parses[0]?.cost ?? 0;
  return parses.filter((p) => p.cost <= best + 1.5).map((p) => p.slots);
}

/** Hangul surname candidates of one word (Ким → 김, Цой / Tsoi → 최, Намгун → 남궁). */
export function surnameCandidatesOf(readerName: ReaderName, token: string): SyllableCandidate[] {
  const reader = readers()[readerName];
  const key = reader.clean(token).replace(/\s+/g, "");
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
