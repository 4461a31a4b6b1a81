/**
 * Name similarity in [0, 1] with an explanation. Korean names are compared in Hangul space, not as
 * Latin strings (docs/names.md): both names become family + given-name syllable slots with
 * candidate Hangul syllables (from Hangul as written, Hanja readings, or the romanization parser), and two slots
 * agree when their candidate sets intersect — cheaply if both spellings are standard, less so for
 * press habits. A slot that shares no candidate is a different syllable and costs most of its
 * weight, so KIM KYONG MIN vs KIM KYONG IL stays far below any spelling variant of either.
 * Pinyin renderings are matched through the pinyin of the Hanja that can stand for each syllable.
 * A Latin edit-distance score is only a fallback for typos (Kim Jong-uun) and non-Korean names.
 *
 * The score is about names only: homonyms (two Kim Yong Chol on the UN list) score 1.
 * Never merge persons on a name score alone.
 */

import { lazy, memoize } from "../lazy.js";
import { decomposeInto, type Jamo, northInitialCandidates, toSouthInitial } from "./hangul.js";
import {
  hangulToPinyinCandidates,
  hanToPinyin,
  surnamePinyinCandidates,
  toTraditional,
} from "./hanja.js";
import { type NameInput, type ParsedName, parseName } from "./parse-name.js";
import {
  normalizeRomanized,
  type SyllableCandidate,
  type SyllableSlot,
} from "./parse-romanized.js";
import { parsePinyin, parsePinyinAll } from "./pinyin.js";

export type { NameInput } from "./parse-name.js";

export interface NameMatch {
  score: number;
  explanation: string[];
}

/** A Hangul-space comparison also says how well its weakest part (family or given name) fitted. */
interface HangulMatch extends NameMatch {
  weakest: number;
}

/**
 * Score at or above which two names are treated as the same name (docs/names.md: P 0.997 / R 0.848
 * on the DPRK names file at this value).
 */
export const MATCH_THRESHOLD = 0.85;

/** Weight of the family name in a two-part score; Korean has few surnames, so it says little. */
const FAMILY_WEIGHT = 0.3;
/** Ceiling for a slot that shares no candidate syllable (a different syllable). */
const DIFFERENT_SYLLABLE_CEILING = 0.3;
/** Pinyin loses the Korean reading: a full pinyin fit is strong evidence, not proof. */
const PINYIN_CEILING = 0.92;
/**
 * A fit through a spelling the romanization tables call loose (variance 1 or more: SHU for 서,
 * WUNG for 욱) stays below the match threshold: Chinese names in Wade–Giles or pinyin read that
 * loosely as Korean, and pinyin of some Hanja of almost any syllable then fits.
 */
const PINYIN_FIT_VARIANCE = 1;
const PINYIN_LOOSE_CEILING = 0.84;
/** Latin edit distance knows nothing of Korean: a perfect loose-key match scores this. */
const LATIN_CEILING = 0.92;
/** Two Han names that read alike but are written differently. */
const HOMOPHONE_HANJA_SCORE = 0.9;
/** Letter similarity cannot lift a cleanly parsed Korean name pair above this. */
const LATIN_CEILING_WHEN_PARSED = 0.75;
/** Interpretations other than the best of their input cost a little. */
const ALTERNATIVE_READING_COST = 0.02;

interface SlotMatch {
  sim: number;
  via: string;
}

/** Spelling variance (both sides summed) → similarity: standard spellings 1, press habits ~0.9. */
function costToSim(variance: number): number {
  // From 2 on, the shared reading needs an assimilated or typo-level spelling on one side (song
  // for 속): treat it as barely better than a different syllable.
  return variance < 2 ? 1 - 0.15 * variance : Math.max(0.3, 0.45 - 0.1 * (variance - 2));
}

