import type { Migration } from "./migration.js";

/**
 * Evidence claims carry the PDF page their quotation is on (null for other files), and
 * suggestions their place in the review queue (1 = strongest; null for claims added by hand).
 */
export const v070ClaimPageRank: Migration = {
  version: 70,
  name: "evidence claim page and suggestion rank",
  sql: `
ALTER TABLE evidence_claims ADD COLUMN page INTEGER;
ALTER TABLE evidence_claims ADD COLUMN suggestion_rank INTEGER;
`,
};
