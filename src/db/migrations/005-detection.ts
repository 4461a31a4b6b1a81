import { sqlMigration } from "./migration.js";

/**
 * Detection results (`sojourn analyze`, steps after identity): stays reconstructed from
 * crossings, rule alerts with their evidence records, cohorts and their members, presence per
 * place and day, sponsors, and one row per analyze run with the policy it applied. Every table
 * here is derived: a run rebuilds it from records, person_records and the policy in one
 * transaction, so it always matches one policy and one state of the records.
 */
export const v005Detection = sqlMigration(
  5,
  "stays, alerts, cohorts, presence, sponsors, analyze runs",
  `
CREATE TABLE stays (
  person_id  VARCHAR,
  port_in    VARCHAR,                 -- gazetteer id (else the port as written); NULL if inferred
  port_out   VARCHAR,
  entered_on DATE,                    -- the log's first day for a stay open at the start
  exited_on  DATE,                    -- NULL: still inside when the data ends
  days       INTEGER,                 -- per the policy's day counting
  record_ids VARCHAR[],               -- source:record_id of the crossings that bound it
  flags      VARCHAR[]                -- inferred-entry | inferred-exit | open-at-start | open-at-end | duplicate-crossing | port-transfer
);

CREATE TABLE alerts (
  alert_id     VARCHAR,               -- rule id + hash of (rule, person or cohort, period)
  rule         VARCHAR,
  rule_version INTEGER,
  score        DOUBLE,
  person_id    VARCHAR,
  cohort_id    VARCHAR,
  period_start DATE,
  period_end   DATE,
  summary      VARCHAR,
  record_ids   VARCHAR[]
);

CREATE TABLE cohorts (
  cohort_id  VARCHAR,
  kind       VARCHAR,                 -- labor-team | tour-group | unknown
  ports      VARCHAR[],
  sponsors   VARCHAR[],
  first_seen DATE,
  last_seen  DATE,
  movements  JSON                     -- [{date, port, direction, members}]
);

CREATE TABLE cohort_members (
  cohort_id  VARCHAR,
  person_id  VARCHAR,
  first_seen DATE,
  last_seen  DATE,
  role       VARCHAR                  -- core | straggler | replacement | first-timer
);

CREATE TABLE presence (
  day            DATE,
  place_id       VARCHAR,             -- city id or port id (gazetteer)
  likely_workers DOUBLE
);

CREATE TABLE first_entrants (
  month    DATE,
  port_id  VARCHAR,
  persons  INTEGER,
  likely_workers INTEGER
);

CREATE TABLE sponsors (
  sponsor_key VARCHAR,                -- grouping key across scripts and spellings
  names       VARCHAR[],              -- every spelling as recorded
  persons     INTEGER,
  likely_workers INTEGER,
  teams       VARCHAR[],
  first_seen  DATE,
  last_seen   DATE,
  workers_after_deadline INTEGER,
  status      VARCHAR,                -- ceased-before-deadline | continued-after-deadline | unknown
  by_month    JSON                    -- [{month, workers}]
);

CREATE TABLE analyze_runs (
  run_at         TIMESTAMPTZ,
  policy_version VARCHAR,
  policy_fingerprint VARCHAR,
  policy         JSON,
  input_fingerprint VARCHAR,
  skipped        BOOLEAN,
  timings        JSON                 -- [{stage, seconds}]
);
`,
);
