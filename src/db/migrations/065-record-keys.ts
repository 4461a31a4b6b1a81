import { rebuildWithCompression } from "../rebuild-table.js";
import { DERIVED_COMPRESSION } from "./008-derived-compression.js";
import type { Migration } from "./migration.js";

/**
 * Stays and alerts cite their records by rec_key too (`record_keys`, BIGINT[], in the order of
 * `record_ids`): the stays step and the rules write both, and the read tables take the keys
 * from there instead of matching every cited `source:record_id` to `records` by its text. A
 * store analyzed before gets its keys here, by that match, once (NULL for an id no loaded
 * record has, as the match gave). Stays are written in person order (by the stays step, and
 * here), so a person's stays are read from `stays` itself: read_person_stays, a sorted copy of
 * them, becomes a view (src/read/read-tables.ts) and its table is dropped.
 */
export const v065RecordKeys: Migration = {
  version: 65,
  name: "stays and alerts: record keys beside record ids; stays in person order",
  run: async (store) => {
    await store.run("DROP TABLE IF EXISTS read_person_stays");
    for (const table of ["stays", "alerts"] as const) {
      await store.run(`ALTER TABLE ${table} ADD COLUMN record_keys BIGINT[]`);
      await store.run(`CREATE OR REPLACE TEMP TABLE m065_keys AS
        SELECT c.n, list_select(list(r.rec_key), list_grade_up(list(c.i))) AS keys
        FROM (SELECT t.rowid AS n, unnest(t.record_ids) AS rid,
                     generate_subscripts(t.record_ids, 1) AS i FROM ${table} t) c
        LEFT JOIN records r ON r.source || ':' || r.record_id = c.rid
        GROUP BY c.n`);
      const order = table === "stays" ? "ORDER BY t.person_id, t.entered_on" : "";
      await rebuildWithCompression(
        store,
        table,
        DERIVED_COMPRESSION[table] ?? {},
        {},
        `SELECT t.* REPLACE (k.keys AS record_keys)
         FROM ${table} t LEFT JOIN m065_keys k ON k.n = t.rowid ${order}`,
      );
      await store.run("DROP TABLE m065_keys");
    }
  },
};
