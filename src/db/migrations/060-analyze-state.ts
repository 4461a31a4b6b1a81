import type { Migration } from "./migration.js";

/**
 * What the last complete analyze run saw, so the next one recomputes only what changed
 * (src/analyze/steps/analyze-scope.ts): per person, a fingerprint of their crossings (what
 * their stays are made of) and of everything their alerts rest on; and the run's policy
 * fingerprint and the first and last day of the logs.
 */
export const v060AnalyzeState: Migration = {
  version: 60,
  name: "analyze state for incremental runs",
  sql: `
CREATE TABLE analyze_person_state (
  person_id    VARCHAR,
  crossings_fp HUGEINT,               -- sum of the hashes of the person's canonical crossings
  rules_fp     UBIGINT                -- hash of the person's stays, scores, cohorts and crossings
);
CREATE TABLE analyze_state (
  key   VARCHAR,                      -- policy_fingerprint | data_start | data_end
  value VARCHAR
);
`,
};
