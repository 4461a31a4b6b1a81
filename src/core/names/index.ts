/**
 * Public API of the names module: script detection, romanization (RR, MR, ALA-LC, DPRK), Hanja/Hanzi
 * readings, parsing of romanized names back to Hangul, blocking keys and a name similarity score.
 * Pure functions over in-memory tables; no I/O. See docs/names.md.
 */

export {
  compareNames,
  compareParsedNames,
  looseKey,
  MATCH_THRESHOLD,
  type NameInput,
  type NameMatch,
  type PreparedName,
  prepareName,
} from "./compare-names.js";
export { detectScript, SCRIPTS, type Script } from "./detect-script.js";
export {
  hangulToHanCandidates,
  hangulToPinyinCandidates,
  hanToHangul,
  hanToPinyin,
  toTraditional,
} from "./hanja.js";
export { nameKeys } from "./name-keys.js";
export { type ParsedName, parseName } from "./parse-name.js";
export {
  parseRomanized,
  type RomanizedParse,
  romanizedToHangul,
  type SyllableCandidate,
  type SyllableSlot,
} from "./parse-romanized.js";
export {
  ROMANIZATION_SYSTEMS,
  type RomanizationSystem,
  type RomanizeNameOptions,
  type RomanizeOptions,
  romanize,
  romanizeName,
  SOUTH_TO_NORTH_SURNAME,
} from "./romanize.js";