// Onset / vowel classes for partial similarity of different syllables.
const ONSET_CLASS = [0, 0, 1, 2, 2, 3, 4, 5, 5, 6, 6, 7, 8, 8, 8, 0, 2, 5, 9];
const VOWEL_CLASS = [0, 1, 2, 3, 4, 1, 5, 3, 4, 6, 7, 7, 5, 8, 9, 7, 10, 11, 8, 12, 12];

/** The two syllables' jamo, lent to each `partialSim` in turn. */
const partialJamo = lazy((): [Jamo, Jamo] => [
  { l: 0, v: 0, t: 0 },
  { l: 0, v: 0, t: 0 },
]);

function partialSim(a: string, b: string): number {
  const jamo = partialJamo();
  const x = jamo[0];
  const y = jamo[1];
  if (!decomposeInto(a, x) || !decomposeInto(b, y)) return 0;
  let s = 0;
  if (ONSET_CLASS[x.l] === ONSET_CLASS[y.l]) s += 0.35;
  if (VOWEL_CLASS[x.v] === VOWEL_CLASS[y.v]) s += 0.4;
  if (x.t === y.t) s += 0.25;
  return s * DIFFERENT_SYLLABLE_CEILING;
}

function slotMatch(a: readonly SyllableCandidate[], b: readonly SyllableCandidate[]): SlotMatch {
  const out: SlotMatch = { sim: 0, via: "" };
  slotScore(a, b, out);
  return out;
}

/**
 * How well two slots agree: the cheapest syllable both may read as, else the best partial
 * similarity among the first three candidates of each side. `out`, when given, also receives
 * through what (the explanation); without it nothing is allocated.
 */
function slotScore(
  a: readonly SyllableCandidate[],
  b: readonly SyllableCandidate[],
  out?: SlotMatch,
): number {
  let bestCost = Number.POSITIVE_INFINITY;
  let bestTie = Number.POSITIVE_INFINITY;
  let via = "";
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) {
      const x = a[i]!;
      const y = b[j]!;
      if (x.syllable !== y.syllable) continue;
      const v = x.variance + y.variance;
      const tie = x.cost + y.cost;
      if (v < bestCost || (v === bestCost && tie < bestTie)) {
        bestCost = v;
        bestTie = tie;
        via = x.syllable;
      }
    }
  if (via) {
    const sim = costToSim(bestCost);
    if (out) {
      out.sim = sim;
      out.via = via;
    }
    return sim;
  }
  let best = 0;
  let bx: SyllableCandidate | undefined;
  let by: SyllableCandidate | undefined;
  for (let i = 0; i < a.length && i < 3; i++)
    for (let j = 0; j < b.length && j < 3; j++) {
      const p = partialSim(a[i]!.syllable, b[j]!.syllable);
      if (p > best) {
        best = p;
        bx = a[i];
        by = b[j];
      }
    }
  if (out) {
    out.sim = best;
    out.via = bx && by ? `${bx.syllable}≠${by.syllable}` : "no common reading";
  }
  return best;
}

/**
 * `withInitialTwins` of each slot, kept while the slot lives: a list name's parsed slots meet
 * many queries, and each comparison asks for its first slot's twins in every pairing of readings.
 */
const initialTwins = lazy(() => new WeakMap<SyllableSlot, SyllableCandidate[]>());

/** The first given-name syllable may carry the initial-sound law one way or the other (룡/용). */
function withInitialTwins(slot: SyllableSlot): SyllableCandidate[] {
  const kept = initialTwins().get(slot);
  if (kept) return kept;
  const out = computeInitialTwins(slot);
  initialTwins().set(slot, out);
  return out;
}

function computeInitialTwins(slot: SyllableSlot): SyllableCandidate[] {
  const out = [...slot.candidates];
  for (const c of slot.candidates.slice(0, 4)) {
    for (const t of new Set([
      toSouthInitial(c.syllable),
      ...northInitialCandidates(toSouthInitial(c.syllable)),
    ]))
      if (!out.some((o) => o.syllable === t))
        out.push({ syllable: t, cost: c.cost + 0.4, variance: c.variance + 0.4 });
  }
  return out;
}

