import type { Migration } from "./migration.js";

/**
 * Read tables: copies of the analyze results laid out for the server's browsing reads
 * (src/read/read-tables.ts rebuilds them at the end of every analyze). This migration only
 * records whether they were built, and by which layout of them: a store analyzed before they
 * existed, or by a sojourn that laid them out differently, has no matching row here, and the
 * first read builds them.
 */
export const v025ReadTables: Migration = {
  version: 25,
  name: "read tables",
  sql: `
CREATE TABLE read_tables_meta (
  built_at TIMESTAMPTZ NOT NULL,
  layout   INTEGER NOT NULL,                -- READ_TABLES_LAYOUT of the code that built them
  alerts   BIGINT NOT NULL,                 -- rows of read_alerts, per rule below
  by_rule  JSON NOT NULL                    -- [{rule, alerts}], counted once per analyze
);
`,
};
