import type { Migration } from "./migration.js";

/**
 * Each ingest run records the settings it read its file with (source, mapping, date order,
 * encoding, limits), so a file already ingested whole with the same bytes and settings is
 * recognised and skipped instead of being read again.
 */
export const v040IngestSettings: Migration = {
  version: 40,
  name: "ingest run settings",
  sql: `ALTER TABLE ingest_runs ADD COLUMN settings VARCHAR;`,
};
