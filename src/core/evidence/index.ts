/** Public API of the evidence domain: grading, claims, extraction, corroboration, tokens. */
export * from "./admiralty.js";
export * from "./claim.js";
export * from "./corroborate.js";
export * from "./dates.js";
export * from "./durations.js";
export * from "./evaluate-suggestions.js";
export * from "./noise.js";
export * from "./organisations.js";
export * from "./quantities.js";
export * from "./report-place-index.js";
export * from "./segment.js";
export * from "./sponsor-links.js";
export * from "./suggest-claims.js";
export * from "./tokenize.js";
