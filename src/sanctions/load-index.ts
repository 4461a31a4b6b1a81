/** Builds the in-memory screening index from the lists in the store. */
import { AppError } from "../core/errors.js";
import { type ListEntity, ScreeningIndex } from "../core/screening/index.js";
import type { Store } from "../db/store.js";

export async function loadListEntities(
  store: Store,
  lists?: readonly string[],
): Promise<ListEntity[]> {
  const rows = await store.all<{ data: string }>(
    `SELECT data::VARCHAR AS data FROM sanction_entities
     ${lists?.length ? "WHERE list IN (SELECT unnest(?::VARCHAR[]))" : ""}
     ORDER BY list, reference`,
    lists?.length ? [JSON.stringify(lists)] : [],
  );
  return rows.map((r) => JSON.parse(r.data) as ListEntity);
}

export async function loadScreeningIndex(
  store: Store,
  lists?: readonly string[],
): Promise<ScreeningIndex> {
  const entities = await loadListEntities(store, lists);
  // Korean name keys were computed at import (they cost ~60 µs a name); names without them get
  // them computed by the index.
  const keyRows = await store.all<{ name: string; name_keys: string[] }>(
    "SELECT DISTINCT name, name_keys FROM sanction_names WHERE name_keys IS NOT NULL",
  );
  const keys = new Map(keyRows.map((r) => [r.name, [...r.name_keys]]));
  if (entities.length === 0)
    throw new AppError(
      "not-found",
      lists?.length
        ? `no entities on list ${lists.join(", ")} in ${store.path}; import it with \`sojourn lists import FILE\``
        : `no sanctions lists in ${store.path}; import one with \`sojourn lists import FILE\``,
    );
  return ScreeningIndex.build(entities, { nameKeys: (name) => keys.get(name) });
}
