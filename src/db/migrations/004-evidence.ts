import { sqlMigration } from "./migration.js";

/**
 * The evidence base: graded sources (reports) kept with their original bytes, hash, capture
 * time and extracted text (the Berkeley Protocol's preservation and chain of custody), the
 * claims taken from them, an audit trail, and a small full-text index (BM25 over a terms
 * table; DuckDB's fts extension is not used because it would be downloaded at run time).
 * Offsets are code points into `evidence_sources.text`. See docs/evidence.md.
 */
export const v004Evidence = sqlMigration(
  4,
  "evidence: graded sources, claims, custody log, search index",
  `
CREATE SEQUENCE IF NOT EXISTS evidence_source_id_seq START 1;
CREATE SEQUENCE IF NOT EXISTS evidence_claim_id_seq START 1;

CREATE TABLE evidence_sources (
  source_id     BIGINT PRIMARY KEY,
  sha256        VARCHAR NOT NULL UNIQUE,  -- of the original bytes: adding them again is a no-op
  file_name     VARCHAR NOT NULL,         -- base name as given
  file_path     VARCHAR NOT NULL,         -- path as given on the command line
  media_type    VARCHAR NOT NULL,         -- text/plain | text/markdown | text/html | application/pdf
  bytes         BIGINT NOT NULL,
  original      BLOB NOT NULL,            -- the bytes as captured
  text          VARCHAR NOT NULL,         -- extracted text; claim offsets point into it
  text_sha256   VARCHAR NOT NULL,
  extractor     VARCHAR NOT NULL,         -- library and version that produced text
  language      VARCHAR,                  -- en | ko | zh | mixed, by script
  pages         INTEGER,                  -- PDF page count
  title         VARCHAR,
  publisher     VARCHAR,
  author        VARCHAR,
  published     DATE,
  url           VARCHAR,
  reliability   VARCHAR NOT NULL CHECK (reliability IN ('A','B','C','D','E','F')),
  credibility   INTEGER NOT NULL CHECK (credibility BETWEEN 1 AND 6),
  captured_at   TIMESTAMPTZ NOT NULL,
  captured_by   VARCHAR                   -- OS user that ran the capture
);

CREATE TABLE evidence_claims (
  claim_id      BIGINT PRIMARY KEY,
  source_id     BIGINT NOT NULL REFERENCES evidence_sources (source_id),
  kind          VARCHAR NOT NULL,
  place_text    VARCHAR,
  place_id      VARCHAR,                  -- gazetteer city/port id, zone-… or region-…
  period_start  DATE,
  period_end    DATE,
  time_text     VARCHAR,
  value_min     DOUBLE,
  value_max     DOUBLE,
  value_unit    VARCHAR,                  -- workers | days
  value_text    VARCHAR,
  qualifier     VARCHAR,                  -- exact | approx | at_least | at_most | range | vague
  organisation  VARCHAR,
  quote         VARCHAR NOT NULL,
  char_start    INTEGER NOT NULL,
  char_end      INTEGER NOT NULL,
  credibility   INTEGER CHECK (credibility BETWEEN 1 AND 6), -- NULL: the source's
  origin        VARCHAR NOT NULL,         -- manual | suggested
  status        VARCHAR NOT NULL,         -- suggested | accepted | rejected
  note          VARCHAR,
  created_at    TIMESTAMPTZ NOT NULL
);

-- Chain of custody: every capture, grading and review step, in order.
CREATE TABLE evidence_events (
  event_at      TIMESTAMPTZ NOT NULL,
  source_id     BIGINT,
  claim_id      BIGINT,
  action        VARCHAR NOT NULL,         -- captured | claim-added | claim-suggested | claim-accepted | claim-rejected
  actor         VARCHAR,
  detail        VARCHAR
);

-- Full-text index: passages (paragraphs) and their term counts.
CREATE TABLE evidence_passages (
  source_id     BIGINT NOT NULL,
  passage_no    INTEGER NOT NULL,
  char_start    INTEGER NOT NULL,
  char_end      INTEGER NOT NULL,
  length        INTEGER NOT NULL          -- tokens
);

CREATE TABLE evidence_terms (
  source_id     BIGINT NOT NULL,
  passage_no    INTEGER NOT NULL,
  term          VARCHAR NOT NULL,
  tf            INTEGER NOT NULL
);
`,
);
