import type { Migration } from "./migration.js";

/**
 * Read tables of layout 6 (src/read/read-tables.ts) keep a person's names in read_persons, beside
 * the person and the text that name search scans: read_person_names, which they replace, is
 * dropped here rather than left behind when the first read or analyze rebuilds the tables.
 */
export const v064ReadPersons: Migration = {
  version: 64,
  name: "read tables: names with the person",
  sql: "DROP TABLE IF EXISTS read_person_names;",
};