/**
 * A Russian reading (Cyrillic, passport Latin) already spans several syllables per spelling (Чон:
 * 전 정 존 종); met with a press habit of the other side as well (CHUN for 전), almost any
 * syllable fits. Against such a reading the other side keeps its standard spellings only.
 */
const READER_OTHER_SIDE_VARIANCE = 0.5;

function standardOnly(c: readonly SyllableCandidate[]): SyllableCandidate[] {
  return c.filter((x) => x.variance < READER_OTHER_SIDE_VARIANCE);
}

/** The candidates of slot `i` as compared: the first with its twins, standard spellings only when `strict`. */
function slotCandidates(
  slots: readonly SyllableSlot[],
  i: number,
  strict: boolean,
): readonly SyllableCandidate[] {
  const c = i === 0 ? withInitialTwins(slots[0]!) : slots[i]!.candidates;
  return strict ? standardOnly(c) : c;
}

/**
 * How well two given names' syllables agree; `parts`, when given, receives how each pair of
 * syllables lined up (the explanation, written only for the reading that wins).
 */
function alignGiven(
  p: readonly SyllableSlot[],
  q: readonly SyllableSlot[],
  strict: "p" | "q" | undefined,
  parts?: string[],
): number {
  const n = p.length;
  const m = q.length;
  if (n === 0 || m === 0) return n === m ? 1 : 0;
  // Which side keeps its standard spellings only (the same slots may stand on both sides).
  const strictP = strict === "p" || (strict === "q" && p === q);
  const strictQ = (strict === "p" && q === p) || strict === "q";
  if (n === m) {
    // Geometric mean: one different syllable must pull the whole given name down (민 ≠ 일).
    let product = 1;
    for (let i = 0; i < n; i++) {
      const a = slotCandidates(p, i, strictP);
      const b = slotCandidates(q, i, strictQ);
      if (!parts) {
        product *= slotScore(a, b);
        continue;
      }
      const s = slotMatch(a, b);
      product *= s.sim;
      parts.push(`${p[i]!.spelling}~${q[i]!.spelling}: ${s.via} (${s.sim.toFixed(2)})`);
    }
    return product ** (1 / n);
  }
  // Different syllable counts: align monotonically, unmatched syllables count as 0.
  const w = m + 1;
  const dp = new Float64Array((n + 1) * w);
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++) {
      const s = slotScore(slotCandidates(p, i - 1, strictP), slotCandidates(q, j - 1, strictQ));
      dp[i * w + j] = Math.max(
        dp[(i - 1) * w + j]!,
        dp[i * w + j - 1]!,
        dp[(i - 1) * w + j - 1]! + s,
      );
    }
  parts?.push(`given names have ${n} vs ${m} syllables`);
  return dp[n * w + m]! / Math.max(n, m);
}

/**
 * Two readings compared in Hangul space. Without `explain` only the score and weakest part are
 * worked out (the explanation stays empty): most pairs of readings lose to another.
 */
