/**
 * Read models: typed read functions over the store, shared by the CLI, the report, the exports,
 * evaluate and the HTTP API, so a figure means the same everywhere. Personal data is masked
 * here, by each function's `unmask` flag (default masked); policy values (deadline,
 * likely-worker threshold) come from the store's last analyze run (./policy.ts).
 */
export * from "./alerts.js";
export * from "./claims.js";
export * from "./cohorts.js";
export * from "./identity.js";
export * from "./ingest.js";
export * from "./lists.js";
export * from "./overview.js";
export * from "./page.js";
export * from "./persons.js";
export * from "./places.js";
export * from "./policy.js";
export * from "./presence.js";
export * from "./records.js";
export * from "./section.js";
export * from "./sponsors.js";
