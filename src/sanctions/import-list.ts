/**
 * Stores a parsed list as the current content of its list, in one transaction: the list's
 * previous content stops being current but stays stored as its version (sanction_entity_versions),
 * and the differences (added, removed, changed references) are recorded with the import. Other
 * lists are never touched. Importing the same bytes again changes nothing.
 */
import { createHash } from "node:crypto";
import { basename } from "node:path";
import { LIST, VARCHAR } from "@duckdb/node-api";
import { nameKeys } from "../core/names/index.js";
import { isDprkRelated } from "../core/screening/index.js";
import type { ListEntity } from "../core/screening/types.js";
import type { Store } from "../db/store.js";
import type { ReadList } from "./read-list-files.js";

export interface ListChange {
  reference: string;
  name: string;
  change: "added" | "removed" | "changed";
  fields: string[];
}

export interface ImportResult {
  importId: number | null;
  list: string;
  format: string;
  files: string[];
  version: string | null;
  previousVersion: string | null;
  /** True when the same bytes were already the list's latest import: nothing was written. */
  unchanged: boolean;
  entities: number;
  names: number;
  dprk: number;
  added: number;
  removed: number;
  changed: number;
  changes: ListChange[];
  warnings: string[];
}

function contentHash(e: ListEntity): string {
  return createHash("sha256").update(JSON.stringify(e)).digest("hex").slice(0, 32);
}

const ENTITY_FIELDS = [
  "kind",
  "names",
  "birthDates",
  "nationalities",
  "identifiers",
  "addresses",
  "programmes",
  "listedOn",
  "remarks",
] as const;

export function changedFields(a: ListEntity, b: ListEntity): string[] {
  return ENTITY_FIELDS.filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
}

/** The version to record: the publisher's stamp, else --version, else a date in the file name. */
function versionOf(read: ReadList, given?: string): string | null {
  if (read.parsed.version) return read.parsed.version;
  if (given) return given;
  const m = /(\d{4}-\d{2}(?:-\d{2})?)/.exec(basename(read.files[0] ?? ""));
  return m ? m[1]! : null;
}

/** What changed against the stored entities: added, changed (with the fields) and removed. */
function diffEntities(
  old: { reference: string; content_hash: string; primary_name: string; data: string }[],
  entities: ListEntity[],
  hashes: string[],
): ListChange[] {
  const oldByRef = new Map(old.map((o) => [o.reference, o]));
  const changes: ListChange[] = [];
  entities.forEach((e, i) => {
    const o = oldByRef.get(e.reference);
    const name = e.names[0]?.name ?? "";
    if (!o) changes.push({ reference: e.reference, name, change: "added", fields: [] });
    else if (o.content_hash !== hashes[i])
      changes.push({
        reference: e.reference,
        name,
        change: "changed",
        fields: changedFields(JSON.parse(o.data) as ListEntity, e),
      });
    oldByRef.delete(e.reference);
  });
  for (const o of oldByRef.values())
    changes.push({ reference: o.reference, name: o.primary_name, change: "removed", fields: [] });
  return changes;
}

async function appendChanges(
  store: Store,
  importId: number,
  list: string,
  changes: ListChange[],
): Promise<void> {
  const a = await store.conn.createAppender("sanction_changes");
  for (const c of changes) {
    a.appendBigInt(BigInt(importId));
    a.appendVarchar(list);
    a.appendVarchar(c.reference);
    a.appendVarchar(c.change);
    a.appendVarchar(c.name);
    a.appendList(c.fields, LIST(VARCHAR));
    a.endRow();
  }
  a.flushSync();
  a.closeSync();
}

