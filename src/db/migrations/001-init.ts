import { sqlMigration } from "./migration.js";

/**
 * Crossing records and the ingest runs that brought them in. No PRIMARY KEY or UNIQUE
 * constraints on the big tables: DuckDB's ART indexes make bulk inserts slow and memory-hungry,
 * so uniqueness of (source, record_id) is enforced by the ingest's anti-join instead.
 */
export const v001Init = sqlMigration(
  1,
  "crossing records, ingest runs, rejects",
  `
CREATE SEQUENCE IF NOT EXISTS run_id_seq START 1;

CREATE TABLE ingest_runs (
  run_id        BIGINT PRIMARY KEY,
  file          VARCHAR NOT NULL,      -- path as given on the command line
  file_sha256   VARCHAR,               -- of the bytes on disk (compressed, if gzipped)
  file_bytes    BIGINT,
  format        VARCHAR,               -- csv | tsv | jsonl | parquet (+ .gz)
  source        VARCHAR,               -- --source, else the file name; rows may override
  started_at    TIMESTAMPTZ NOT NULL,
  finished_at   TIMESTAMPTZ,
  status        VARCHAR NOT NULL,      -- done | failed
  error         VARCHAR,               -- why a failed run loaded nothing
  read          BIGINT NOT NULL DEFAULT 0,
  loaded        BIGINT NOT NULL DEFAULT 0,
  duplicates    BIGINT NOT NULL DEFAULT 0,
  rejected      BIGINT NOT NULL DEFAULT 0,
  reexports     BIGINT NOT NULL DEFAULT 0, -- loaded rows linked to an earlier identical crossing
  warnings      BIGINT NOT NULL DEFAULT 0,
  parse_path    VARCHAR                -- fast (DuckDB reader) | exact (line-by-line recovery)
);

CREATE TABLE records (
  -- Rows land here straight from the reader and are sorted afterwards within the same
  -- transaction: rejected and duplicate rows are moved out before it commits. That is why
  -- the normalised columns allow NULL: once committed, a row always has them.
  rec_key        BIGINT,               -- run_id · 2^32 + line: unique, in load order
  source         VARCHAR NOT NULL,
  record_id      VARCHAR,
  run_id         BIGINT NOT NULL,
  line           BIGINT,               -- line in the file (row number for Parquet)
  crossed_at     TIMESTAMPTZ,          -- UTC instant (local midnight for date-only values)
  local_date     DATE,                 -- the date in the port's time zone
  time_precision VARCHAR,              -- instant | local | date
  direction      VARCHAR,              -- entry | exit (relative to the host country)
  port_id        VARCHAR,              -- gazetteer id, NULL when the port is not known yet
  port_raw       VARCHAR,
  nationality    VARCHAR,              -- ISO 3166-1 alpha-3
  doc_number     VARCHAR,              -- trimmed, upper-cased, spaces removed
  doc_type       VARCHAR,
  family_name    VARCHAR,
  given_name     VARCHAR,
  full_name      VARCHAR,
  family_script  VARCHAR,              -- hangul | han | latin | mixed | other
  given_script   VARCHAR,
  full_script    VARCHAR,
  birth_date     DATE,
  sex            VARCHAR,
  visa_type      VARCHAR,
  purpose        VARCHAR,
  sponsor        VARCHAR,
  group_id       VARCHAR,
  -- The values as written in the file, for the columns that normalisation changes; NULL when
  -- the normalised value is exactly what was written (for crossed_at: its canonical spelling,
  -- see docs/data-contract.md). Plain
  -- columns, not a STRUCT: DuckDB 1.5 can crash flushing a large transaction's STRUCT column.
  raw_crossed_at VARCHAR,
  raw_direction  VARCHAR,
  raw_nationality VARCHAR,
  raw_doc_number VARCHAR,
  raw_doc_type   VARCHAR,
  raw_birth_date VARCHAR,
  raw_sex        VARCHAR,
  raw_visa_type  VARCHAR,
  extra          JSON,                 -- unknown columns, kept verbatim
  canonical_key  BIGINT                -- set on a re-export: the rec_key of the first copy
);

CREATE TABLE rejects (
  run_id      BIGINT NOT NULL,
  file        VARCHAR NOT NULL,
  line        BIGINT,
  column_name VARCHAR,
  value       VARCHAR,
  reason      VARCHAR NOT NULL,
  raw         VARCHAR               -- the offending line or row, truncated to 4 kB
);

CREATE TABLE record_warnings (
  run_id      BIGINT NOT NULL,
  file        VARCHAR NOT NULL,
  line        BIGINT,
  source      VARCHAR,
  record_id   VARCHAR,
  column_name VARCHAR,
  value       VARCHAR,
  message     VARCHAR NOT NULL
);
`,
);
