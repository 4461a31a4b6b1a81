/**
 * Any romanized Korean spelling → ranked Hangul syllable candidates ("YONGCHOL", "Yong-chol",
 * "Yŏng-ch'ŏl", "Yeongcheol", "young chul", "CHO'NG"). The reverse of romanize, built as a table of
 * every plausible spelling of every syllable that occurs in names (Sino-Korean readings plus the
 * syllables of native given names), with a cost per spelling: 0 for a spelling some system
 * prescribes (RR, MR, DPRK, their voiced/voiceless variants), more for passport/press habits
 * (u for ㅓ in "Sung", oo for ㅜ, ee for ㅣ). A DP then cuts a word into syllables, keeping a beam of
 * segmentations. The letter grammar covers the initials, vowels and finals of RR, McCune–Reischauer
 * and the DPRK system with their diacritic-free and apostrophe forms (docs/names.md).
 */

import { lazy, memoize } from "../lazy.js";
import { GIVEN_NAME_TABLE } from "./data/given-name-table.js";
import { HANJA_TABLE } from "./data/hanja-table.js";
import { SURNAME_TABLE } from "./data/surname-table.js";
import { SYLLABLE_FREQUENCY_TABLE } from "./data/syllable-frequency-table.js";
import { composeSyllable, decomposeSyllable, L, T, toSouthInitial, V } from "./hangul.js";

export interface SyllableCandidate {
  syllable: string;
  /** Ranking cost: spelling cost plus a prior for how common the syllable is in names. */
  cost: number;
  /** Spelling cost only (0 = a spelling some system prescribes); what matching should use. */
  variance: number;
}
/** One syllable position of a parse: the letters it covers and the Hangul syllables they may spell. */
export interface SyllableSlot {
  spelling: string;
  candidates: SyllableCandidate[];
}
export interface RomanizedParse {
  slots: SyllableSlot[];
  cost: number;
}

type Variants = readonly (readonly [string, number])[];

// Spellings of each initial (index = L.*). "'" is the MR aspiration mark after normalisation.
const ONSET_SPELLINGS: readonly Variants[] = [
  [
    ["k", 0],
    ["g", 0],
    ["gh", 0.8],
    ["kh", 1],
    ["kk", 1],
  ], // ㄱ
  [
    ["kk", 0],
    ["gg", 0],
    ["k", 0.8],
    ["g", 1],
  ], // ㄲ
  [["n", 0]], // ㄴ
  [
    ["t", 0],
    ["d", 0],
    ["th", 1],
    ["dd", 1],
  ], // ㄷ
  [
    ["tt", 0],
    ["dd", 0],
    ["t", 0.8],
    ["d", 1],
  ], // ㄸ
  [
    ["r", 0],
    ["l", 0],
    ["rh", 0.4],
    ["n", 0.7],
  ], // ㄹ (n: after assimilation, Ch'ang-nyong)
  [["m", 0]], // ㅁ
  [
    ["p", 0],
    ["b", 0],
    ["ph", 1],
    ["bb", 1],
  ], // ㅂ
  [
    ["pp", 0],
    ["bb", 0],
    ["p", 0.8],
    ["b", 1],
  ], // ㅃ
  [
    ["s", 0],
    ["sh", 0.3],
    ["ss", 0.8],
  ], // ㅅ
  [
    ["ss", 0],
    ["s", 0.8],
    ["sh", 1],
  ], // ㅆ
  [["", 0]], // ㅇ
  [
    ["ch", 0],
    ["j", 0],
    ["z", 0.8],
    ["dj", 0.8],
    ["jh", 0.8],
    ["tch", 1],
  ], // ㅈ
  [
    ["tch", 0],
    ["jj", 0],
    ["tj", 0.5],
    ["ch", 0.8],
    ["j", 0.8],
  ], // ㅉ
  [
    ["ch'", 0],
    ["ch", 0],
    ["chh", 0.3],
    ["c", 0.8],
    ["tch", 0.8],
    ["j", 1],
  ], // ㅊ
  [
    ["k'", 0],
    ["kh", 0],
    ["k", 0.5],
    ["g", 1.2],
  ], // ㅋ
  [
    ["t'", 0],
    ["th", 0],
    ["t", 0.5],
    ["d", 1.2],
  ], // ㅌ
  [
    ["p'", 0],
    ["ph", 0],
    ["p", 0.5],
    ["f", 1],
    ["b", 1.2],
  ], // ㅍ
  [["h", 0]], // ㅎ
];

