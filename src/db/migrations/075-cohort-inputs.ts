import type { Migration } from "./migration.js";

/**
 * The cohort step's input crossings, kept between runs so that a run rebuilds only the rows of
 * the persons whose stays or crossings changed (src/analyze/steps/cohort-inputs.ts): one row per
 * canonical crossing that bounds a stay of two nights or more, in text (person, port, sponsor and
 * papers as the records have them; the run's integer codes shift when a value is added).
 * cohort_input_state holds the last day of the logs the rows were selected under: a stay still
 * open at the end counts from the day it began to that day. A store whose state is empty has the
 * rows rebuilt from every stay by its next run.
 */
export const v075CohortInputs: Migration = {
  version: 75,
  name: "cohort step inputs kept between runs",
  sql: `
CREATE TABLE cohort_inputs (
  person_id  VARCHAR NOT NULL,
  port       VARCHAR NOT NULL,
  d          DATE NOT NULL,             -- the crossing's local date
  out        BOOLEAN NOT NULL,          -- an exit
  minute     INTEGER,                   -- minutes since the epoch; NULL for a date-only record
  sponsor    VARCHAR,
  visa_type  VARCHAR,
  doc_type   VARCHAR
);
CREATE TABLE cohort_input_state (
  data_end   DATE                       -- the logs' last day the rows were selected under
);
`,
};
