import { sqlMigration } from "./migration.js";

/**
 * Every imported version of every list, not only the latest: `sanction_entity_versions` holds
 * each import's entities (what `lists diff` compares), and `screening_indexes` the screening
 * index built from a set of list versions at import, so a command loads it instead of building it.
 * The entities already stored become the versions of their imports.
 */
export const v010SanctionVersions = sqlMigration(
  10,
  "sanctions list versions, stored screening index",
  `
CREATE TABLE sanction_entity_versions (
  import_id    BIGINT NOT NULL,
  list         VARCHAR NOT NULL,
  reference    VARCHAR NOT NULL,
  content_hash VARCHAR NOT NULL,
  data         JSON NOT NULL
);
INSERT INTO sanction_entity_versions
  SELECT import_id, list, reference, content_hash, data FROM sanction_entities;

CREATE TABLE screening_indexes (
  imports    VARCHAR NOT NULL,          -- the import ids it was built from, sorted, comma-separated
  format     INTEGER NOT NULL,          -- layout version of the serialised index
  built_at   TIMESTAMPTZ NOT NULL,
  data       BLOB NOT NULL
);
`,
);