function hangulScore(x: ParsedName, y: ParsedName, explain = true): HangulMatch {
  const explanation: string[] = [];
  // The side facing a Russian reading keeps its standard spellings only.
  const strict = y.reader && !x.reader ? "p" : x.reader && !y.reader ? "q" : undefined;
  let famSim: number;
  if (x.family && y.family) {
    if (x.familyCandidates.length === 0 || y.familyCandidates.length === 0)
      return { score: 0, explanation: [], weakest: 0 };
    const xs = strict === "p" ? standardOnly(x.familyCandidates) : x.familyCandidates;
    const ys = strict === "q" ? standardOnly(y.familyCandidates) : y.familyCandidates;
    if (explain) {
      const f = slotMatch(xs, ys);
      famSim = f.sim;
      explanation.push(`family ${x.family}~${y.family}: ${f.via} (${f.sim.toFixed(2)})`);
    } else famSim = slotScore(xs, ys);
  } else {
    // One side has no family name: it may be a given name alone; weak evidence either way.
    famSim = 0.5;
    if (explain) explanation.push("family name missing on one side");
  }
  let best = !x.given && !y.given ? famSim : 0;
  let bestP: readonly SyllableSlot[] | undefined;
  let bestQ: readonly SyllableSlot[] | undefined;
  for (let i = 0; i < x.givenParses.length && i < 4; i++)
    for (let j = 0; j < y.givenParses.length && j < 4; j++) {
      const sim = alignGiven(x.givenParses[i]!, y.givenParses[j]!, strict);
      if (sim > best) {
        best = sim;
        bestP = x.givenParses[i];
        bestQ = y.givenParses[j];
      }
    }
  // The winning readings again, written out this time.
  if (explain && bestP && bestQ) {
    const parts: string[] = [];
    alignGiven(bestP, bestQ, strict, parts);
    for (const s of parts) explanation.push(`given ${s}`);
  }
  return {
    score: FAMILY_WEIGHT * famSim + (1 - FAMILY_WEIGHT) * best,
    explanation,
    weakest: Math.min(famSim, best),
  };
}

/** Pinyin tokens (e.g. "JIN YONGZHE") against a Korean reading: does some Hanja reading fit? */
/**
 * A Latin name read as pinyin, family first and family last: the family syllables and every
 * combination of given-syllable readings (zhengen = zheng·en or zhen·gen), at most 8. Kept per
 * text: one query meets many candidates.
 */
const pinyinReadings = memoize((pinyinText: string): { famPy: string; given: string[][] }[] => {
  const tokens = pinyinText
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (tokens.length < 2) return [];
  const out: { famPy: string; given: string[][] }[] = [];
  // Chinese order is family first; "Yongzhe Jin" appears in western-ordered records too.
  for (const [fam, givenTokens] of [
    [tokens[0]!, tokens.slice(1)],
    [tokens[tokens.length - 1]!, tokens.slice(0, -1)],
  ] as const) {
    const famSyl = parsePinyin(fam);
    if (!famSyl || givenTokens.some((t) => !parsePinyin(t))) continue;
    let givenReadings: string[][] = [[]];
    for (const t of givenTokens) {
      const next: string[][] = [];
      for (const g of givenReadings) for (const r of parsePinyinAll(t)) next.push([...g, ...r]);
      givenReadings = next.slice(0, 8);
    }
    out.push({ famPy: famSyl.join(""), given: givenReadings });
  }
  return out;
}, 20_000);

function pinyinScore(pinyinText: string, y: ParsedName): NameMatch | undefined {
  let best: NameMatch | undefined;
  for (const { famPy, given: givenReadings } of pinyinReadings(pinyinText)) {
    for (const given of givenReadings) {
      const famFits = y.familyCandidates.filter((c) =>
        surnamePinyinCandidates(c.syllable).includes(famPy),
      );
      const famOk = famFits.length > 0;
      const loose = famOk && famFits.every((c) => c.variance >= PINYIN_FIT_VARIANCE);
      for (const q of y.givenParses.slice(0, 4)) {
        if (q.length !== given.length) continue;
        let hits = 0;
        let looseGiven = false;
        const parts: string[] = [];
        q.forEach((slot, i) => {
          const py = given[i]!;
          const top = slot.candidates.slice(0, 6);
          const fits = (c: SyllableCandidate) => hangulToPinyinCandidates(c.syllable).has(py);
          const fit =
            top.find((c) => c.variance < PINYIN_FIT_VARIANCE && fits(c)) ?? top.find(fits);
          if (fit) hits++;
          if (fit && fit.variance >= PINYIN_FIT_VARIANCE) looseGiven = true;
          parts.push(
            `${py}~${slot.spelling}: ${fit ? `${fit.syllable} has a Hanja read ${py}` : "no Hanja fits"}`,
          );
        });
        let score =
          PINYIN_CEILING *
          (FAMILY_WEIGHT * (famOk ? 1 : 0) + (1 - FAMILY_WEIGHT) * (hits / q.length));
        // One given syllable is one coincidence away: some Hanja of almost any Korean syllable
        // reads as a given pinyin syllable (근 → 近 jin), so YU, Jin is not Yu Geun on that alone.
        const oneSyllable = q.length < 2;
        const capped = (loose || looseGiven || oneSyllable) && score > PINYIN_LOOSE_CEILING;
        if (capped) score = PINYIN_LOOSE_CEILING;
        if (!best || score > best.score)
          best = {
            score,
            explanation: [
              `pinyin ${pinyinText} read as ${famPy} + ${given.join(" ")}`,
              `family ${famPy}~${y.family}: ${famOk ? "a surname Hanja fits" : "no surname Hanja fits"}`,
              ...parts.map((p) => `given ${p}`),
              ...(capped
                ? [
                    oneSyllable && !loose && !looseGiven
                      ? "a Hanja fits one given syllable only"
                      : "a Hanja fits only a loose spelling of the Korean reading",
                  ]
                : []),
            ],
          };
      }
    }
  }
  return best;
}

