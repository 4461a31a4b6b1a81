import { sqlMigration } from "./migration.js";

/**
 * Evidence claims carry the PDF page their quotation is on (null for other files), and
 * suggestions their place in the review queue (1 = strongest; null for claims added by hand).
 */
export const v070ClaimPageRank = sqlMigration(
  70,
  "evidence claim page and suggestion rank",
  `
ALTER TABLE evidence_claims ADD COLUMN page INTEGER;
ALTER TABLE evidence_claims ADD COLUMN suggestion_rank INTEGER;
`,
);