// Spellings of each vowel (index = V.*); ŏ/ŭ are the normalised breve (or caron, or o'/u') forms.
const VOWEL_SPELLINGS: readonly Variants[] = [
  [
    ["a", 0],
    ["ah", 0.5],
  ], // ㅏ
  [
    ["ae", 0],
    ["ai", 0.6],
    ["e", 0.6],
    ["ay", 0.8],
  ], // ㅐ
  [["ya", 0]], // ㅑ
  [
    ["yae", 0],
    ["ye", 0.5],
  ], // ㅒ
  [
    ["ŏ", 0],
    ["eo", 0],
    ["o", 0.3],
    ["u", 0.6],
    ["uh", 0.8],
    ["eu", 0.8],
    ["e", 0.9],
    ["oh", 0.8],
  ], // ㅓ
  [
    ["e", 0],
    ["ae", 0.6],
    ["ei", 0.8],
  ], // ㅔ
  [
    ["yŏ", 0],
    ["yeo", 0],
    ["yo", 0.3],
    ["you", 0.6],
    ["yu", 0.7],
    ["ye", 0.6],
    ["yeu", 0.8],
  ], // ㅕ
  [
    ["ye", 0],
    ["yae", 0.6],
  ], // ㅖ
  [
    ["o", 0],
    ["oh", 0.5],
    ["oo", 0.8],
    ["ou", 0.8],
  ], // ㅗ
  [
    ["wa", 0],
    ["oa", 0.6],
  ], // ㅘ
  [
    ["wae", 0],
    ["oae", 0.6],
    ["we", 0.6],
  ], // ㅙ
  [
    ["oe", 0],
    ["oi", 0.4],
    ["we", 0.6],
    ["oy", 0.8],
  ], // ㅚ
  [
    ["yo", 0],
    ["yoh", 0.6],
  ], // ㅛ
  [
    ["u", 0],
    ["oo", 0.3],
    ["ou", 0.6],
    ["wu", 0.8],
  ], // ㅜ
  [
    ["wŏ", 0],
    ["wo", 0],
    ["weo", 0],
    ["wu", 0.6],
    ["uo", 0.8],
  ], // ㅝ
  [
    ["we", 0],
    ["wae", 0.8],
  ], // ㅞ
  [
    ["wi", 0],
    ["wee", 0.5],
    ["ui", 0.8],
  ], // ㅟ
  [
    ["yu", 0],
    ["yoo", 0.3],
    ["you", 0.4],
    ["yoo", 0.3],
  ], // ㅠ
  [
    ["ŭ", 0],
    ["eu", 0],
    ["u", 0.3],
    ["e", 0.7],
    ["eo", 1],
  ], // ㅡ
  [
    ["ŭi", 0],
    ["ui", 0],
    ["eui", 0.3],
    ["i", 0.7],
    ["ee", 0.9],
  ], // ㅢ
  [
    ["i", 0],
    ["ee", 0.4],
  ], // ㅣ
];

