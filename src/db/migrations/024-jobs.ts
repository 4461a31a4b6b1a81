import { sqlMigration } from "./migration.js";

/**
 * Jobs of `sojourn serve`: the writes (ingest, analyze, list import, evidence add,
 * re-screening) that run one at a time while reads go on. Progress lives in memory while a job
 * runs; the row keeps the status, result and error.
 */
export const v024Jobs = sqlMigration(
  24,
  "server jobs",
  `
CREATE SEQUENCE IF NOT EXISTS job_seq START 1;

CREATE TABLE jobs (
  job_id      VARCHAR PRIMARY KEY,          -- J-<n>
  kind        VARCHAR NOT NULL,
  status      VARCHAR NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  created_by  VARCHAR NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,
  started_at  TIMESTAMPTZ,
  finished_at TIMESTAMPTZ,
  params      JSON,
  result      JSON,
  error       VARCHAR
);
`,
);
