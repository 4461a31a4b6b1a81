/**
 * What changed between two stored versions (imports) of one list: entries added, removed and
 * changed (with the fields that differ), from sanction_entity_versions. By default the list's
 * last two imports.
 */
import { AppError } from "../core/errors.js";
import type { ListEntity } from "../core/screening/types.js";
import type { Store } from "../db/store.js";
import { changedFields, type ListChange } from "./import-list.js";

export interface ListDiff {
  list: string;
  from: { importId: number; version: string | null };
  to: { importId: number; version: string | null };
  added: number;
  removed: number;
  changed: number;
  changes: ListChange[];
}

async function importOf(store: Store, list: string, id: number) {
  const row = await store.one<{ import_id: bigint; version: string | null }>(
    "SELECT import_id, version FROM sanction_imports WHERE list = ? AND import_id = ?",
    [list, id],
  );
  if (!row)
    throw new AppError("not-found", `no import ${id} of list ${list}; see sojourn lists changes`);
  return { importId: Number(row.import_id), version: row.version };
}

export async function diffListVersions(
  store: Store,
  list: string,
  range: { from?: number; to?: number } = {},
): Promise<ListDiff> {
  const imports = await store.all<{ import_id: bigint; version: string | null }>(
    `SELECT i.import_id, i.version FROM sanction_imports i
     WHERE i.list = ? AND EXISTS (SELECT 1 FROM sanction_entity_versions v WHERE v.import_id = i.import_id)
     ORDER BY i.import_id`,
    [list],
  );
  if (imports.length === 0) throw new AppError("not-found", `no stored version of list ${list}`);
  const last = imports[imports.length - 1]!;
  const before = imports[imports.length - 2];
  const to =
    range.to !== undefined
      ? await importOf(store, list, range.to)
      : { importId: Number(last.import_id), version: last.version };
  if (range.from === undefined && !before)
    throw new AppError(
      "not-found",
      `list ${list} has one stored version (import ${to.importId}); nothing to compare it with`,
    );
  const from =
    range.from !== undefined
      ? await importOf(store, list, range.from)
      : { importId: Number(before!.import_id), version: before!.version };
  const rows = await store.all<{ reference: string; a: string | null; b: string | null }>(
    `WITH a AS (SELECT reference, content_hash, data FROM sanction_entity_versions WHERE import_id = ?),
          b AS (SELECT reference, content_hash, data FROM sanction_entity_versions WHERE import_id = ?)
     SELECT coalesce(a.reference, b.reference) AS reference, a.data::VARCHAR AS a, b.data::VARCHAR AS b
     FROM a FULL JOIN b USING (reference)
     WHERE a.content_hash IS DISTINCT FROM b.content_hash
     ORDER BY 1`,
    [from.importId, to.importId],
  );
  const changes: ListChange[] = rows.map((r) => {
    const a = r.a ? (JSON.parse(r.a) as ListEntity) : undefined;
    const b = r.b ? (JSON.parse(r.b) as ListEntity) : undefined;
    const name = (b ?? a)?.names[0]?.name ?? "";
    if (!a) return { reference: r.reference, name, change: "added", fields: [] };
    if (!b) return { reference: r.reference, name, change: "removed", fields: [] };
    return { reference: r.reference, name, change: "changed", fields: changedFields(a, b) };
  });
  const count = (c: ListChange["change"]) => changes.filter((x) => x.change === c).length;
  return {
    list,
    from,
    to,
    added: count("added"),
    removed: count("removed"),
    changed: count("changed"),
    changes,
  };
}
