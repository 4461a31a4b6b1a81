import type { Migration } from "./migration.js";

/**
 * Read tables of layout 10 (src/read/read-tables.ts) keep a person's documents, cohorts and
 * document links as JSON text in their read_persons row: the tables they replace are dropped
 * here rather than left behind when the first read or analyze rebuilds the tables.
 */
export const v028ReadPersonLists: Migration = {
  version: 28,
  name: "read tables: a person's lists with the person",
  sql: `DROP TABLE IF EXISTS read_person_documents; DROP TABLE IF EXISTS read_person_cohorts;
    DROP TABLE IF EXISTS read_person_links;`,
};
