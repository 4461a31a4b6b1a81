import type { Migration } from "./migration.js";

/**
 * The identity step's document groups, kept between runs so that a run reads only the records
 * loaded since the last one (src/analyze/steps/identity-documents.ts): per document and way of
 * writing it (names as written, birth date, sex) the count of original records, their first and
 * last day and first record (identity_variants); per document the same totals with its birth
 * date, sex and two most frequent names as most often recorded (identity_documents); and the
 * ingest runs whose records both hold (identity_document_runs). A store whose list is empty, a
 * store shared out of a case for one, has them rebuilt from every record by its next run.
 * Nationality, scripts and sex are text: the nationality's ENUM type is rebuilt when the
 * country list grows (src/ingest/stored-vocabulary.ts).
 */
export const v078IdentityDocuments: Migration = {
  version: 78,
  name: "identity document groups kept between runs",
  sql: `
CREATE TABLE identity_variants (
  nat          VARCHAR NOT NULL,        -- the document's nationality as recorded, '' if none
  doc          VARCHAR NOT NULL,        -- document number; '#' || rec_key for a record with none
  family_name  VARCHAR,
  given_name   VARCHAR,
  full_name    VARCHAR,
  family_script VARCHAR,
  given_script VARCHAR,
  full_script  VARCHAR,
  birth_date   DATE,
  sex          VARCHAR,
  n            BIGINT NOT NULL,         -- original records written this way
  first_seen   DATE,
  last_seen    DATE,
  anchor       BIGINT NOT NULL          -- the smallest rec_key among them
);
CREATE TABLE identity_documents (
  nat          VARCHAR NOT NULL,
  doc          VARCHAR NOT NULL,
  n            BIGINT NOT NULL,
  first_seen   DATE,
  last_seen    DATE,
  anchor       BIGINT NOT NULL,
  birth_date   DATE,                    -- as most often recorded (ties: the earliest)
  sex          VARCHAR,                 -- likewise (ties: the first in order)
  names        VARCHAR[] NOT NULL,      -- the two most frequent names (family, given, full joined by U+001F)
  first_source VARCHAR,                 -- source and record id of the anchor record
  first_record_id VARCHAR
);
CREATE TABLE identity_document_runs (
  run_id BIGINT                         -- ingest runs whose records the two tables above hold
);
`,
};
