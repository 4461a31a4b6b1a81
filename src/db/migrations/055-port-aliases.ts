import type { Migration } from "./migration.js";

/**
 * Port spellings a user mapped to a gazetteer port (`sojourn ports alias`): ingest reads them as
 * it reads a mapping file's port values, and records already loaded under the spelling take the
 * port when the alias is added.
 */
export const v055PortAliases: Migration = {
  version: 55,
  name: "port aliases kept in the store",
  sql: `
CREATE TABLE port_aliases (
  spelling  VARCHAR PRIMARY KEY,      -- lower-cased and trimmed, as ingest looks values up
  written   VARCHAR NOT NULL,         -- as the user gave it
  port_id   VARCHAR NOT NULL,         -- a gazetteer port id
  added_at  TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);
`,
};
