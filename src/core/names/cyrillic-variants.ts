/**
 * Cyrillic of languages other than Russian, for readers built on Russian letters:
 *  - `asRussianLetters`: Ukrainian, Belarusian, Kazakh, Mongolian and Bulgarian letters as the
 *    Russian letters of the nearest sound, so the Cyrillic reader (parse-cyrillic.ts) reads a
 *    Korean name their press writes (Кім Чен Ин → Ким Чэн Ын). Letter values from each
 *    alphabet's table: Ukrainian (https://en.wikipedia.org/wiki/Ukrainian_alphabet: и [ɪ] as ы,
 *    і as и, ї as йи, є as е, е as э, ґ as г), Belarusian (https://en.wikipedia.org/wiki/Belarusian_alphabet:
 *    і as и, ў as у), Kazakh (https://en.wikipedia.org/wiki/Kazakh_alphabets: ә э, ғ г, қ к, ң
 *    н, ө о, ұ у, ү у, һ х, і и), Mongolian (https://en.wikipedia.org/wiki/Mongolian_Cyrillic_alphabet:
 *    ө о, ү у), Bulgarian (ъ, a vowel inside a word, as ы).
 *  - `bulgarianLatin`: a Bulgarian text in the Latin letters of the Bulgarian Streamlined System
 *    (Transliteration Act 2009, https://en.wikipedia.org/wiki/Romanization_of_Bulgarian: ъ a,
 *    щ sht, ь before о y, ю yu, я ya, х h, ц ts), the way Bulgarian names are spelt in Latin
 *    (Рьонха Ryonha, not Russian's R'onkha).
 * A text is taken for one of these languages only by letters Russian lacks (і ї є ґ ў ә ғ қ ң ө
 * ұ ү һ) or, for Bulgarian, by ъ before a consonant or ьо, which Russian spelling never writes.
 */

import { PASSPORT_LATIN } from "./data/cyrillic-korean.js";

const UKRAINIAN: Readonly<Record<string, string>> = {
  и: "ы",
  і: "и",
  ї: "йи",
  є: "е",
  е: "э",
  ґ: "г",
};
const OTHERS: Readonly<Record<string, string>> = {
  і: "и",
  ў: "у",
  ә: "э",
  ғ: "г",
  қ: "к",
  ң: "н",
  ө: "о",
  ұ: "у",
  ү: "у",
  һ: "х",
  ъ: "ы",
};

const UKRAINIAN_MARK = /[їєґЇЄҐ]/u;
const I_DOTTED = /[іІ]/u;
const NOT_UKRAINIAN = /[ыэёўЫЭЁЎ]/u;
const CYRILLIC = /[\u0400-\u04ff]/u;
const OTHER_MARK = /[іўәғқңөұүһІЎӘҒҚҢӨҰҮҺ]/u;
const BULGARIAN_MARK = /ъ[^\s\p{P}еёюяЕЁЮЯ]|ьо/iu;
const RUSSIAN_ONLY = /[ыэёЫЭЁ]/u;

function mapLetters(s: string, table: Readonly<Record<string, string>>): string {
  let out = "";
  for (const c of s) {
    const lower = c.toLowerCase();
    const r = table[lower];
    out += r === undefined ? c : c === lower ? r : r.charAt(0).toUpperCase() + r.slice(1);
  }
  return out;
}

/** Whether a Cyrillic text is Bulgarian by its spelling (see the header). */
export function isBulgarian(s: string): boolean {
  return (
    (s.includes("ъ") || s.includes("ь") || s.includes("Ъ") || s.includes("Ь")) &&
    BULGARIAN_MARK.test(s) &&
    !RUSSIAN_ONLY.test(s)
  );
}

/** The text's other-language Cyrillic in Russian letters; unchanged when it shows none. */
export function asRussianLetters(s: string): string {
  if (!CYRILLIC.test(s)) return s;
  if (UKRAINIAN_MARK.test(s) || (I_DOTTED.test(s) && !NOT_UKRAINIAN.test(s)))
    return mapLetters(s, UKRAINIAN);
  if (OTHER_MARK.test(s) || isBulgarian(s)) return mapLetters(s, OTHERS);
  return s;
}

/** The Streamlined System: the letters it writes as ICAO's passport table does, the rest its own. */
const BULGARIAN_LATIN: Readonly<Record<string, string>> = {
  ...PASSPORT_LATIN,
  й: "y",
  х: "h",
  щ: "sht",
  ъ: "a",
  ь: "y",
  ю: "yu",
  я: "ya",
};

/** A Bulgarian text in Streamlined System letters; undefined when the text is not Bulgarian. */
export function bulgarianLatin(s: string): string | undefined {
  return isBulgarian(s) ? streamlinedBulgarian(s) : undefined;
}

/** Cyrillic letters by the Bulgarian Streamlined System, whatever the text's language. */
export function streamlinedBulgarian(s: string): string {
  return mapLetters(s, BULGARIAN_LATIN);
}
