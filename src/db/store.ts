/**
 * The embedded store: one DuckDB file. Resolution order for its path is `--db PATH`, then the
 * SOJOURN_DB environment variable, then ./sojourn.duckdb. Opening a store runs any pending
 * schema migrations, each in its own transaction, so a store is at one version or the next.
 */
import { setTimeout as sleep, setImmediate as yieldToEventLoop } from "node:timers/promises";
import {
  type DuckDBConnection,
  DuckDBInstance,
  DuckDBPendingResultState,
  type DuckDBPreparedStatement,
  type DuckDBResultReader,
} from "@duckdb/node-api";
import { AppError } from "../core/errors.js";
import { defaultMemoryLimitMb, spillDirectory } from "./memory-limit.js";
import { migrate } from "./migrate.js";
import { discardInterruptedRuns } from "./recover.js";
import { lockedMessage, readServerLock, servedMessage } from "./server-lock.js";
import { type Params, type Row, type SqlRunner, StatementKillHook } from "./sql-runner.js";

export type { Params, Row };

export const DEFAULT_DB_PATH = "./sojourn.duckdb";

export function resolveDbPath(option: string | undefined, env = process.env): string {
  return option ?? env.SOJOURN_DB ?? DEFAULT_DB_PATH;
}

export interface StoreOptions {
  /** Run pending migrations and drop interrupted runs' rows (default true). */
  migrate?: boolean;
  /** DuckDB worker threads (default: all cores). */
  threads?: number;
  /**
   * DuckDB's memory limit for the whole store, as text such as '3GB' or '2500MB'
   * (parseMemorySize); analyze then keeps it instead of raising its cap for a step. Without
   * it the store gets `defaultMemoryLimitMb()` MiB, a share of the machine's memory.
   */
  memoryLimit?: string;
  /** Where DuckDB spills past the limit (default `<store>.tmp` beside the store file). */
  tempDirectory?: string;
}

/**
 * A memory size as DuckDB takes it ('3GB', '2.5GiB', '2500MB'), checked; `what` names the
 * setting in the error.
 */
export function parseMemorySize(text: string, what: string): string {
  const value = text.trim();
  if (!/^[0-9]+(\.[0-9]+)?\s*[KMGT]i?B$/i.test(value))
    throw new AppError(
      "usage",
      `${what} ${JSON.stringify(text)}: expected a size such as 3GB, 2.5GiB or 2500MB`,
    );
  return value;
}

/** Threads as a positive whole number, checked; `what` names the setting in the error. */
export function parseThreads(text: string, what: string): number {
  if (!/^[1-9][0-9]*$/.test(text.trim()))
    throw new AppError("usage", `${what} ${JSON.stringify(text)}: expected a whole number ≥ 1`);
  return Number(text.trim());
}

/** Most prepared statements a connection keeps (`connect({ keepPrepared: true })`). */
const KEPT_STATEMENTS = 256;

/** What a connection from `Store.connect` is for, beyond the database it shares. */
export interface ConnectOptions {
  /** Keep statements with parameters prepared (see `connect`). */
  keepPrepared?: boolean;
  /**
   * `runPolled` runs as `run` does: DuckDB's own threads do the work and the event loop stays
   * free. For a server's jobs, whose requests must go on while a statement of seconds runs.
   */
  offEventLoop?: boolean;
  /**
   * Facts the opener vouches for while the connection lives (`vouches`), so reads skip
   * checking them: the server builds the read tables before it opens its read connections.
   */
  vouched?: readonly string[];
}