// Spellings of the finals that occur in names (index = T.*); others fall back to their class.
const CODA_SPELLINGS: Partial<Record<number, Variants>> = {
  [T.NONE]: [["", 0]],
  [T.G]: [
    ["k", 0],
    ["g", 0.3],
    ["ng", 2],
    ["kk", 1],
  ], // g: liaison (Sŏg-yŏng); ng: nasalised (Tŏng-nyong), costly as it confuses 덕/덩
  [T.N]: [
    ["n", 0],
    ["l", 2],
    ["nn", 0.8],
  ], // l: 신라 Silla
  [T.D]: [
    ["t", 0],
    ["d", 0.3],
    ["n", 2],
  ],
  [T.L]: [
    ["l", 0],
    ["r", 0.3],
    ["ll", 0.6],
  ], // r: liaison (Ch'ŏr-wŏn)
  [T.M]: [["m", 0]],
  [T.B]: [
    ["p", 0],
    ["b", 0.3],
    ["m", 2],
  ],
  [T.S]: [
    ["t", 0],
    ["s", 0.3],
    ["d", 0.8],
    ["n", 2],
  ],
  [T.NG]: [
    ["ng", 0],
    ["n", 2.5],
  ], // n: typo-level (Joon for 중 would otherwise match 준)
  [T.J]: [
    ["t", 0],
    ["j", 0.3],
  ],
  [T.CH]: [
    ["t", 0],
    ["ch", 0.3],
  ],
  [T.T]: [
    ["t", 0],
    ["th", 0.5],
  ],
  [T.P]: [
    ["p", 0],
    ["ph", 0.5],
  ],
  [T.H]: [
    ["t", 0],
    ["h", 0.5],
  ],
  [T.KK]: [
    ["k", 0],
    ["kk", 0.3],
  ],
};

/** Penalty for a syllable outside the Sino-Korean / given-name inventory (kept, but unlikely). */
const RARE_SYLLABLE_COST = 1.5;

/** Syllables that occur in personal names: Hanja readings (E/N), their South forms, native given-name syllables, surnames. */
export const nameSyllables = lazy((): Map<string, number> => {
  const inv = new Map<string, number>();
  // Prior from how often a syllable occurs in reference given names: seen ≥ 20 times costs 0,
  // once 1.0; Sino-Korean readings never seen cost 1.1 (see data/SOURCES.md for the counts).
  const freq = new Map<string, number>();
  for (const item of SYLLABLE_FREQUENCY_TABLE.split(" ")) freq.set(item[0]!, Number(item.slice(1)));
  const priorOf = (syl: string, common: boolean) => {
    const n = freq.get(syl) ?? 0;
    if (n > 0) return Math.max(0, Math.min(1, 0.23 * (Math.log2(20) - Math.log2(n))));
    return common ? 1.1 : 1.4;
  };
  for (const line of HANJA_TABLE.split("\n")) {
    const parts = line.split(" ");
    for (const r of (parts[1] ?? "").split(",")) {
      const syl = r[0];
      if (!syl) continue;
      const common = r.includes("E") || r.includes("N");
      const cost = priorOf(syl, common);
      if ((inv.get(syl) ?? 9) > cost) inv.set(syl, cost);
      const south = toSouthInitial(syl);
      const southCost = priorOf(south, common);
      if ((inv.get(south) ?? 9) > southCost) inv.set(south, southCost);
    }
  }
  for (const [given] of GIVEN_NAME_TABLE)
    for (const s of given) if (!inv.has(s)) inv.set(s, priorOf(s, true));
  // Surname syllables: cheap (the prior counts given names only).
  for (const [south, norths, , , , , , population] of SURNAME_TABLE) {
    const cost = population > 100_000 ? 0 : 0.5;
    for (const s of south) inv.set(s, Math.min(inv.get(s) ?? 9, cost));
    for (const n of norths.split(","))
      for (const s of n) inv.set(s, Math.min(inv.get(s) ?? 9, cost));
  }
  return inv;
});

/** A spelling index: spelling → its syllables, cheapest first; and the longest spelling. */
export interface SpellingIndex {
  index: Map<string, SyllableCandidate[]>;
  maxSpellingLength: number;
}

