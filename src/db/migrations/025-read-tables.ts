import type { Migration } from "./migration.js";

/**
 * Read tables: copies of the analyze results laid out for the server's browsing reads
 * (src/read/read-tables.ts rebuilds them at the end of every analyze). This migration only
 * records whether they were built: a store analyzed before they existed has no row here, and
 * the first read builds them.
 */
export const v025ReadTables: Migration = {
  version: 25,
  name: "read tables",
  sql: `
CREATE TABLE read_tables_meta (
  built_at TIMESTAMPTZ NOT NULL,
  alerts   BIGINT NOT NULL,                 -- rows of read_alerts, per rule below
  by_rule  JSON NOT NULL                    -- [{rule, alerts}], counted once per analyze
);
`,
};
