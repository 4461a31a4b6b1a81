import { sqlMigration } from "./migration.js";

/**
 * Stays and alerts cite their records by rec_key alone: `record_ids` (their `source:record_id`
 * text) goes, and outputs read the ids from `records` by key (src/read/records.ts). Writing the
 * text of the 10M records they cite at 10M records cost more CPU than the rest of the stays
 * insert. The view read_person_stays, which named the column, is rebuilt with the read tables
 * (src/read/read-tables.ts).
 */
export const v071RecordKeysOnly = sqlMigration(
  71,
  "stays and alerts cite records by key only",
  `
DROP VIEW IF EXISTS read_person_stays;
ALTER TABLE stays DROP COLUMN IF EXISTS record_ids;
ALTER TABLE alerts DROP COLUMN IF EXISTS record_ids;
`,
);
