/**
 * String and token similarity for names that are not Korean: an edit-distance "cliff" per token
 * (exact, or a small typo budget, else nothing — after rigour's compare_parts design, see
 * docs/screening.md) and an order-free token alignment. Also the plain token Jaro-Winkler that
 * the evaluation reports as a baseline.
 */

import { lazy } from "../lazy.js";

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), or `bound + 1` as
 * soon as it is certain to exceed `bound`. `rows` may lend the three DP rows (3·(|b|+1) cells),
 * so a caller comparing many pairs allocates nothing.
 */
export function boundedEditDistance(
  a: string,
  b: string,
  bound: number,
  rows?: Int32Array,
): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > bound) return bound + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  const w = m + 1;
  const cells = rows && rows.length >= 3 * w ? rows : new Int32Array(3 * w);
  // The three rows by their start in `cells` (no views to allocate): two back, one back, this.
  let prev2 = 0;
  let prev = w;
  let cur = 2 * w;
  cells.fill(0, 0, w);
  for (let j = 0; j <= m; j++) cells[prev + j] = j;
  for (let i = 1; i <= n; i++) {
    cells[cur] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = cells[prev + j - 1]! + (ai === bj ? 0 : 1);
      const del = cells[prev + j]! + 1;
      if (del < v) v = del;
      const ins = cells[cur + j - 1]! + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        const tr = cells[prev2 + j - 2]! + 1;
        if (tr < v) v = tr;
      }
      cells[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > bound) return bound + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return cells[prev + m]!;
}

/**
 * Similarity of two folded tokens: 1 if equal; for tokens of 4+ letters, 1 − d/len while the edit
 * distance d stays within a length-dependent budget (1 up to 5 letters, 2 up to 9, else 3), and 0
 * beyond it. Short tokens get no budget: "Li"/"Lu" and "Ali"/"Ari" are different names.
 */
export function tokenSimilarity(a: string, b: string, rows?: Int32Array): number {
  if (a === b) return 1;
  // An initial stands for a word with that first letter (A. Khamenei, V. Putin), never for a
  // vowel-less reading from an abjad (its first letter may follow a vowel left unwritten).
  if (a.length === 1 || b.length === 1) {
    const word = a.length === 1 ? b : a;
    return word.length > 1 &&
      a.charCodeAt(0) === b.charCodeAt(0) &&
      /^[a-z]+$/.test(word) &&
      !isVowelPoor(word)
      ? INITIAL_SCORE
      : 0;
  }
  if (shortBankNames(a, b)) return 0;
  if (isVowelPoor(a) !== isVowelPoor(b)) {
    const sk = skeletonSimilarity(a, b);
    if (sk > 0) return sk;
  }
  const len = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < 4) return 0;
  const budget = editBudget(len);
  let d = budget + 1;
  if (Math.abs(a.length - b.length) <= budget) d = boundedEditDistance(a, b, budget, rows);
  // Letters that transliteration systems write two ways count as one (Aleksandr / Alexander,
  // Josef / Joseph): the distance is taken again on the folded forms.
  if (d > budget && (hasFoldable(a) || hasFoldable(b))) {
    const fa = foldSpelling(a);
    const fb = foldSpelling(b);
    if (Math.abs(fa.length - fb.length) <= budget) d = boundedEditDistance(fa, fb, budget, rows);
  }
  if (d > budget) return 0;
  // A different first letter in a short name is usually another name (Ivan/Evan, Hasmet/Hasret
  // keep theirs; Lara/Sara do not).
  const firstDiffers = a.charCodeAt(0) !== b.charCodeAt(0) && len <= 5;
  return (1 - d / len) * (firstDiffers ? 0.8 : 1);
}

/**
 * Two banks' short names glued to "bank" (mBank, MBBANK, VPBank): the letters before it are the
 * name, so two different ones are two banks however alike the glued words look (mbank ~ mbbank).
 */
const SHORT_BANK = /^[a-z]{1,3}bank$/;

function shortBankNames(a: string, b: string): boolean {
  return a.endsWith("bank") && b.endsWith("bank") && (SHORT_BANK.test(a) || SHORT_BANK.test(b));
}

/** Edits a token of this many letters may carry and still count as the same word. */
function editBudget(len: number): number {
  return len <= 5 ? 1 : len <= 9 ? 2 : 3;
}

