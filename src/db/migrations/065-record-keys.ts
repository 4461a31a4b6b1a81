import type { Migration } from "./migration.js";

/**
 * Stays and alerts cite their records by rec_key too (`record_keys`, BIGINT[], in the order of
 * `record_ids`): the stays step and the rules write both, and the read tables take the keys
 * from there instead of matching every cited `source:record_id` to `records` by its text. A
 * store analyzed before gets its keys here, by that match, once (NULL for an id no loaded
 * record has, as the text match gave).
 */
export const v065RecordKeys: Migration = {
  version: 65,
  name: "stays and alerts: record keys beside record ids",
  run: async (store) => {
    for (const table of ["stays", "alerts"]) {
      await store.run(`ALTER TABLE ${table} ADD COLUMN record_keys BIGINT[]`);
      const [row] = await store.all<{ n: bigint }>(`SELECT count(*) AS n FROM ${table}`);
      if (Number(row?.n ?? 0) === 0) continue;
      await store.run(`CREATE OR REPLACE TEMP TABLE m065_keys AS
        SELECT c.n, list_select(list(r.rec_key), list_grade_up(list(c.i))) AS keys
        FROM (SELECT t.rowid AS n, unnest(t.record_ids) AS rid,
                     generate_subscripts(t.record_ids, 1) AS i FROM ${table} t) c
        LEFT JOIN records r ON r.source || ':' || r.record_id = c.rid
        GROUP BY c.n`);
      await store.run(`UPDATE ${table} SET record_keys = m.keys FROM m065_keys m
        WHERE ${table}.rowid = m.n`);
      await store.run("DROP TABLE m065_keys");
    }
  },
};
