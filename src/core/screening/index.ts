/**
 * Public API of sanctions screening: list entity types, the in-memory screening index, the
 * DPRK-relatedness rule, name and feature comparisons. Pure: no I/O. See docs/screening.md.
 */
export { isDprkRelated } from "./dprk.js";
export {
  compareBirthDates,
  compareNationality,
  countryCode,
} from "./features.js";
export { orgTokenVariants } from "./org-tokens.js";
export {
  explainMatch,
  INDEX_FORMAT,
  QUERY_TYPES,
  type QueryType,
  SCREEN_THRESHOLD,
  ScreeningIndex,
  type ScreenMatch,
  type ScreenQuery,
} from "./screening-index.js";
export { alignNames, tokenJaroWinkler, tokenSimilarity } from "./similarity.js";
export { acronymOf, acronymsOf, foldText, hasCjk, splitOrgName, tokenize } from "./text.js";
export * from "./types.js";