/** Adds one spelling of a syllable to an index, keeping the cheaper of two for the same pair. */
export function addSpelling(
  idx: SpellingIndex,
  spelling: string,
  syllable: string,
  prior: number,
  variance: number,
): void {
  const cost = prior + variance;
  const list = idx.index.get(spelling);
  if (!list) idx.index.set(spelling, [{ syllable, cost, variance }]);
  else {
    const existing = list.find((c) => c.syllable === syllable);
    if (!existing) list.push({ syllable, cost, variance });
    else if (existing.cost > cost) {
      existing.cost = cost;
      existing.variance = variance;
    }
  }
  if (spelling.length > idx.maxSpellingLength) idx.maxSpellingLength = spelling.length;
}

/** Every spelling of every syllable with its candidates, cheapest first, and the longest spelling. */
function buildIndex(): SpellingIndex {
  const idx: SpellingIndex = { index: new Map(), maxSpellingLength: 0 };
  const add = (spelling: string, syllable: string, prior: number, variance: number) =>
    addSpelling(idx, spelling, syllable, prior, variance);
  for (const [syl, prior] of nameSyllables()) {
    const j = decomposeSyllable(syl);
    if (!j) continue;
    const codas = CODA_SPELLINGS[j.t] ?? [["", 0.5]];
    for (const [o, oc] of ONSET_SPELLINGS[j.l]!) {
      for (const [v, vc] of VOWEL_SPELLINGS[j.v]!) {
        // ㅇ + w/y-vowel: "woo" (우), "yi" (이) are common passport spellings.
        for (const [c, cc] of codas) add(o + v + c, syl, prior, oc + vc + cc);
        if (j.l === L.NG && j.v === V.U)
          for (const [c, cc] of codas) add(`w${v}${c}`, syl, prior, 0.4 + vc + cc);
        if (j.l === L.NG && j.v === V.I)
          for (const [c, cc] of codas) add(`y${v}${c}`, syl, prior, 0.6 + vc + cc);
      }
    }
  }
  // Rare syllables: any syllable from the letter rules alone (no variants), so unusual names still parse.
  for (let l = 0; l < 19; l++) {
    for (let v = 0; v < 21; v++) {
      for (const t of [T.NONE, T.G, T.N, T.L, T.M, T.B, T.NG]) {
        const syl = composeSyllable(l, v, t);
        const o = ONSET_SPELLINGS[l]![0]![0];
        const vv = VOWEL_SPELLINGS[v]![0]![0];
        const c = CODA_SPELLINGS[t]![0]![0];
        add(o + vv + c, syl, RARE_SYLLABLE_COST, 0);
        // Also the second (RR) spelling of onset and vowel.
        const o2 = ONSET_SPELLINGS[l]![1]?.[0] ?? o;
        const v2 = VOWEL_SPELLINGS[v]![1]?.[0] ?? vv;
        add(o2 + v2 + c, syl, RARE_SYLLABLE_COST, 0);
      }
    }
  }
  for (const list of idx.index.values()) list.sort((a, b) => a.cost - b.cost);
  return idx;
}

const spellings = lazy(buildIndex);

/**
 * Lower-case, turn every breve/caron/apostrophe convention into one (ŏ ŭ for the vowels, ' after an
 * aspirated consonant), drop other accents. UN aliases write ŏ as o' or o’ ("CHO'NG"), digitalprk
 * data uses the caron ǒ; MR writes n'g for a syllable break, which becomes a hyphen here.
 */
