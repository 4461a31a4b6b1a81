/**
 * Public API of sanctions screening: list entity types, the in-memory screening index, the
 * DPRK-relatedness rule, name and feature comparisons. Pure: no I/O. See docs/screening.md.
 */
export { isDprkRelated } from "./dprk.js";
export {
  compareBirthDates,
  compareDocuments,
  compareNationality,
  countryCode,
  documentKey,
  type FeatureResult,
} from "./features.js";
export { orgTokenVariants } from "./org-tokens.js";
export {
  explainMatch,
  INDEX_FORMAT,
  type MatchExplanation,
  QUERY_TYPES,
  type QueryType,
  SCREEN_THRESHOLD,
  ScreeningIndex,
  type ScreenMatch,
  type ScreenQuery,
} from "./screening-index.js";
export { alignNames, jaroWinkler, tokenJaroWinkler, tokenSimilarity } from "./similarity.js";
export { acronymOf, foldText, hasCjk, personTokens, splitOrgName, tokenize } from "./text.js";
export * from "./types.js";