function hasFoldable(t: string): boolean {
  return t.includes("x") || t.includes("ph");
}

/** An initial agrees with a word, but says little of it. */
const INITIAL_SCORE = 0.7;

/** x = ks, ph = f: one sound, two spellings across transliteration systems. */
function foldSpelling(t: string): string {
  return t.replace(/x/g, "ks").replace(/ph/g, "f");
}

/** Consonants alone leave the vowels open (Hamidi and Ahmadi are both hmd): evidence, not proof. */
const SKELETON_SCORE = 0.85;

/** Consonants only, w and y (Arabic and Hebrew matres lectionis) dropped, doubles collapsed. */
export function skeleton(t: string): string {
  return t.replace(/[aeiouwy]/g, "").replace(/(.)\1+/g, "$1");
}

/**
 * Only a token with at most one vowel in six letters counts as vowel-less: what an abjad
 * (Arabic, Hebrew) or an abugida (Thai) leaves after transliteration (محمد → mhmd, משה → msh).
 */
function isVowelPoor(t: string): boolean {
  let vowels = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    // a e i o u
    if (c === 97 || c === 101 || c === 105 || c === 111 || c === 117) vowels++;
  }
  return vowels * 6 <= t.length;
}

/**
 * A vowel-less token matches a Latin name with the same consonants (Mohamed, Moshe) of three or
 * more; called only when exactly one of the two tokens is vowel-less.
 */
function skeletonSimilarity(a: string, b: string): number {
  // Two consonants say too little (sd is Saad, Sayed, Asad and Sadiq alike).
  if (a.length < 3 || b.length < 3 || firstConsonant(a) !== firstConsonant(b)) return 0;
  const sa = skeleton(a);
  return sa.length >= 3 && sa === skeleton(b) ? SKELETON_SCORE : 0;
}

/** The first letter a skeleton keeps (a cheap test before building two skeletons). */
function firstConsonant(t: string): number {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    // a e i o u w y
    if (c !== 97 && c !== 101 && c !== 105 && c !== 111 && c !== 117 && c !== 119 && c !== 121)
      return c;
  }
  return -1;
}

/** Token weight in an alignment: longer tokens say more; a one-letter initial says little. */
export function tokenWeight(t: string): number {
  return Math.min(t.length, 8);
}

/**
 * East Slavic patronymics (Vladimirovich, Viktorovna, Oleksandrovych) and Turkic ones (oglu,
 * kyzy): written in full on lists and left out in everyday use (Vladimir Putin for PUTIN,
 * Vladimir Vladimirovich), so present or missing they say little about the name.
 */
const PATRONYMIC =
  /^[a-z]{3,}(?:ovich|evich|ovych|ievych|ovna|evna|ivna|ogly|oglu|ugli|kyzy|qizi)$/;

/** Whether a token is a patronymic. */
export const isPatronymic = (t: string): boolean => PATRONYMIC.test(t);

/** A patronymic as light as an initial; every other token by `tokenWeight`. */
const patronymicLightWeight: TokenWeigher = (t) => (PATRONYMIC.test(t) ? 1 : tokenWeight(t));

/** Whether a person name has a patronymic among its tokens. */
export function hasPatronymic(tokens: readonly string[]): boolean {
  return tokens.some(isPatronymic);
}

/**
 * Token weights for two person names, by whether each has a patronymic (`hasPatronymic`):
 * `tokenWeight`, with patronymics as light as an initial when only one side has one. Two
 * different patronymics keep their weight: another father's name is another person (Sergey
 * Ivanovich / Sergey Viktorovich LAVROV). One of two fixed functions, so callers may cache by it.
 */
export function personTokenWeigher(queryHas: boolean, candidateHas: boolean): TokenWeigher {
  return queryHas === candidateHas ? tokenWeight : patronymicLightWeight;
}

export interface Alignment {
  score: number;
  pairs: [string, string, number][];
  unmatchedQuery: string[];
  unmatchedCandidate: string[];
}

/** Unmatched candidate tokens cost half: list names carry extra parts (patronymics, clan names). */
const UNMATCHED_CANDIDATE_WEIGHT = 0.5;

/** Tokens with their weights; a glued token weighs what its parts weighed. */
export interface WeightedTokens {
  tokens: string[];
  weights: number[];
}

export type TokenWeigher = (token: string) => number;

