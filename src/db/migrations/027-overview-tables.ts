import { sqlMigration } from "./migration.js";

/**
 * Overview tables: the overview's figures and the persons behind each port's crossings,
 * computed once at the end of analyze (src/read/overview-tables.ts) instead of by a scan of
 * the records per request.
 */
export const v027OverviewTables = sqlMigration(
  27,
  "overview tables",
  `
CREATE TABLE read_overview (
  last_run_id   BIGINT,              -- the last ingest run the record figures include
  threshold     DOUBLE NOT NULL,     -- the policy the worker counts used
  deadline      DATE NOT NULL,
  records       BIGINT NOT NULL,
  dprk          BIGINT NOT NULL,
  docs          BIGINT NOT NULL,
  first_day     DATE,
  last_day      DATE,
  unknown_port  BIGINT NOT NULL,
  persons       BIGINT NOT NULL,
  workers       BIGINT NOT NULL,
  workers_after BIGINT NOT NULL
);
CREATE TABLE read_port_flows (port_id VARCHAR, entries BIGINT, exits BIGINT);
CREATE TABLE read_port_persons (
  port_id      VARCHAR,
  person_id    VARCHAR,
  display_name VARCHAR,
  birth_date   DATE,
  labor_score  DOUBLE,
  crossings    BIGINT,
  first_day    DATE,
  last_day     DATE
);
`,
);
