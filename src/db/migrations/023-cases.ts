import { sqlMigration } from "./migration.js";

/**
 * Cases: a named investigation grouping persons, alerts, cohorts, sponsors and claims, with an
 * assignee and notes. Items name the entity by its id as the store knows it (person_id,
 * alert_id, cohort_id, sponsor_key, claim_id as text).
 */
export const v023Cases = sqlMigration(
  23,
  "cases, case items, case notes",
  `
CREATE SEQUENCE IF NOT EXISTS case_seq START 1;
CREATE SEQUENCE IF NOT EXISTS case_note_seq START 1;

CREATE TABLE cases (
  case_id     VARCHAR PRIMARY KEY,          -- C-<n>
  title       VARCHAR NOT NULL,
  status      VARCHAR NOT NULL CHECK (status IN ('open', 'closed')),
  assignee    VARCHAR,
  created_by  VARCHAR NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,
  updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE case_items (
  case_id     VARCHAR NOT NULL,
  kind        VARCHAR NOT NULL CHECK (kind IN ('person', 'alert', 'cohort', 'sponsor', 'claim')),
  ref         VARCHAR NOT NULL,
  added_by    VARCHAR NOT NULL,
  added_at    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (case_id, kind, ref)
);

CREATE TABLE case_notes (
  note_id     BIGINT PRIMARY KEY,
  case_id     VARCHAR NOT NULL,
  author      VARCHAR NOT NULL,
  body        VARCHAR NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL
);
`,
);