export function weighted(
  tokens: readonly string[],
  weigh: TokenWeigher = tokenWeight,
): WeightedTokens {
  return { tokens: tokens.slice(), weights: tokens.map(weigh) };
}

/** Similarity of two folded tokens; `tokenSimilarity` or a per-query memo of it. */
export type TokenSimilarity = (a: string, b: string) => number;

/**
 * `tokenSimilarity` remembered for one query: a query meets the same list tokens (academy,
 * trading, kim) in many candidate names, and each comparison runs an edit distance. Create one per
 * query (a cache kept across queries grows into the old generation and lengthens collections
 * more than it saves); it forgets everything once it holds `limit` pairs.
 */
export function memoTokenSimilarity(limit = 300_000): TokenSimilarity {
  let memo = new Map<string, Map<string, number>>();
  let size = 0;
  // Edit-distance rows lent to every comparison (tokens are short; longer ones allocate).
  const rows = new Int32Array(3 * 65);
  return (a, b) => {
    if (a === b) return 1;
    let row = memo.get(a);
    if (!row) {
      if (size >= limit) {
        memo = new Map();
        size = 0;
      }
      row = new Map();
      memo.set(a, row);
    }
    let s = row.get(b);
    if (s === undefined) {
      s = tokenSimilarity(a, b, rows);
      row.set(b, s);
      size++;
    }
    return s;
  };
}

export interface AlignOptions {
  weigh?: TokenWeigher;
  /** Token similarity (default `tokenSimilarity`). */
  similarity?: TokenSimilarity;
  /** Weight of unmatched candidate tokens relative to matched ones (default ½). */
  unmatchedCandidateWeight?: number;
  /**
   * Either side prepared by `glueSide` with the same tokens and weigher, when it meets many
   * others (one query, many list names; one list name, many queries).
   */
  querySide?: GlueSide;
  candidateSide?: GlueSide;
}

/**
 * Similarities of one alignment's tokens, each computed once: rows are the query side's tokens
 * (its base tokens, then its glued ones), columns the candidate side's. Every pair of glued
 * variants reads the same cells, so a token pair met in many variant pairs is compared once; a
 * pair `mayPair` rules out is 0 without a call. One instance serves every alignment (`reset`
 * before each; alignments run one at a time), so scoring a candidate allocates no table.
 */
class SimilarityCells {
  private cells = new Float64Array(256);
  private stride = 0;
  private q!: GlueSide;
  private c!: GlueSide;
  private similarity!: TokenSimilarity;

  reset(q: GlueSide, c: GlueSide, similarity: TokenSimilarity): void {
    this.q = q;
    this.c = c;
    this.similarity = similarity;
    this.stride = c.tokens.length;
    const size = q.tokens.length * c.tokens.length;
    if (this.cells.length < size) this.cells = new Float64Array(2 * size);
    this.cells.fill(-1, 0, size);
  }

  at(qi: number, ci: number): number {
    const k = qi * this.stride + ci;
    let s = this.cells[k]!;
    if (s < 0) {
      s = mayPair(this.q, qi, this.c, ci, true)
        ? this.similarity(this.q.tokens[qi]!, this.c.tokens[ci]!)
        : 0;
      this.cells[k] = s;
    }
    return s;
  }
}

/** What an alignment works in, lent to each in turn: kept across alignments, never shared by two at once. */
interface AlignScratch {
  cells: SimilarityCells;
  /** Tokens taken so far in one greedy pass, by place in the variant (1: taken). */
  usedQ: Uint8Array;
  usedC: Uint8Array;
  /**
   * The greedy pass's picks, flattened (query index, candidate index, similarity), and how many
   * values it holds; the best pass's so far. Counted, not truncated: a V8 array set to length 0
   * lets its storage go.
   */
  picks: Float64Array;
  pickCount: number;
  bestPicks: Float64Array;
  /** The glued variants of either side met in this alignment (`gluedVariants` says how many). */
  xs: VariantIds[];
  ys: VariantIds[];
  /** Per base token, the best similarity ceiling (`alignmentCeiling`). */
  bestQ: Float64Array;
  bestC: Float64Array;
}

const alignScratch = lazy(
  (): AlignScratch => ({
    cells: new SimilarityCells(),
    usedQ: new Uint8Array(64),
    usedC: new Uint8Array(64),
    picks: new Float64Array(96),
    pickCount: 0,
    bestPicks: new Float64Array(96),
    xs: [],
    ys: [],
    bestQ: new Float64Array(64),
    bestC: new Float64Array(64),
  }),
);

