import { sqlMigration } from "./migration.js";

/**
 * Alerts say whether they rest on censored data (a stay cut by the edge of the logs, or an end
 * inferred from a missing crossing), which lowers their score; cohort members say why they
 * belong; sponsors carry the pinyin and English gloss of their Chinese spelling, and
 * sponsor_names maps every spelling as recorded to its sponsor group, so the CLI, the report and
 * the exports group spellings the same way.
 */
export const v050RankedAlertsSponsorNames = sqlMigration(
  50,
  "censored alerts, membership reasons, sponsor names",
  `
ALTER TABLE alerts ADD COLUMN censored BOOLEAN;
ALTER TABLE cohort_members ADD COLUMN why VARCHAR;
ALTER TABLE sponsors ADD COLUMN pinyin VARCHAR;
ALTER TABLE sponsors ADD COLUMN gloss VARCHAR;
CREATE TABLE sponsor_names (
  spelling    VARCHAR,                -- as recorded
  sponsor_key VARCHAR,                -- the group it belongs to (sponsors.sponsor_key)
  pinyin      VARCHAR,                -- Chinese spellings: pinyin, word by word
  gloss       VARCHAR                 -- English where the words are known
);
`,
);
