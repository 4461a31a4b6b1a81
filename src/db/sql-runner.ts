/**
 * The part of a store that migrations, crash recovery and table rebuilds use. They take this
 * rather than `Store` because opening a `Store` runs them: with the interface here, store.ts
 * imports them and none of them imports store.ts.
 */
import type { DuckDBValue, JS } from "@duckdb/node-api";

export type Params = DuckDBValue[] | Record<string, DuckDBValue>;
export type Row = Record<string, JS>;

export interface SqlRunner {
  readonly path: string;
  /** Runs statements that return nothing of interest. */
  run(sql: string, params?: Params): Promise<void>;
  /** All rows as plain JS objects (BIGINT → bigint, DATE → Date, etc.). */
  all<T extends object = Row>(sql: string, params?: Params): Promise<T[]>;
  /** Runs `fn` in a transaction: all of it lands, or none of it does. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}