/** `a` when it holds `n` values, else a new array twice as long. */
function bytesFor(a: Uint8Array, n: number): Uint8Array {
  return a.length >= n ? a : new Uint8Array(2 * n);
}

function floatsFor(a: Float64Array, n: number): Float64Array {
  return a.length >= n ? a : new Float64Array(2 * n);
}

/** The letters of a token as bits (char code mod 32: two letters may share a bit, never split one). */
function letterBits(t: string): number {
  let m = 0;
  for (let i = 0; i < t.length; i++) m |= 1 << (t.charCodeAt(i) & 31);
  return m;
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** A glued variant by the ids of its tokens in a side's token table (base tokens, then glued). */
interface VariantIds {
  variant: WeightedTokens;
  ids: readonly number[];
}

/**
 * The greedy alignment: the most similar unused pair first (ties: lower query index, then lower
 * candidate index), until no similar pair is left. `picks` receives the chosen triples flattened;
 * `usedQ` and `usedC` are scratch rows at least as long as the two variants.
 */
function greedyScore(
  x: VariantIds,
  y: VariantIds,
  unmatchedWeight: number,
  cells: SimilarityCells,
  scratch: AlignScratch,
): number {
  const xi = x.ids;
  const yi = y.ids;
  const qWeights = x.variant.weights;
  const cWeights = y.variant.weights;
  const n = xi.length;
  const m = yi.length;
  scratch.usedQ = bytesFor(scratch.usedQ, n);
  scratch.usedC = bytesFor(scratch.usedC, m);
  scratch.picks = floatsFor(scratch.picks, 3 * Math.min(n, m));
  const usedQ = scratch.usedQ;
  const usedC = scratch.usedC;
  const picks = scratch.picks;
  usedQ.fill(0, 0, n);
  usedC.fill(0, 0, m);
  let count = 0;
  let num = 0;
  let matchedC = 0;
  for (;;) {
    let bi = -1;
    let bj = -1;
    let bs = 0;
    for (let i = 0; i < n; i++) {
      if (usedQ[i]) continue;
      for (let j = 0; j < m; j++)
        if (!usedC[j]) {
          const s = cells.at(xi[i]!, yi[j]!);
          if (s > bs) {
            bs = s;
            bi = i;
            bj = j;
          }
        }
    }
    if (bi < 0) break;
    usedQ[bi] = 1;
    usedC[bj] = 1;
    picks[count++] = bi;
    picks[count++] = bj;
    picks[count++] = bs;
    const wc = cWeights[bj]!;
    num += bs * (qWeights[bi]! + wc);
    matchedC += wc;
  }
  const totalQ = sumOf(qWeights);
  const totalC = sumOf(cWeights);
  scratch.pickCount = count;
  const den = totalQ + matchedC + unmatchedWeight * (totalC - matchedC);
  return den > 0 ? num / den : 0;
}

/**
 * The best greedy alignment of two variants: its score, and its picks (flattened query index,
 * candidate index, similarity, in the order chosen) written out as pairs only when asked.
 */
class GreedyAlignment implements ScoredAlignment {
  readonly wordPaired: boolean;
  constructor(
    readonly score: number,
    private readonly q: WeightedTokens,
    private readonly c: WeightedTokens,
    private readonly picks: readonly number[],
  ) {
    let paired = false;
    for (let k = 0; k < picks.length; k += 3)
      if (q.tokens[picks[k]!]!.length > 1 && c.tokens[picks[k + 1]!]!.length > 1) paired = true;
    this.wordPaired = paired;
  }

  explain(): Alignment {
    const q = this.q.tokens;
    const c = this.c.tokens;
    const usedQ = new Set<number>();
    const usedC = new Set<number>();
    const pairs: [string, string, number][] = [];
    for (let k = 0; k < this.picks.length; k += 3) {
      const i = this.picks[k]!;
      const j = this.picks[k + 1]!;
      usedQ.add(i);
      usedC.add(j);
      pairs.push([q[i]!, c[j]!, this.picks[k + 2]!]);
    }
    return {
      score: this.score,
      pairs,
      unmatchedQuery: q.filter((_, i) => !usedQ.has(i)),
      unmatchedCandidate: c.filter((_, j) => !usedC.has(j)),
    };
  }
}

/**
 * One side of an alignment, prepared once: the tokens with their weights, and every gluing that
 * `gluedVariants` may add (each pair of neighbours, and the whole name of three or four tokens).
 * `tokens` lists the base tokens then the glued ones; each variant names its tokens by their
 * place there.
 */
export interface GlueSide {
  base: WeightedTokens;
  /** `base` with its token ids, as the first variant. */
  baseVariant: VariantIds;
  /** Glued pairs in order, each with its variant; then the whole name run together, if any. */
  glued: { token: string; variant: WeightedTokens; ids: number[] }[];
  tokens: string[];
  baseIds: number[];
  /** Of each of `tokens`: vowel-poor, has x or ph, its letters as bits (see `mayPair`). */
  vowelPoor: boolean[];
  foldable: boolean[];
  letters: number[];
}

/** `xs` with items `i` and `i + 1` replaced by `x`. */
function pairJoined<T>(xs: readonly T[], i: number, x: T): T[] {
  const out = new Array<T>(xs.length - 1);
  for (let k = 0; k < i; k++) out[k] = xs[k]!;
  out[i] = x;
  for (let k = i + 2; k < xs.length; k++) out[k - 1] = xs[k]!;
  return out;
}

export function glueSide(tokens: readonly string[], weigh: TokenWeigher = tokenWeight): GlueSide {
  const base = weighted(tokens, weigh);
  const n = tokens.length;
  const baseIds = tokens.map((_, i) => i);
  const glued: GlueSide["glued"] = [];
  for (let i = 0; i + 1 < n; i++) {
    const token = tokens[i]! + tokens[i + 1]!;
    glued.push({
      token,
      variant: {
        tokens: pairJoined(tokens, i, token),
        weights: pairJoined(base.weights, i, base.weights[i]! + base.weights[i + 1]!),
      },
      ids: pairJoined(baseIds, i, n + glued.length),
    });
  }
  // The whole name run together (CHON MA SAN ↔ CHONMASAN).
  if (n >= 3 && n <= 4) {
    const all = tokens.join("");
    glued.push({
      token: all,
      variant: { tokens: [all], weights: [base.weights.reduce((a, b) => a + b, 0)] },
      ids: [n + glued.length],
    });
  }
  const all = [...tokens, ...glued.map((g) => g.token)];
  return {
    base,
    baseVariant: { variant: base, ids: baseIds },
    glued,
    tokens: all,
    baseIds,
    vowelPoor: all.map(isVowelPoor),
    foldable: all.map(hasFoldable),
    letters: all.map(letterBits),
  };
}

/**
 * The tokenisation plus, for each pair of neighbours whose concatenation resembles a token of
 * the other side, that pair glued (JONG UN ↔ JONGUN, AL QAIDA ↔ ALQAIDA); at most three pairs,
 * then the whole name run together when it resembles one: glued token `g` of this side resembles
 * base token `j` of the other when it may and does score above 0 with it (`cells`, whose rows
 * are the query side's tokens). Written into `out`; returns how many.
 */
function gluedVariants(
  side: GlueSide,
  other: GlueSide,
  cells: SimilarityCells,
  sideIsQuery: boolean,
  out: VariantIds[],
): number {
  let count = 0;
  out[count++] = side.baseVariant;
  const n = side.base.tokens.length;
  const m = other.base.tokens.length;
  const pairs = n - 1;
  for (let i = 0; i < side.glued.length; i++) {
    const isPair = i < pairs;
    if (isPair && count >= 4) continue;
    for (let j = 0; j < m; j++)
      if (
        mayPair(side, n + i, other, j, false) &&
        (sideIsQuery ? cells.at(n + i, j) : cells.at(j, n + i)) > 0
      ) {
        out[count++] = side.glued[i]!;
        break;
      }
  }
  return count;
}

/**
 * Whether token `a` of side `x` is worth comparing with token `b` of side `y`.
 * Without `letters` (a glued token against the other side's tokens): lengths within three letters,
 * or one side vowel-less (a consonant skeleton, or a consonant initial, may meet it) — and then
 * only what `tokenSimilarity` can score above 0: an initial with the same first letter; other
 * tokens of four letters or more with lengths within the edit budget (unless x/ph folding may
 * change a length).
 * With `letters`: false only where `tokenSimilarity` is certain to be 0 — both of two letters or
 * more, equally vowel-poor, and either one under four letters, or (no x/ph folding in either) an
 * edit distance over the budget by the lengths, or by the letters one has and the other lacks
 * (each edit removes at most one of them from each side).
 */
function mayPair(x: GlueSide, a: number, y: GlueSide, b: number, letters: boolean): boolean {
  const ta = x.tokens[a]!;
  const tb = y.tokens[b]!;
  if (ta === tb) return true;
  const la = ta.length;
  const lb = tb.length;
  const vowelPoorDiffers = x.vowelPoor[a] !== y.vowelPoor[b];
  if (la === 1 || lb === 1)
    return (
      letters ||
      (ta.charCodeAt(0) === tb.charCodeAt(0) && (vowelPoorDiffers || Math.abs(la - lb) <= 3))
    );
  if (vowelPoorDiffers) return true;
  if (la < 4 || lb < 4) return false;
  if (x.foldable[a] || y.foldable[b]) return true;
  const budget = editBudget(Math.max(la, lb));
  if (Math.abs(la - lb) > budget) return false;
  if (!letters) return true;
  const ma = x.letters[a]!;
  const mb = y.letters[b]!;
  return bitCount(ma & ~mb) <= budget && bitCount(mb & ~ma) <= budget;
}

/**
 * A ceiling on `scoreAlignment`'s score for two prepared sides, computed without any similarity:
 * each pair of tokens (base or glued) gets a ceiling on its similarity (`similarityCeiling`), and
 * each base token the best ceiling of the tokens holding it. A matched pair adds s·(its weights),
 * which is at most the sum of its base tokens' weights times their ceilings; so the score
 * num / (Wq + u·Wc + (1 − u)·matchedC) is at most (UQ + UC) / (Wq + u·Wc) for u ≤ 1, UQ and UC
 * the weights of each side's base tokens times their ceilings.
 */
export function alignmentCeiling(qs: GlueSide, cs: GlueSide, unmatchedWeight: number): number {
  const n = qs.base.tokens.length;
  const m = cs.base.tokens.length;
  const scratch = alignScratch();
  scratch.bestQ = floatsFor(scratch.bestQ, n);
  scratch.bestC = floatsFor(scratch.bestC, m);
  const bestQ = scratch.bestQ;
  const bestC = scratch.bestC;
  bestQ.fill(0, 0, n);
  bestC.fill(0, 0, m);
  for (let a = 0; a < qs.tokens.length; a++)
    for (let b = 0; b < cs.tokens.length; b++) {
      const u = similarityCeiling(qs, a, cs, b);
      if (u > 0) {
        raiseCovered(bestQ, a, n, u);
        raiseCovered(bestC, b, m, u);
      }
    }
  const wq = sumOf(qs.base.weights);
  const wc = sumOf(cs.base.weights);
  const den = wq + unmatchedWeight * wc;
  return den > 0 ? (dotOf(qs.base.weights, bestQ) + dotOf(cs.base.weights, bestC)) / den : 0;
}

function sumOf(weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i]!;
  return sum;
}