/** A connection with the few helpers every layer needs; the raw connection stays reachable. */
export class Store implements SqlRunner {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly conn: DuckDBConnection,
    /** False for a connection from `connect`: closing it leaves the database open. */
    private readonly ownsInstance = true,
    /** The memory limit the store was opened with (StoreOptions.memoryLimit), if any. */
    readonly memoryLimit?: string,
    /** The crash-safety harness's hook, shared by the store's connections (unset in use). */
    private readonly killHook = StatementKillHook.fromEnv(),
    /** Prepared statements by their SQL, most recently used last (`connect`'s keepPrepared). */
    private readonly prepared: Map<string, DuckDBPreparedStatement> | null = null,
    private readonly connectOptions: Omit<ConnectOptions, "keepPrepared"> = {},
  ) {}

  static async open(path: string, options: StoreOptions = {}): Promise<Store> {
    // A running `sojourn serve` holds the store: say so before DuckDB refuses the lock.
    const served = readServerLock(path);
    if (served) throw new AppError("store", servedMessage(path, served));
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path);
    } catch (err) {
      const locked = lockedMessage(path, err as Error);
      throw new AppError(
        "store",
        locked ?? `cannot open store ${path}: ${(err as Error).message.split("\n")[0]}`,
        { cause: err },
      );
    }
    const conn = await instance.connect();
    // Pinned so that TIMESTAMPTZ values print and cast the same on every machine.
    await conn.run("SET TimeZone = 'UTC'");
    // DuckDB's progress printing stays off; a command that draws a progress bar turns
    // tracking on (`trackProgress`).
    await conn.run("SET enable_progress_bar_print = false");
    // Threads: DuckDB's default (all cores) unless given. Memory: a share of the machine's
    // unless given, so that every command spills rather than growing to DuckDB's default of
    // 80 % of RAM; the edges (CLI, server) read both from flags or the environment.
    if (options.threads !== undefined) await conn.run(`SET threads = ${options.threads}`);
    const memoryLimit =
      options.memoryLimit === undefined
        ? undefined
        : parseMemorySize(options.memoryLimit, "memory limit");
    await conn.run(`SET memory_limit = '${memoryLimit ?? `${defaultMemoryLimitMb()}MiB`}'`);
    const spill = spillDirectory(path, options.tempDirectory);
    if (spill !== undefined) await conn.run(`SET temp_directory = ${sqlString(spill)}`);
    const store = new Store(path, instance, conn, true, memoryLimit);
    if (options.migrate !== false) {
      await migrate(store);
      await discardInterruptedRuns(store);
    }
    return store;
  }

  /**
   * Another connection to the same database, with its own transactions and temporary tables
   * (the server reads on some while a job writes on another). Closing it leaves the database open.
   * With `keepPrepared`, a statement with parameters (`all`, `json`, `one`) is prepared once and
   * kept: a point read then skips DuckDB's parse, bind and plan (most of its CPU on a sorted
   * read table) and one of its round trips to a worker thread. DuckDB prepares a kept statement
   * again by itself when a table it reads is replaced.
   */
  async connect(options: ConnectOptions = {}): Promise<Store> {
    const conn = await this.instance.connect();
    await conn.run("SET TimeZone = 'UTC'");
    const { keepPrepared, ...rest } = options;
    return new Store(
      this.path,
      this.instance,
      conn,
      false,
      this.memoryLimit,
      this.killHook,
      keepPrepared ? new Map() : null,
      rest,
    );
  }

  /** Whether the opener of this connection vouched for `fact` (ConnectOptions.vouched). */
  vouches(fact: string): boolean {
    return this.connectOptions.vouched?.includes(fact) ?? false;
  }

  /** Runs statements that return nothing of interest. */
  async run(sql: string, params?: Params): Promise<void> {
    this.killHook?.beforeStatement();
    await this.conn.run(sql, params);
  }

  /**
   * Runs one statement with this thread handing DuckDB its tasks, for the heavy statements.
   * `run` gives the statement to a libuv thread (duckdb_query), which asks for work again and
   * again without pausing while another thread finishes a pipeline's last task; on a busy
   * 2-core machine that spinning is most of the CPU of analyze's 10M-row stays insert (24–29
   * CPU-s, against 10.6–14.9 polled). Here a turn with no task pauses 1 ms, and other turns only
   * yield to the event loop, so reading a file alongside (ingest's hash) goes on. A task runs
   * on the event loop, though, for as long as it takes (up to seconds at 10M rows): a server's
   * job connection (`offEventLoop`) runs the statement as `run` does.
   */
  async runPolled(sql: string): Promise<void> {
    if (this.connectOptions.offEventLoop) return this.run(sql);
    this.killHook?.beforeStatement();
    const pending = await this.conn.start(sql);
    for (;;) {
      const state = pending.runTask();
      if (state === DuckDBPendingResultState.RESULT_READY) break;
      if (state === DuckDBPendingResultState.NO_TASKS_AVAILABLE) await sleep(1);
      else await yieldToEventLoop();
    }
    await pending.getResult();
  }

  /** All rows as plain JS objects (BIGINT → bigint, DATE → Date, etc.). */
  async all<T extends object = Row>(sql: string, params?: Params): Promise<T[]> {
    this.killHook?.beforeStatement();
    const reader = await this.readAll(sql, params);
    return reader.getRowObjectsJS() as T[];
  }

  /** Rows as JSON-safe objects (bigints and dates become numbers/strings). */
  async json<T extends object = Record<string, unknown>>(
    sql: string,
    params?: Params,
  ): Promise<T[]> {
    this.killHook?.beforeStatement();
    const reader = await this.readAll(sql, params);
    return reader.getRowObjectsJson() as T[];
  }

  /** Runs a statement and reads its rows, on a kept prepared statement when there is one. */
  private async readAll(sql: string, params?: Params): Promise<DuckDBResultReader> {
    if (!this.prepared || params === undefined) return this.conn.runAndReadAll(sql, params);
    let statement = this.prepared.get(sql);
    if (statement) this.prepared.delete(sql);
    else {
      // Several statements in one text cannot be prepared: run them as they are.
      statement = await this.conn.prepare(sql).catch(() => undefined);
      if (!statement) return this.conn.runAndReadAll(sql, params);
    }
    this.prepared.set(sql, statement);
    for (const [oldest, s] of this.prepared) {
      if (this.prepared.size <= KEPT_STATEMENTS) break;
      this.prepared.delete(oldest);
      s.destroySync();
    }
    statement.bind(params);
    return statement.runAndReadAll();
  }

  async one<T extends object = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /**
   * Query progress (`conn.progress`) for a progress bar. Off unless a bar is drawn: with it on,
   * DuckDB recomputes every pipeline's progress each time a thread asks for work: a third of
   * the CPU of a 10M-row insert on a busy machine (perf: Pipeline::GetProgress).
   */
  async trackProgress(on: boolean): Promise<void> {
    await this.conn.run(`SET enable_progress_bar = ${on}`);
  }

  /**
   * Runs `fn`, then the statement `cleanup` (dropping a scratch table, restoring a setting),
   * whether or not `fn` failed. When `fn` failed, an error of the cleanup is dropped and
   * `fn`'s is thrown: inside a transaction that `fn`'s error aborted, every statement fails
   * with "Current transaction is aborted", which would hide the error that matters (an out of
   * memory error, say, that analyze retries with more memory), and the rollback undoes what
   * the cleanup would have.
   */
  async withCleanup<T>(fn: () => Promise<T>, cleanup: string): Promise<T> {
    let result: T;
    try {
      result = await fn();
    } catch (err) {
      await this.run(cleanup).catch(() => undefined);
      throw err;
    }
    await this.run(cleanup);
    return result;
  }

  /** Runs `fn` in a transaction: all of it lands, or none of it does. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    this.killHook?.beforeStatement();
    await this.conn.run("BEGIN TRANSACTION");
    try {
      const result = await fn();
      this.killHook?.beforeStatement();
      await this.conn.run("COMMIT");
      return result;
    } catch (err) {
      await this.conn.run("ROLLBACK").catch(() => undefined);
      throw err;
    }
  }

  close(): void {
    for (const s of this.prepared?.values() ?? []) s.destroySync();
    this.prepared?.clear();
    this.conn.closeSync();
    if (this.ownsInstance) {
      this.instance.closeSync();
      this.killHook?.report();
    }
  }
}

/** Quotes an SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Quotes an SQL identifier. */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
