import type { SqlRunner } from "../sql-runner.js";

/** A migration is SQL, or code where the change depends on what the store holds. */
export type Migration = { version: number; name: string } & (
  | { sql: string; run?: never }
  | { run: (store: SqlRunner) => Promise<void>; sql?: never }
);

/** A migration that is one SQL script. */
export function sqlMigration(version: number, name: string, sql: string): Migration {
  return { version, name, sql };
}
