/**
 * `records.port_id` and `records.nationality` are stored as ENUM types, like the closed
 * vocabularies of migration 006 (a VARCHAR value costs DuckDB about five times an ENUM's to
 * write). Their values come from data that changes without a schema change — the gazetteer and
 * the country list — so the type is built here, at ingest, and rebuilt (rare: a new port or
 * country code) when the vocabulary knows a value the type lacks. Values are kept in text
 * order, so sorting by the column is what sorting its text was, and every value already
 * stored stays in the type.
 *
 * The column is altered to the ENUM spelled out, not to the named type: DuckDB cannot replay
 * `ALTER … TYPE <named type>` from its write-ahead log, so a process stopped after the commit
 * and before the next checkpoint would leave a store that no longer opens. Both spellings give
 * the column the same type; the named type stays for the casts in ingest's projection.
 */
import type { Store } from "../db/store.js";
import { sqlString } from "../db/store.js";
import type { Vocabulary, VocabularyKind } from "./vocabulary.js";

const GROWING: { kind: VocabularyKind; column: string; type: string }[] = [
  { kind: "port", column: "port_id", type: "port_code" },
  { kind: "nationality", column: "nationality", type: "nationality_code" },
];

/** DuckDB orders text by its UTF-8 bytes. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Makes each growing column an ENUM that holds every value the vocabulary can write. */
export async function syncStoredVocabulary(store: Store, vocab: Vocabulary): Promise<void> {
  for (const { kind, column, type } of GROWING) {
    const [col] = await store.all<{ t: string }>(
      `SELECT data_type AS t FROM duckdb_columns() WHERE table_name = 'records' AND column_name = '${column}'`,
    );
    const isEnum = col?.t.startsWith("ENUM") ?? false;
    const current = isEnum
      ? ((await store.all<{ v: string[] }>(`SELECT enum_range(NULL::${type})::VARCHAR[] AS v`))[0]
          ?.v ?? [])
      : [];
    const have = new Set(current);
    const wanted = new Set(vocab.entries(kind).map(([, v]) => v));
    if (isEnum && [...wanted].every((v) => have.has(v))) continue;
    for (const v of current) wanted.add(v);
    const stored = await store.all<{ v: string }>(
      `SELECT DISTINCT CAST(${column} AS VARCHAR) AS v FROM records WHERE ${column} IS NOT NULL`,
    );
    for (const { v } of stored) wanted.add(v);
    const values = `(${[...wanted].sort(byBytes).map(sqlString).join(", ")})`;
    if (isEnum) await store.run(`ALTER TABLE records ALTER ${column} TYPE VARCHAR`);
    await store.run(`DROP TYPE IF EXISTS ${type}`);
    await store.run(`CREATE TYPE ${type} AS ENUM ${values}`);
    await store.run(`ALTER TABLE records ALTER ${column} TYPE ENUM ${values}`);
  }
}
