/**
 * Korean names written in Cyrillic, or in the Latin letters of a Russian passport, → Hangul
 * syllable candidates, the way parse-romanized reads romanizations: "Ким Чхоль Мин", "Ким Чен Ын",
 * "Khvan Sok Khva". Russian records write Korean names by the Kontsevich system or by press and
 * Koryo-saram habit (data/cyrillic-korean.ts), and passports print that Cyrillic by the ICAO table;
 * both lose distinctions (о is ㅓ or ㅗ, final н is ㄴ or ㅇ, and in the passport ё э е are all e),
 * so each syllable keeps every reading the rules allow and comparison in Hangul space decides.
 * No library reads either back into Korean; syllable-reader.ts segments names into these spellings.
 */

import {
  CYRILLIC_CODAS,
  CYRILLIC_ONSETS,
  CYRILLIC_VOWELS,
  PASSPORT_LATIN,
} from "./data/cyrillic-korean.js";
import { decomposeSyllable } from "./hangul.js";

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

/** Every Cyrillic spelling of one syllable with its cost (syllable-reader.ts reads them back). */
export function cyrillicSpellings(syllable: string): [string, number][] {
  const j = decomposeSyllable(syllable);
  if (!j) return [];
  const out: [string, number][] = [];
  const codas = CYRILLIC_CODAS[j.t] ?? [["", 0.5]];
  for (const [o, oc] of CYRILLIC_ONSETS[j.l]!)
    for (const [v, vc] of CYRILLIC_VOWELS[j.v]!)
      for (const [c, cc] of codas) if (o + v + c) out.push([o + v + c, oc + vc + cc]);
  return out;
}
