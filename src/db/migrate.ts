/** Brings a store's schema up to date: every migration it has not had yet, in version order,
 * one transaction each. Applied versions are recorded, so a migration merged later with a
 * lower number than one already applied is still applied. */
import { AppError } from "../core/errors.js";
import { MIGRATIONS } from "./migrations/index.js";
import type { SqlRunner } from "./sql-runner.js";

export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

export async function migrate(store: SqlRunner): Promise<number> {
  await store.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
  const applied = new Set(
    (await store.all<{ version: number }>("SELECT version FROM schema_migrations")).map(
      (r) => r.version,
    ),
  );
  const known = new Set(MIGRATIONS.map((m) => m.version));
  const unknown = [...applied].filter((v) => !known.has(v));
  if (unknown.length > 0) {
    throw new AppError(
      "store",
      `store ${store.path} has schema version ${Math.max(...unknown)}, which this sojourn does not know (it knows up to ${SCHEMA_VERSION}); upgrade sojourn`,
    );
  }
  const pending = [...MIGRATIONS].filter((m) => !applied.has(m.version));
  for (const m of pending.sort((a, b) => a.version - b.version)) {
    await store.transaction(async () => {
      if (m.run) await m.run(store);
      else await store.run(m.sql);
      await store.run("INSERT INTO schema_migrations VALUES (?, ?, now())", [m.version, m.name]);
    });
  }
  // Schema changes go to the database file at once rather than waiting in the write-ahead log
  // for the next checkpoint: a store then never depends on DuckDB replaying DDL.
  if (pending.length > 0) await store.run("CHECKPOINT");
  return SCHEMA_VERSION;
}
