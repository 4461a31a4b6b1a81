/**
 * Hangul syllable arithmetic (Unicode §3.12 "Conjoining Jamo Behavior"): a precomposed syllable
 * is 0xAC00 + (L·21 + V)·28 + T. Everything else in this module works on these three indices,
 * so no dependency on a jamo library is needed.
 */

export const SYLLABLE_BASE = 0xac00;
export const SYLLABLE_LAST = 0xd7a3;
const V_COUNT = 21;
const T_COUNT = 28;

// Index constants used by the sound-change rules; named so the rules read like the grammar books.
export const L = {
  G: 0,
  KK: 1,
  N: 2,
  D: 3,
  TT: 4,
  R: 5,
  M: 6,
  B: 7,
  PP: 8,
  S: 9,
  SS: 10,
  NG: 11,
  J: 12,
  JJ: 13,
  CH: 14,
  K: 15,
  T: 16,
  P: 17,
  H: 18,
} as const;
export const V = {
  A: 0,
  AE: 1,
  YA: 2,
  YAE: 3,
  EO: 4,
  E: 5,
  YEO: 6,
  YE: 7,
  O: 8,
  WA: 9,
  WAE: 10,
  OE: 11,
  YO: 12,
  U: 13,
  WO: 14,
  WE: 15,
  WI: 16,
  YU: 17,
  EU: 18,
  UI: 19,
  I: 20,
} as const;
export const T = {
  NONE: 0,
  G: 1,
  KK: 2,
  GS: 3,
  N: 4,
  NJ: 5,
  NH: 6,
  D: 7,
  L: 8,
  LG: 9,
  LM: 10,
  LB: 11,
  LS: 12,
  LT: 13,
  LP: 14,
  LH: 15,
  M: 16,
  B: 17,
  BS: 18,
  S: 19,
  SS: 20,
  NG: 21,
  J: 22,
  CH: 23,
  K: 24,
  T: 25,
  P: 26,
  H: 27,
} as const;

export interface Jamo {
  l: number;
  v: number;
  t: number;
}

export function isHangulSyllable(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= SYLLABLE_BASE && c <= SYLLABLE_LAST;
}

/** Decompose one precomposed syllable; undefined for anything else. */
export function decomposeSyllable(ch: string): Jamo | undefined {
  const out: Jamo = { l: 0, v: 0, t: 0 };
  return decomposeInto(ch, out) ? out : undefined;
}

/** `decomposeSyllable` into a caller's object (for loops that allocate nothing); false for anything else. */
export function decomposeInto(ch: string, out: Jamo): boolean {
  const c = ch.charCodeAt(0) - SYLLABLE_BASE;
  if (c < 0 || c > SYLLABLE_LAST - SYLLABLE_BASE) return false;
  out.l = Math.floor(c / (V_COUNT * T_COUNT));
  out.v = Math.floor(c / T_COUNT) % V_COUNT;
  out.t = c % T_COUNT;
  return true;
}

export function composeSyllable(l: number, v: number, t = 0): string {
  return String.fromCharCode(SYLLABLE_BASE + (l * V_COUNT + v) * T_COUNT + t);
}

/**
 * Initial-sound law (두음법칙, South Korean orthography, Hangul Matchumbeop §10–12): word-initial
 * ㄹ before ㅣ/ㅑ/ㅕ/ㅖ/ㅛ/ㅠ drops, before other vowels becomes ㄴ; word-initial ㄴ before
 * ㅣ/ㅑ/ㅕ/ㅛ/ㅠ drops. The DPRK does not apply it (Chosŏnmal kyubŏm), hence 리/이, 로/노.
 */
export function toSouthInitial(syllable: string): string {
  const j = decomposeSyllable(syllable);
  if (!j) return syllable;
  const front =
    j.v === V.I || j.v === V.YA || j.v === V.YEO || j.v === V.YE || j.v === V.YO || j.v === V.YU;
  if (j.l === L.R) return composeSyllable(front ? L.NG : L.N, j.v, j.t);
  if (j.l === L.N && front && j.v !== V.YE) return composeSyllable(L.NG, j.v, j.t);
  return syllable;
}

/**
 * The North Korean forms a South Korean initial syllable may stand for (이 → 리, 노 → 로, 여 → 려/녀).
 * The inverse of toSouthInitial is one-to-many, so this lists every source, the input first.
 */
export function northInitialCandidates(syllable: string): string[] {
  const j = decomposeSyllable(syllable);
  if (!j) return [syllable];
  const out = [syllable];
  const front =
    j.v === V.I || j.v === V.YA || j.v === V.YEO || j.v === V.YE || j.v === V.YO || j.v === V.YU;
  if (j.l === L.NG && front) {
    out.push(composeSyllable(L.R, j.v, j.t));
    if (j.v !== V.YE) out.push(composeSyllable(L.N, j.v, j.t));
  } else if (j.l === L.N && !front) {
    out.push(composeSyllable(L.R, j.v, j.t));
  }
  return out;
}
