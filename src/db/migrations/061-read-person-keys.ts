import type { Migration } from "./migration.js";

/**
 * Read tables of layout 3 (src/read/read-tables.ts) list a person's record keys instead of a
 * sorted copy of their records, and read a person's alerts from read_alerts: the tables they
 * replace are dropped here rather than left behind when the first read or analyze rebuilds the
 * tables (the copy of the records is the largest of them).
 */
export const v061ReadPersonKeys: Migration = {
  version: 61,
  name: "read tables without a copy of the records",
  sql: "DROP TABLE IF EXISTS read_person_records; DROP TABLE IF EXISTS read_person_alerts;",
};