/** Σ weights[i] · ceilings[i] over the weights, in order. */
function dotOf(weights: readonly number[], ceilings: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i]! * ceilings[i]!;
  return sum;
}

/**
 * At least `tokenSimilarity` of token `qi` of one side and `ci` of the other: 1 for equal tokens
 * or where x/ph folding may make them equal, the initial's score for a one-letter token, at least
 * the skeleton score when one is vowel-poor, and otherwise 1 − d/len for the least edit distance d
 * the lengths and the letters allow (at least 1: the tokens differ), 0 beyond the budget.
 */
function similarityCeiling(q: GlueSide, qi: number, c: GlueSide, ci: number): number {
  const a = q.tokens[qi]!;
  const b = c.tokens[ci]!;
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 1 || lb === 1) return INITIAL_SCORE;
  if (q.foldable[qi] || c.foldable[ci]) return 1;
  const skeletonCeiling = q.vowelPoor[qi] !== c.vowelPoor[ci] ? SKELETON_SCORE : 0;
  if (la < 4 || lb < 4) return skeletonCeiling;
  const len = Math.max(la, lb);
  const ma = q.letters[qi]!;
  const mb = c.letters[ci]!;
  const d = Math.max(1, Math.abs(la - lb), bitCount(ma & ~mb), bitCount(mb & ~ma));
  return Math.max(skeletonCeiling, d > editBudget(len) ? 0 : 1 - d / len);
}

