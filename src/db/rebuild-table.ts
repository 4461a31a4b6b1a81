/**
 * DuckDB cannot change a column's compression in place: a table whose columns get a method
 * is rebuilt with the same columns, types (named ENUM types kept by name) and NOT NULL
 * constraints, in the same order, and its rows copied in order (or the rows `rows` selects, of
 * the same columns). Runs inside the caller's transaction (a migration's).
 */
import type { SqlRunner } from "./sql-runner.js";

export type Compression = "fsst" | "dictionary" | "bitpacking";

export async function rebuildWithCompression(
  store: SqlRunner,
  table: string,
  methods: Readonly<Record<string, Compression>>,
  enumTypes: Readonly<Record<string, string>> = {},
  rows = `SELECT * FROM ${table}`,
): Promise<void> {
  const columns = await store.all<{ name: string; type: string; nullable: string }>(
    `SELECT column_name AS name, data_type AS type, is_nullable AS nullable
     FROM information_schema.columns
     WHERE table_catalog = current_database() AND table_schema = 'main' AND table_name = '${table}'
     ORDER BY ordinal_position`,
  );
  const defs = columns.map((c) => {
    // information_schema spells an ENUM out in full; the column keeps its named type.
    const type = c.type.startsWith("ENUM(") ? enumTypes[c.name] : c.type;
    if (!type) throw new Error(`${table}.${c.name}: no named type for ${c.type.slice(0, 40)}`);
    const method = methods[c.name];
    return `"${c.name}" ${type}${c.nullable === "NO" ? " NOT NULL" : ""}${method ? ` USING COMPRESSION ${method}` : ""}`;
  });
  const next = `${table}_rebuilt`;
  await store.run(`CREATE TABLE ${next} (${defs.join(", ")})`);
  await store.run(`INSERT INTO ${next} ${rows}`);
  await store.run(`DROP TABLE ${table}`);
  await store.run(`ALTER TABLE ${next} RENAME TO ${table}`);
}