/**
 * A Han name against a Latin one whose family or given name fits only through a non-standard
 * spelling of its Korean reading (CHEN for 진, HE for 해) is capped below the match threshold:
 * Chinese names written in pinyin or Wade-Giles parse loosely as Korean, and a Chinese-character
 * name would otherwise match them through its Korean reading (秦 → 진 → CHEN).
 */
const HAN_LOOSE_READING_FIT = 0.85;
const HAN_LOOSE_READING_CEILING = 0.84;

/** Loose Latin key: no accents or separators, stops/affricates by place, doubled letters collapsed. */
export function looseKey(s: string): string {
  return normalizeRomanized(s)
    .replace(/ŏ/g, "o")
    .replace(/ŭ/g, "u")
    .replace(/[^a-z]/g, "")
    .replace(/(.)\1+/g, "$1")
    .replace(/eo/g, "o")
    .replace(/eu/g, "u")
    .replace(/ou/g, "u")
    .replace(/ee/g, "i")
    .replace(/([kptc])h/g, "$1")
    .replace(/sh/g, "s")
    .replace(/g/g, "k")
    .replace(/d/g, "t")
    .replace(/b/g, "p")
    .replace(/j|ch/g, "c")
    .replace(/r/g, "l")
    .replace(/(.)\1+/g, "$1");
}

/**
 * Edit distance with adjacent transpositions counted as one edit (optimal string alignment): a
 * swapped pair of letters (KMI for KIM) is the commonest typing slip and one edit, not two.
 */
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = b.length;
  const w = m + 1;
  // Three rows (two back, one back, this one) by their start in one lent array.
  const scratch = editRows();
  if (scratch.cells.length < 3 * w) scratch.cells = new Int32Array(3 * w);
  const cells = scratch.cells;
  let prev2 = 0;
  let prev = w;
  let cur = 2 * w;
  for (let j = 0; j <= m; j++) cells[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    cells[cur] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(
        cells[prev + j]! + 1,
        cells[cur + j - 1]! + 1,
        cells[prev + j - 1]! + (ai === bj ? 0 : 1),
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        d = Math.min(d, cells[prev2 + j - 2]! + 1);
      cells[cur + j] = d;
    }
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return cells[prev + m]!;
}

/** The rows `editDistance` works in, lent to each call in turn (a longer pair leaves longer ones). */
const editRows = lazy(() => ({ cells: new Int32Array(3 * 64) }));

/** Tokens run together, as written and with the last token moved first (an order swap). */
function joinedOrders(t: readonly string[]): [string, string] {
  const asWritten = t.join("");
  if (t.length <= 1) return [asWritten, asWritten];
  let moved = t[t.length - 1]!;
  for (let i = 0; i < t.length - 1; i++) moved += t[i]!;
  return [asWritten, moved];
}

