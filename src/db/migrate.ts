/** Brings a store's schema up to the newest migration, one transaction per migration. */
import { AppError } from "../core/errors.js";
import { MIGRATIONS } from "./migrations/index.js";
import type { Store } from "./store.js";

export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

export async function migrate(store: Store): Promise<number> {
  await store.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
  const rows = await store.all<{ v: number | null }>(
    "SELECT max(version) AS v FROM schema_migrations",
  );
  const current = rows[0]?.v ?? 0;
  if (current > SCHEMA_VERSION) {
    throw new AppError(
      "store",
      `store ${store.path} has schema version ${current}, newer than this sojourn (${SCHEMA_VERSION}); upgrade sojourn`,
    );
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    await store.transaction(async () => {
      await store.run(m.sql);
      await store.run("INSERT INTO schema_migrations VALUES (?, ?, now())", [m.version, m.name]);
    });
  }
  return SCHEMA_VERSION;
}
