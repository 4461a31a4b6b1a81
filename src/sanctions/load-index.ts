/**
 * The screening index of the lists in the store. Built once per set of list versions — at
 * import — and stored serialised in `screening_indexes`; a command loads it (well under a second)
 * instead of building it (seconds), and batch workers share its bytes. A stored index of other
 * list versions or another layout is rebuilt and replaced.
 */
import { blobValue } from "@duckdb/node-api";
import { AppError } from "../core/errors.js";
import { INDEX_FORMAT, type ListEntity, ScreeningIndex } from "../core/screening/index.js";
import type { Store } from "../db/store.js";

export interface LoadedIndex {
  index: ScreeningIndex;
  /** The serialised index, for worker threads. */
  bytes: Uint8Array;
}

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

/** Which list versions the index covers: the current import of each list. */
async function currentImports(store: Store): Promise<string> {
  const rows = await store.all<{ import_id: bigint }>(
    "SELECT DISTINCT import_id FROM sanction_entities ORDER BY import_id",
  );
  return rows.map((r) => String(r.import_id)).join(",");
}

async function buildIndex(store: Store, lists?: readonly string[]): Promise<ScreeningIndex> {
  const entities = await loadListEntities(store, lists);
  if (entities.length === 0)
    throw new AppError(
      "not-found",
      lists?.length
        ? `no entities on list ${lists.join(", ")} in ${store.path}; import it with \`sojourn lists import FILE\``
        : `no sanctions lists in ${store.path}; import one with \`sojourn lists import FILE\``,
    );
  // Korean name keys were computed at import (they cost ~60 µs a name).
  const keyRows = await store.all<{ name: string; name_keys: string[] }>(
    "SELECT DISTINCT name, name_keys FROM sanction_names WHERE name_keys IS NOT NULL",
  );
  const keys = new Map(keyRows.map((r) => [r.name, [...r.name_keys]]));
  return ScreeningIndex.build(entities, { nameKeys: (name) => keys.get(name) });
}

/** Builds the index of every stored list and stores it, replacing any other stored index. */
export async function storeScreeningIndex(store: Store): Promise<LoadedIndex> {
  const imports = await currentImports(store);
  const index = await buildIndex(store);
  const bytes = index.serialize();
  await store.transaction(async () => {
    await store.run("DELETE FROM screening_indexes");
    await store.run("INSERT INTO screening_indexes VALUES (?, ?, now(), ?)", [
      imports,
      INDEX_FORMAT,
      blobValue(bytes),
    ]);
  });
  return { index, bytes };
}

/**
 * The current list versions (import ids, with their list) the stored index does not cover. The
 * index is stored last, after an import's re-screening: a current import it does not cover is
 * one just made, or one whose command stopped after its commit — the next import finishes it.
 */
export async function importsToFinish(store: Store): Promise<{ list: string; importId: number }[]> {
  const stored = await store.one<{ imports: string }>("SELECT imports FROM screening_indexes");
  const covered = new Set(stored?.imports.split(",") ?? []);
  const rows = await store.all<{ list: string; import_id: bigint }>(
    "SELECT DISTINCT list, import_id FROM sanction_entities ORDER BY import_id",
  );
  return rows
    .filter((r) => !covered.has(String(r.import_id)))
    .map((r) => ({ list: r.list, importId: Number(r.import_id) }));
}

/**
 * The index of all stored lists (loaded if stored for the current versions, else built and
 * stored), or of some lists only (built: a subset is not stored).
 */
export async function loadIndexWithBytes(
  store: Store,
  lists?: readonly string[],
): Promise<LoadedIndex> {
  if (lists?.length) {
    const index = await buildIndex(store, lists);
    return { index, bytes: index.serialize() };
  }
  const row = await store.one<{ data: Uint8Array }>(
    "SELECT data FROM screening_indexes WHERE imports = ? AND format = ?",
    [await currentImports(store), INDEX_FORMAT],
  );
  const loaded = row ? ScreeningIndex.load(row.data) : undefined;
  if (row && loaded) return { index: loaded, bytes: row.data };
  return storeScreeningIndex(store);
}

export async function loadScreeningIndex(
  store: Store,
  lists?: readonly string[],
): Promise<ScreeningIndex> {
  return (await loadIndexWithBytes(store, lists)).index;
}
