/**
 * Korean names by the Sino-Vietnamese reading of their Hanja: Vietnamese reads each character
 * by its own Sino-Vietnamese syllable as Korean reads it by its Sino-Korean one, so 金正恩 is Kim
 * Jong Un in Korean and Kim Chính Ân in Vietnamese. A syllable maps to the Sino-Korean syllables
 * of every character that shares it (data/sino-vietnamese-table.ts, from Unihan kVietnamese and
 * kHangul), commonest first; comparison in Hangul space decides among them.
 */

import { lazy } from "../lazy.js";
import { SINO_VIETNAMESE_TABLE } from "./data/sino-vietnamese-table.js";

/**
 * A syllable as the table keys it: NFC, lower case, and a final y after a consonant written i,
 * as Vietnamese spells it either way (Lý / Lí, Kỳ / Kì).
 */
function key(syllable: string): string {
  const d = syllable.normalize("NFD").toLowerCase();
  const base = d.replace(/\p{M}/gu, "");
  return (/^[bcdđghklmnpqrstvx]+y$/u.test(base) ? d.replace(/y/u, "i") : d).normalize("NFC");
}

const table = lazy((): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  for (const line of SINO_VIETNAMESE_TABLE.split("\n")) {
    const [syllable, hangul] = line.split(" ");
    const k = key(syllable!);
    out.set(k, [...new Set([...(out.get(k) ?? []), ...Array.from(hangul!)])]);
  }
  return out;
});

/** The table by syllables with their marks folded away (tu: tú, tư, tự, tử…), exact readings first. */
const folded = lazy((): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  for (const [k, hangul] of table()) {
    const f = fold(k);
    const list = out.get(f) ?? [];
    out.set(f, k === f ? [...new Set([...hangul, ...list])] : [...new Set([...list, ...hangul])]);
  }
  return out;
});

function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/gu, "d").toLowerCase();
}

const hasMark = (w: string) => /[^\p{ASCII}]/u.test(w);

/**
 * The Sino-Korean syllables a Sino-Vietnamese syllable reads as, commonest first; [] if none. A
 * syllable without marks is every marked syllable it may have lost them from.
 */
export function sinoKoreanOf(syllable: string): readonly string[] {
  if (hasMark(syllable)) return table().get(key(syllable)) ?? [];
  return folded().get(fold(key(syllable))) ?? [];
}

/** Spellings only Vietnamese writes, no romanization of Korean: nh ng- th tr ph kh qu x, -nh -ch. */
const VIETNAMESE_SPELLING = /^(?:nh|ng|th|tr|ph|kh|qu|x)|(?:nh|ch)$/u;

/**
 * Whether a Latin name reads as Sino-Vietnamese: every word is a Sino-Vietnamese syllable (with
 * or without its marks) and one at least carries a Vietnamese mark (a tone or a letter's mark) or
 * a spelling only Vietnamese writes, since syllables such as kim, min, la, an are as often a
 * romanization's or another language's words.
 */
export function isSinoVietnameseName(name: string): boolean {
  const words = name.split(/[\s,-]+/u).filter(Boolean);
  return (
    words.length >= 2 &&
    words.some((w) => hasMark(w) || VIETNAMESE_SPELLING.test(w.toLowerCase())) &&
    words.every((w) => sinoKoreanOf(w).length > 0)
  );
}