export function normalizeRomanized(s: string): string {
  let t = s.normalize("NFD").toLowerCase();
  t = t.replace(/[’‘`´ʼʻ]/g, "'");
  t = t.replace(/o[\u0306\u030c]/g, "ŏ").replace(/u[\u0306\u030c]/g, "ŭ");
  t = t.replace(/[\u0300-\u036f]/g, "");
  t = t.replace(/o'/g, "ŏ").replace(/u'/g, "ŭ");
  // n' or ng' before a vowel or g: a syllable break, not aspiration.
  t = t.replace(/n'/g, "n-");
  // Apostrophes survive only after ch/k/t/p (aspiration).
  t = t.replace(/([^hktp])'/g, "$1").replace(/^'/, "");
  return t;
}

const BEAM = 6;

/**
 * Segment one word (no spaces; hyphens are forced syllable boundaries) into syllables; ranked parses,
 * best first. Returns [] if the letters cannot be read as Korean.
 */
export function parseRomanized(word: string): RomanizedParse[] {
  const norm = normalizeRomanized(word).replace(/[^a-zŏŭ'\-\s]/g, "");
  return parseParts(norm, segment);
}

/**
 * Parses of a cleaned word whose hyphens and spaces are syllable boundaries: the segmentations of
 * each part, combined, best BEAM kept. [] when a part cannot be read.
 */
export function parseParts(
  text: string,
  segmentPart: (part: string) => RomanizedParse[],
): RomanizedParse[] {
  const parts = text.split(/[-\s]+/).filter((p) => p.length > 0);
  let results: RomanizedParse[] = [{ slots: [], cost: 0 }];
  for (const part of parts) {
    const partParses = segmentPart(part);
    if (partParses.length === 0) return [];
    const next: RomanizedParse[] = [];
    for (const r of results)
      for (const p of partParses)
        next.push({ slots: [...r.slots, ...p.slots], cost: r.cost + p.cost });
    next.sort((a, b) => a.cost - b.cost);
    results = next.slice(0, BEAM);
  }
  return parts.length === 0 ? [] : results;
}

/** Per extra syllable: prefer "yongchol" = 2 syllables over 3 short ones. */
const SYLLABLE_COST = 1;

/** The best parses of a letters-only word into syllable spellings (kept: names repeat). */
const segment = memoize((s: string): RomanizedParse[] => segmentWith(spellings(), s), 50_000);

/** The best parses of a word into the spellings of an index (a beam of BEAM per position). */
export function segmentWith(spellingIndex: SpellingIndex, s: string): RomanizedParse[] {
  const { index: idx, maxSpellingLength } = spellingIndex;
  // dp[i]: best parses of s[0..i)
  const dp: RomanizedParse[][] = Array.from({ length: s.length + 1 }, () => []);
  dp[0] = [{ slots: [], cost: 0 }];
  for (let i = 0; i < s.length; i++) {
    const here = dp[i]!;
    if (here.length === 0) continue;
    for (let len = 1; len <= maxSpellingLength && i + len <= s.length; len++) {
      const sub = s.slice(i, i + len);
      const cands = idx.get(sub);
      if (!cands) continue;
      const slotCost = cands[0]!.cost + SYLLABLE_COST;
      const slot: SyllableSlot = { spelling: sub, candidates: cands };
      const target = dp[i + len]!;
      for (const p of here) target.push({ slots: [...p.slots, slot], cost: p.cost + slotCost });
      target.sort((a, b) => a.cost - b.cost);
      if (target.length > BEAM) target.length = BEAM;
    }
  }
  return dp[s.length]!;
}

/** Hangul readings of a whole romanized word, ranked (joins the best candidates of the best parses). */
export function romanizedToHangul(word: string, limit = 8): string[] {
  const out = new Map<string, number>();
  for (const p of parseRomanized(word)) {
    let combos: { text: string; cost: number }[] = [{ text: "", cost: p.cost }];
    for (const slot of p.slots) {
      const next: { text: string; cost: number }[] = [];
      for (const c of combos)
        for (const cand of slot.candidates.slice(0, 6))
          next.push({ text: c.text + cand.syllable, cost: c.cost + cand.cost });
      next.sort((a, b) => a.cost - b.cost);
      combos = next.slice(0, limit);
    }
    for (const c of combos) if ((out.get(c.text) ?? 1e9) > c.cost) out.set(c.text, c.cost);
  }
  return [...out.entries()]
    .sort((a, b) => a[1] - b[1])
    .slice(0, limit)
    .map(([t]) => t);
}

/** Hangul surnames (South and North forms) known to the surname table. */
export const knownSurnames = lazy((): Set<string> => {
  const surnames = new Set<string>();
  for (const [south, norths] of SURNAME_TABLE) {
    surnames.add(south);
    for (const n of norths.split(",")) if (n) surnames.add(n);
  }
  return surnames;
});