function latinScore(ta: readonly string[], tb: readonly string[]): NameMatch {
  let best = 0;
  // Compare in the given order and with the last token moved first (order swaps); token by
  // token: doubled letters collapse within a token, never across two (KIM MYONG must not read as
  // KIM YONG).
  const xa = joinedOrders(ta);
  const xb = joinedOrders(tb);
  for (let i = 0; i < 2; i++)
    for (let j = 0; j < 2; j++) {
      const ka = xa[i]!;
      const kb = xb[j]!;
      if (!ka || !kb) continue;
      const r = 1 - editDistance(ka, kb) / Math.max(ka.length, kb.length);
      if (r > best) best = r;
    }
  return {
    score: LATIN_CEILING * best,
    explanation: [`latin loose keys ${(best * 100).toFixed(0)}% similar`],
  };
}

/** A Latin name read as Cyrillic transliterated (parse-name.ts), not as a romanization. */
function isRussianReading(p: ParsedName): boolean {
  return p.script === "latin" && p.reader === "cyrillic";
}

/** Whether two names' letters, in order or with the last word moved first, are one edit apart. */
function oneSlipApart(a: string, b: string): boolean {
  const words = (s: string) =>
    s
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter(Boolean);
  const orders = (t: string[]) => [t.join(""), [...t.slice(-1), ...t.slice(0, -1)].join("")];
  const wa = words(a);
  const wb = words(b);
  return orders(wa).some((x) => orders(wb).some((y) => editDistance(x, y) <= 1));
}

/** The loose key of each token (see latinScore). */
function looseTokens(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(looseKey);
}

function fullText(n: NameInput): string {
  if (n.full !== undefined && n.family === undefined && n.given === undefined) return n.full;
  return `${n.family ?? ""} ${n.given ?? ""}`.trim();
}

function hanIdentity(a: string, b: string): boolean {
  const norm = (s: string) =>
    Array.from(s.replace(/[\s·・,-]/g, ""))
      .map((c) => toTraditional(c)[0]!)
      .join("");
  return norm(a) === norm(b);
}

/** Similarity of two personal names in [0, 1], with the forms that matched. Symmetric up to explanation order. */
export function compareNames(a: NameInput, b: NameInput): NameMatch {
  return compareParsedNames(prepareName(a), prepareName(b));
}

/** A name parsed once for many comparisons (a screening query against its candidates). */
export interface PreparedName {
  text: string;
  parses: readonly ParsedName[];
  /** Loose keys of the tokens, for the Latin fallback. */
  loose: readonly string[];
}

export function prepareName(n: NameInput): PreparedName {
  const text = fullText(n);
  return { text, parses: parseName(n).slice(0, 3), loose: looseTokens(text) };
}