export async function importList(
  store: Store,
  read: ReadList,
  options: { version?: string } = {},
): Promise<ImportResult> {
  const { parsed } = read;
  const list = parsed.list;
  const version = versionOf(read, options.version);
  const last = await store.one<{ file_sha256: string; version: string | null }>(
    "SELECT file_sha256, version FROM sanction_imports WHERE list = ? ORDER BY import_id DESC LIMIT 1",
    [list],
  );
  const base: Omit<
    ImportResult,
    "importId" | "unchanged" | "added" | "removed" | "changed" | "changes"
  > = {
    list,
    format: parsed.format,
    files: read.files,
    version,
    previousVersion: last?.version ?? null,
    entities: parsed.entities.length,
    names: parsed.entities.reduce((s, e) => s + e.names.length, 0),
    dprk: parsed.entities.filter(isDprkRelated).length,
    warnings: [...(parsed.warnings ?? [])],
  };
  if (last && last.file_sha256 === read.sha256)
    return {
      ...base,
      importId: null,
      unchanged: true,
      added: 0,
      removed: 0,
      changed: 0,
      changes: [],
    };
  if (last?.version && version && version < last.version)
    base.warnings.push(
      `version ${version} is older than the stored ${last.version}; the older list becomes current (the newer stays stored as a version)`,
    );

  return store.transaction(async () => {
    const old = await store.all<{
      reference: string;
      content_hash: string;
      primary_name: string;
      data: string;
    }>(
      "SELECT reference, content_hash, primary_name, data::VARCHAR AS data FROM sanction_entities WHERE list = ?",
      [list],
    );
    const hashes = parsed.entities.map(contentHash);
    const changes = diffEntities(old, parsed.entities, hashes);
    // Only report a diff against an earlier import: a first import "adds" everything.
    const firstImport = old.length === 0;
    const count = (c: ListChange["change"]) => changes.filter((x) => x.change === c).length;
    const idRow = await store.one<{ id: bigint }>("SELECT nextval('sanction_import_seq') AS id");
    const importId = Number(idRow!.id);
    await store.run(
      `INSERT INTO sanction_imports VALUES (?, ?, ?, ?::VARCHAR[], ?, ?, now(), ?, ?, ?, ?, ?)`,
      [
        importId,
        list,
        parsed.format,
        JSON.stringify(read.files),
        read.sha256,
        version,
        base.entities,
        base.names,
        count("added"),
        count("removed"),
        count("changed"),
      ],
    );
    for (const t of [
      "sanction_entities",
      "sanction_names",
      "sanction_identifiers",
      "sanction_birth_dates",
      "sanction_nationalities",
      "sanction_addresses",
    ])
      await store.run(`DELETE FROM ${t} WHERE list = ?`, [list]);
    await appendAll(store, parsed.entities, hashes, importId);
    await store.run(
      `INSERT INTO sanction_entity_versions
       SELECT import_id, list, reference, content_hash, data FROM sanction_entities WHERE list = ?`,
      [list],
    );
    const removed = count("removed");
    if (old.length > 0 && removed > old.length / 2)
      base.warnings.push(
        `${removed} of the ${old.length} stored ${list} entries are not in this file: is it the same list? (the previous version stays stored; sojourn lists diff --list ${list})`,
      );
    if (!firstImport) await appendChanges(store, importId, list, changes);
    return {
      ...base,
      importId,
      unchanged: false,
      added: firstImport ? base.entities : count("added"),
      removed: count("removed"),
      changed: count("changed"),
      changes: firstImport ? [] : changes,
    };
  });
}

type Appender = { appendNull(): void; appendVarchar(v: string): void; endRow(): void };
const orNull = (a: Appender, v: string | null) =>
  v === null ? a.appendNull() : a.appendVarchar(v);

async function appendAll(store: Store, entities: ListEntity[], hashes: string[], importId: number) {
  const ent = await store.conn.createAppender("sanction_entities");
  const names = await store.conn.createAppender("sanction_names");
  const ids = await store.conn.createAppender("sanction_identifiers");
  const dobs = await store.conn.createAppender("sanction_birth_dates");
  const nats = await store.conn.createAppender("sanction_nationalities");
  const adds = await store.conn.createAppender("sanction_addresses");
  entities.forEach((e, i) => {
    ent.appendVarchar(e.list);
    ent.appendVarchar(e.reference);
    ent.appendVarchar(e.kind);
    ent.appendVarchar(e.names[0]?.name ?? "");
    ent.appendList(e.programmes, LIST(VARCHAR));
    orNull(ent, e.listedOn);
    orNull(ent, e.remarks);
    ent.appendBoolean(isDprkRelated(e));
    ent.appendVarchar(hashes[i]!);
    ent.appendBigInt(BigInt(importId));
    ent.appendVarchar(JSON.stringify(e));
    ent.endRow();
    // The child tables: one row per name, document, birth date, nationality and address, each
    // keyed by (list, reference); text columns only, null where the list says nothing.
    const rows = (a: Appender, items: (string | null)[][]) => {
      for (const values of items) {
        a.appendVarchar(e.list);
        a.appendVarchar(e.reference);
        for (const v of values) orNull(a, v);
        a.endRow();
      }
    };
    for (const n of e.names) {
      names.appendVarchar(e.list);
      names.appendVarchar(e.reference);
      names.appendVarchar(n.name);
      names.appendVarchar(n.type);
      orNull(names, n.quality);
      if (e.kind === "person") names.appendList(nameKeys({ full: n.name }), LIST(VARCHAR));
      else names.appendNull();
      names.endRow();
    }
    rows(
      ids,
      e.identifiers.map((d) => [d.type, d.number, d.country, d.label, d.note]),
    );
    rows(
      dobs,
      e.birthDates.map((d) => [d]),
    );
    rows(
      nats,
      e.nationalities.map((c) => [c]),
    );
    rows(
      adds,
      e.addresses.map((a) => [a.text, a.city, a.country]),
    );
  });
  for (const a of [ent, names, ids, dobs, nats, adds]) {
    a.flushSync();
    a.closeSync();
  }
}
