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

/**
 * The crash-safety harness's kill hook (test/crash/kill-harness.ts), inert unless the harness
 * sets SOJOURN_TEST_KILL_AT. With it set to N, the store's Nth statement is preceded by
 * SOJOURN_TEST_KILL_SIGNAL (default SIGKILL) sent to this process, at once or, with
 * SOJOURN_TEST_KILL_DELAY_MS, that many milliseconds later (mid-statement; a process that ends
 * first is not kept alive for it). On close the store prints how many statements it ran, so the
 * harness can draw N within a clean run's count.
 */
export class StatementKillHook {
  private statements = 0;

  private constructor(
    private readonly at: number,
    private readonly signal: NodeJS.Signals,
    private readonly delayMs: number,
  ) {}

  static fromEnv(env: NodeJS.ProcessEnv = process.env): StatementKillHook | undefined {
    const at = Number(env.SOJOURN_TEST_KILL_AT);
    if (!env.SOJOURN_TEST_KILL_AT || !Number.isInteger(at) || at < 0) return undefined;
    const signal = (env.SOJOURN_TEST_KILL_SIGNAL ?? "SIGKILL") as NodeJS.Signals;
    return new StatementKillHook(at, signal, Number(env.SOJOURN_TEST_KILL_DELAY_MS ?? 0) || 0);
  }

  /** Called before each statement. */
  beforeStatement(): void {
    this.statements++;
    if (this.statements !== this.at) return;
    if (this.delayMs <= 0) process.kill(process.pid, this.signal);
    else setTimeout(() => process.kill(process.pid, this.signal), this.delayMs).unref();
  }

  /** Called when the store closes. */
  report(): void {
    process.stderr.write(`sojourn-test-statements ${this.statements}\n`);
  }
}