/** Raises the ceilings of the base tokens that token `t` of a side's table holds (`glueSide`: pairs, then the whole). */
function raiseCovered(best: Float64Array, t: number, n: number, u: number): void {
  if (t < n) best[t] = Math.max(best[t]!, u);
  else if (t - n < n - 1) {
    best[t - n] = Math.max(best[t - n]!, u);
    best[t - n + 1] = Math.max(best[t - n + 1]!, u);
  } else for (let i = 0; i < n; i++) best[i] = Math.max(best[i]!, u);
}

/** Best alignment over glued variants of both sides. */
export function alignNames(
  q: readonly string[],
  c: readonly string[],
  options: AlignOptions = {},
): Alignment {
  return scoreAlignment(q, c, options).explain();
}

/** An alignment's score, with its pairs written out only when asked for. */
export interface ScoredAlignment {
  score: number;
  /** Whether two tokens of more than one letter lined up (not initials alone). */
  wordPaired: boolean;
  explain(): Alignment;
}

/**
 * `alignNames` without building the explanation: most candidates are scored and dropped. Every
 * glued variant of the query meets every glued variant of the candidate; the best greedy score
 * wins (the first of equals).
 */
export function scoreAlignment(
  q: readonly string[],
  c: readonly string[],
  options: AlignOptions = {},
): ScoredAlignment {
  const weigh = options.weigh ?? tokenWeight;
  const unmatched = options.unmatchedCandidateWeight ?? UNMATCHED_CANDIDATE_WEIGHT;
  const sim = options.similarity ?? tokenSimilarity;
  const qs = options.querySide ?? glueSide(q, weigh);
  const cs = options.candidateSide ?? glueSide(c, weigh);
  const scratch = alignScratch();
  const cells = scratch.cells;
  cells.reset(qs, cs, sim);
  const ys = scratch.ys;
  const xs = scratch.xs;
  const yCount = gluedVariants(cs, qs, cells, false, ys);
  const xCount = gluedVariants(qs, cs, cells, true, xs);
  let bx = xs[0]!;
  let by = ys[0]!;
  let bestScore = -1;
  let bestCount = 0;
  for (let a = 0; a < xCount; a++)
    for (let b = 0; b < yCount; b++) {
      const score = greedyScore(xs[a]!, ys[b]!, unmatched, cells, scratch);
      if (bestScore < 0 || score > bestScore) {
        bx = xs[a]!;
        by = ys[b]!;
        bestScore = score;
        bestCount = scratch.pickCount;
        scratch.bestPicks = floatsFor(scratch.bestPicks, bestCount);
        for (let k = 0; k < bestCount; k++) scratch.bestPicks[k] = scratch.picks[k]!;
      }
    }
  const picks = new Array<number>(bestCount);
  for (let k = 0; k < bestCount; k++) picks[k] = scratch.bestPicks[k]!;
  return new GreedyAlignment(bestScore, bx.variant, by.variant, picks);
}

/** Jaro-Winkler similarity (prefix scale 0.1, up to 4 characters, boost above 0.7). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const ma = new Array<boolean>(la).fill(false);
  const mb = new Array<boolean>(lb).fill(false);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(lb - 1, i + range);
    for (let j = lo; j <= hi; j++) {
      if (mb[j] || a[i] !== b[j]) continue;
      ma[i] = true;
      mb[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  if (jaro <= 0.7) return jaro;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * The baseline the evaluation must beat: each query token takes its best Jaro-Winkler against any
 * candidate token, averaged over query tokens, symmetrised (watchman's BestPairsJaroWinkler without
 * its penalties). Pure letters: no romanization, no script knowledge.
 */
export function tokenJaroWinkler(q: readonly string[], c: readonly string[]): number {
  if (q.length === 0 || c.length === 0) return 0;
  const side = (x: readonly string[], y: readonly string[]) => {
    let s = 0;
    for (const t of x) {
      let best = 0;
      for (const u of y) best = Math.max(best, jaroWinkler(t, u));
      s += best;
    }
    return s / x.length;
  };
  return (side(q, c) + side(c, q)) / 2;
}
