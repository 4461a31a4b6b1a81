/**
 * Port spellings mapped to a gazetteer port and kept in the store (`sojourn ports alias`): the
 * store-wide counterpart of a mapping file's `values.port`. Ingest reads them with the mapping
 * file's (which wins where both name a spelling); adding one also gives records already loaded
 * under that spelling its port, so a monitor maps an unknown port once, after the ingest that
 * listed it, without loading the file again.
 */
import { AppError } from "../core/errors.js";
import type { Store } from "../db/store.js";
import type { Gazetteer } from "../gazetteer/load-gazetteer.js";
import type { Mapping } from "./mapping.js";
import { Vocabulary } from "./vocabulary.js";

/** How ingest looks a written value up: trimmed and lower-cased. */
const key = (s: string) => s.trim().toLowerCase();

/** Stored aliases, as a mapping file's `values.port` table (written spelling → port id). */
export async function storedPortAliases(store: Store): Promise<Record<string, string>> {
  const rows = await store.all<{ written: string; port_id: string }>(
    "SELECT written, port_id FROM port_aliases ORDER BY spelling",
  );
  return Object.fromEntries(rows.map((r) => [r.written, r.port_id]));
}

export interface AddedAlias {
  spelling: string;
  port_id: string;
  /** Records loaded under the spelling with no port that now have it. */
  records: number;
}

/**
 * Maps `spelling` to `port` (a gazetteer port id or any name the gazetteer knows for one),
 * replacing an earlier alias of the same spelling, and gives the records already loaded under
 * it with no port that port. A spelling the gazetteer already resolves is refused: the alias
 * would change what it means for every later ingest.
 */
export async function addPortAlias(
  store: Store,
  gazetteer: Gazetteer,
  spelling: string,
  port: string,
): Promise<AddedAlias> {
  const written = spelling.trim();
  if (written === "") throw new AppError("usage", "ports alias: the spelling is empty");
  const vocab = new Vocabulary(gazetteer);
  const ids = new Set(gazetteer.ports.map((p) => p.id));
  const portId = ids.has(port) ? port : vocab.map("port", port);
  if (portId === null)
    throw new AppError(
      "usage",
      `ports alias: "${port}" is not a port the gazetteer knows; expected a port id from sojourn ports (e.g. cn-jl-tumen-namyang-rail) or one of its names`,
    );
  const known = vocab.map("port", written);
  if (known !== null)
    throw new AppError(
      "usage",
      `ports alias: "${written}" is already a name of ${known} in the gazetteer (data/gazetteer/aliases.csv); expected a spelling it does not know`,
    );
  let records = 0;
  await store.transaction(async () => {
    await store.run(
      "INSERT OR REPLACE INTO port_aliases (spelling, written, port_id) VALUES (?, ?, ?)",
      [key(written), written, portId],
    );
    const row = await store.one<{ n: bigint }>(
      `SELECT count(*) AS n FROM records
       WHERE port_id IS NULL AND lower(trim(port_raw)) = ?`,
      [key(written)],
    );
    records = Number(row?.n ?? 0);
    if (records > 0)
      await store.run(
        `UPDATE records SET port_id = ?
         WHERE port_id IS NULL AND lower(trim(port_raw)) = ?`,
        [portId, key(written)],
      );
  });
  return { spelling: written, port_id: portId, records };
}

/** A mapping with the stored aliases added to its port values (the file's win where both name a spelling). */
export async function withStoredPortAliases(
  store: Store,
  mapping: Mapping | undefined,
): Promise<Mapping | undefined> {
  const stored = await storedPortAliases(store);
  if (Object.keys(stored).length === 0) return mapping;
  const values = mapping?.values ?? {};
  return {
    columns: mapping?.columns ?? new Map(),
    values: { ...values, port: { ...stored, ...values.port } },
  };
}
