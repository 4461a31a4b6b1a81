import { sqlMigration } from "./migration.js";

/**
 * Resolved persons (identity resolution, `sojourn analyze`). Every loaded record belongs to
 * exactly one person through person_records; person_links says why records were joined.
 * person_id is pseudonymous: 'P-' + base32 of a salted hash of the person's first record
 * (the salt lives in identity_meta), so it reveals neither name nor document and stays the
 * same when the person grows. identity_name_keys caches the blocking keys of name strings so
 * that an incremental run only computes keys for names it has not seen; identity_runs lists the
 * ingest runs already resolved (ingest loads a run in one transaction, so a run is all or nothing).
 */
export const v002Persons = sqlMigration(
  2,
  "persons, person records, links, documents, names",
  `
CREATE TABLE persons (
  person_id    VARCHAR PRIMARY KEY,
  display_name VARCHAR,
  birth_date   DATE,
  sex          VARCHAR,
  nationality  VARCHAR,
  labor_score  DOUBLE DEFAULT 0,      -- written by the detection steps; 0 until they run
  indicators   JSON,
  updated_at   TIMESTAMPTZ
);

CREATE TABLE person_records (
  rec_key   BIGINT,                   -- exactly one row per loaded record
  person_id VARCHAR
);

CREATE TABLE person_links (
  person_id VARCHAR,
  rec_key_a BIGINT,
  rec_key_b BIGINT,
  reason    VARCHAR,                  -- same document | re-export | document typo | passport renewal
  evidence  JSON
);

CREATE TABLE person_documents (
  person_id  VARCHAR,
  doc_number VARCHAR,
  first_seen DATE,
  last_seen  DATE,
  nationality VARCHAR                 -- the document's issuing nationality as recorded
);

CREATE TABLE person_names (
  person_id VARCHAR,
  name      VARCHAR,
  script    VARCHAR,
  count     BIGINT
);

CREATE TABLE identity_meta (
  key   VARCHAR PRIMARY KEY,
  value VARCHAR
);

CREATE TABLE identity_name_keys (
  name VARCHAR,                       -- family \\x1f given \\x1f full, as recorded
  key  VARCHAR
);

CREATE TABLE identity_runs (
  run_id BIGINT                       -- ingest runs whose records are in person_records
);
`,
);
