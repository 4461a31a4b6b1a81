/**
 * Public API of the names module: script detection, romanization (RR, MR, ALA-LC, DPRK), Hanja/Hanzi
 * readings, parsing of romanized names back to Hangul, blocking keys and a name similarity score.
 * Pure functions over in-memory tables; no I/O. See docs/names.md.
 */

export {
  compareParsedNames,
  looseKey,
  MATCH_THRESHOLD,
  type NameInput,
  type NameMatch,
  type PreparedName,
  prepareName,
} from "./compare-names.js";
export { bulgarianLatin, streamlinedBulgarian } from "./cyrillic-variants.js";
export { detectScript } from "./detect-script.js";
export { hangulToHanCandidates, hanToHangul, hanToPinyin } from "./hanja.js";
export { repairText } from "./mojibake.js";
export { nameKeys, nameKeysOfParses } from "./name-keys.js";
export { parseName } from "./parse-name.js";
export { parseRomanized } from "./parse-romanized.js";
export { type RomanizationSystem, romanize, romanizeName } from "./romanize.js";
export { scriptLatin, scriptLatinAlternative } from "./script-latin.js";
export { vowelReading } from "./semitic-latin.js";
export { wadeGilesTokens } from "./wade-giles.js";