/** `compareNames` of names parsed beforehand by `prepareName`. */
export function compareParsedNames(a: PreparedName, b: PreparedName): NameMatch {
  const textA = a.text;
  const textB = b.text;
  const pa = a.parses;
  const pb = b.parses;
  const scriptA = pa[0]!.script;
  const scriptB = pb[0]!.script;
  if (scriptA === "han" && scriptB === "han" && hanIdentity(textA, textB))
    return { score: 1, explanation: ["same Han characters (after simplified → traditional)"] };

  const hanLatin =
    (scriptA === "han" && scriptB === "latin") || (scriptA === "latin" && scriptB === "han");
  // A Latin name that is entirely pinyin (CHEN Dong, ZHANG Jian) is a Chinese name: a Han name
  // matches it by its own pinyin (directPinyin below), never through a Korean reading.
  const latinIsPinyin = hanLatin && isPinyinName(scriptA === "latin" ? textA : textB);
  // Two different pinyin names are both Chinese: their letters say which (YANG Shu is not YANG Qi because
  // some Hanja of 서 reads qi, nor LI Li LI Yi because 리 and 이 are one surname), so a Korean
  // reading alone keeps them below the threshold.
  const bothPinyin =
    scriptA === "latin" &&
    scriptB === "latin" &&
    !sameTokenSet(a.loose, b.loose) &&
    isPinyinName(textA) &&
    isPinyinName(textB);
  let best: NameMatch = { score: 0, explanation: [] };
  const consider = (m: NameMatch | undefined) => {
    if (m && m.score > best.score) best = m;
  };
  // Every pair of readings by its score; the best pair again with its explanation written out.
  const pair: ReadingPair = { scriptA, scriptB, hanLatin, latinIsPinyin, bothPinyin };
  let bi = -1;
  let bj = -1;
  for (let i = 0; i < pa.length; i++)
    for (let j = 0; j < pb.length; j++) {
      const m = readingPairScore(pa[i]!, pb[j]!, i, j, pair, false);
      if (m && m.score > best.score) {
        best = m;
        bi = i;
        bj = j;
      }
    }
  if (bi >= 0) best = readingPairScore(pa[bi]!, pb[bj]!, bi, bj, pair, true)!;
  // Same Hangul reading, different Hanja on both sides: the same Korean name (Pak Pong-ju is on
  // record as 朴奉珠 and 朴鳳柱, https://de.wikipedia.org/wiki/Pak_Pong-ju) or a homonym (金正恩 /
  // actress 金諪恩). A writer who knows only the Hangul may pick other characters with the same
  // reading, so names compare at the reading level; the small discount only lets an exact Hanja
  // match rank first.
  if (scriptA === "han" && scriptB === "han" && best.score > HOMOPHONE_HANJA_SCORE) {
    best = {
      score: HOMOPHONE_HANJA_SCORE,
      explanation: [...best.explanation, "same reading, different Han characters"],
    };
  }
  // Pinyin against the Hanja that a Korean reading allows — never for a Han name, whose own
  // characters say what its pinyin is (帅 赵 must not reach SU through 수 and another 수 Hanja).
  // Nor for a Russian reading: Cyrillic already loses the vowels and finals a Hanja would need.
  // Nor between two different pinyin names (see bothPinyin).
  if (scriptA === "latin" && scriptB !== "han" && !bothPinyin)
    for (const y of pb.slice(0, 2)) if (!y.reader) consider(pinyinScore(textA, y));
  if (scriptB === "latin" && scriptA !== "han" && !bothPinyin)
    for (const x of pa.slice(0, 2)) if (!x.reader) consider(pinyinScore(textB, x));
  if (scriptA === "han" && scriptB === "latin") consider(directPinyin(textA, textB));
  if (scriptB === "han" && scriptA === "latin") consider(directPinyin(textB, textA));
  if (scriptA === "latin" && scriptB === "latin") {
    // When both names read cleanly as Korean with the same number of syllables, the Hangul
    // comparison has already judged every syllable: letter similarity may not overrule it
    // (RI MYONG CHUL vs RI PYONG CHUL differ by one letter but are different names). With another
    // number of syllables it may only when the letters are one slip apart (HWAAN for HWAN): Go-eun
    // and KUN share a loose key, yet one is two syllables and the other one.
    const clean = (p: ParsedName) => p.familyCandidates.length > 0 && p.givenParses.length > 0;
    const latin = latinScore(a.loose, b.loose);
    const sameShape =
      latin.score > LATIN_CEILING_WHEN_PARSED - 0.05 &&
      (pa.some((x) =>
        pb.some(
          (y) => clean(x) && clean(y) && x.givenParses[0]!.length === y.givenParses[0]!.length,
        ),
      ) ||
        (pa.some(clean) && pb.some(clean) && !oneSlipApart(textA, textB)));
    // Capped, but in order: of two names both over the cap, the closer spelling stays ahead
    // (a typo inside one syllable: KIM SAK CHOL is nearer KIM SOK CHOL than KIM SONG CHOL).
    if (sameShape && latin.score > LATIN_CEILING_WHEN_PARSED - 0.05)
      latin.score =
        LATIN_CEILING_WHEN_PARSED -
        0.05 * ((LATIN_CEILING - latin.score) / (LATIN_CEILING - LATIN_CEILING_WHEN_PARSED + 0.05));
    consider(latin);
  }
  best.score = Math.max(0, Math.min(1, Number(best.score.toFixed(4))));
  return best;
}

