import { type Compression, rebuildWithCompression } from "../rebuild-table.js";
import type { Migration } from "./migration.js";

/**
 * The largest tables analyze writes get a fixed compression per column, as `records` did in
 * migration 007: the methods DuckDB picks for their data anyway, without trying every method
 * on every segment. At 10M records `person_records` (10M rows) and `stays` (5M) are rewritten
 * by every first analyze; writing `person_records` took 1.6 CPU-s against 2.0-2.4. List
 * columns (record ids, flags) are left to DuckDB.
 */
export const DERIVED_COMPRESSION: Readonly<Record<string, Readonly<Record<string, Compression>>>> =
  {
    person_records: { rec_key: "bitpacking", person_id: "dictionary" },
    stays: {
      person_id: "dictionary",
      port_in: "dictionary",
      port_out: "dictionary",
      entered_on: "bitpacking",
      exited_on: "bitpacking",
      days: "bitpacking",
    },
    alerts: {
      alert_id: "fsst",
      rule: "dictionary",
      rule_version: "bitpacking",
      person_id: "fsst",
      cohort_id: "dictionary",
      period_start: "bitpacking",
      period_end: "bitpacking",
      summary: "fsst",
    },
  };

export const v008DerivedCompression: Migration = {
  version: 8,
  name: "person_records, stays, alerts: compression chosen per column",
  run: async (store) => {
    for (const [table, methods] of Object.entries(DERIVED_COMPRESSION))
      await rebuildWithCompression(store, table, methods);
  },
};