/** What `readingPairScore` needs to know of the two names as a whole. */
interface ReadingPair {
  scriptA: ParsedName["script"];
  scriptB: ParsedName["script"];
  hanLatin: boolean;
  latinIsPinyin: boolean;
  bothPinyin: boolean;
}

/**
 * Reading `i` of one name against reading `j` of the other in Hangul space, with the caps a Han
 * name against a Latin one and two pinyin names take, and the cost of a reading other than the
 * first; undefined when the pair is not compared. The explanation only with `explain`.
 */
function readingPairScore(
  x: ParsedName,
  y: ParsedName,
  i: number,
  j: number,
  c: ReadingPair,
  explain: boolean,
): NameMatch | undefined {
  // A Latin name read through Russian Cyrillic is a Korean name the Russian press wrote; a
  // Han name meets it only through its own Latin letters (YAN, Yen is not 杨英 through ян ен).
  if ((c.scriptA === "han" && isRussianReading(y)) || (c.scriptB === "han" && isRussianReading(x)))
    return undefined;
  const m = hangulScore(x, y, explain);
  // Written to the explanation only when it is written out.
  const notes = explain ? m.explanation : [];
  if (c.hanLatin && m.score > HAN_LOOSE_READING_CEILING) {
    if (c.latinIsPinyin) {
      m.score = HAN_LOOSE_READING_CEILING;
      notes.push("the Latin name is pinyin of other characters, not a Korean reading");
    } else if (m.weakest < HAN_LOOSE_READING_FIT) {
      m.score = HAN_LOOSE_READING_CEILING;
      notes.push("a Korean reading of the Han name fits only a loose spelling");
    }
  }
  if (c.bothPinyin && m.score > HAN_LOOSE_READING_CEILING) {
    m.score = HAN_LOOSE_READING_CEILING;
    notes.push("both names are pinyin: a Korean reading alone does not match them");
  }
  m.score -= ALTERNATIVE_READING_COST * ((i > 0 ? 1 : 0) + (j > 0 ? 1 : 0));
  if (explain && (i > 0 || j > 0)) m.explanation.unshift(`read as ${x.order}/${y.order}`);
  return m;
}

/** The same tokens in any order (ZHANG Wei, Wei Zhang). */
function sameTokenSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((t, i) => t === y[i]);
}

/** Whether every token of a Latin name is pinyin; kept per name (list names meet many queries). */
const isPinyinName = memoize((text: string): boolean => {
  const tokens = text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  return tokens.length > 0 && tokens.every((t) => parsePinyinAll(t).length > 0);
}, 50_000);

/** A Han name's own pinyin against a Latin name, in either order on both sides ("帅 赵" = ZHAO Shuai). */
function directPinyin(han: string, latin: string): NameMatch | undefined {
  const parts = han
    .trim()
    .split(/[\s·・,]+/)
    .filter(Boolean);
  const forms = new Set([parts.join("")]);
  if (parts.length === 2) forms.add(parts[1]! + parts[0]!);
  const tokens = latin
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  const latins = new Set([tokens.join("")]);
  if (tokens.length > 1) {
    latins.add([...tokens.slice(1), tokens[0]!].join(""));
    latins.add([tokens[tokens.length - 1]!, ...tokens.slice(0, -1)].join(""));
  }
  for (const f of forms) {
    const py = hanToPinyin(f);
    if (py && latins.has(py.replace(/\s+/g, "")))
      return { score: 0.97, explanation: [`pinyin of ${f} is ${py}`] };
  }
  return undefined;
}
