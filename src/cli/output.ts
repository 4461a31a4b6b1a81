/**
 * What a command prints depends on where it prints: tables and progress bars on a terminal,
 * nothing but results when piped, and exactly one JSON document with --json.
 */
import cliProgress from "cli-progress";
import type { Command } from "commander";
import {
  parseMemorySize,
  parseThreads,
  resolveDbPath,
  Store,
  type StoreOptions,
} from "../db/store.js";

export function isDebug(argv: string[]): boolean {
  return argv.includes("--debug");
}

/** The global options every command sees. */
export interface GlobalOptions {
  db?: string;
  debug?: boolean;
  memory?: string;
  tempDir?: string;
  threads?: string;
}

export function globalOptions(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}

/**
 * The store's DuckDB settings: `--memory` / `--temp-dir` / `--threads`, else
 * SOJOURN_MEMORY_LIMIT / SOJOURN_TEMP_DIR / SOJOURN_THREADS. Without a memory limit the store
 * gets a share of the machine's memory (src/db/memory-limit.ts); a limit set here is the
 * store's for the whole command: ingest and analyze keep it instead of applying their own caps.
 */
export function storeSettings(cmd: Command, env = process.env): StoreOptions {
  const g = globalOptions(cmd);
  const memory = g.memory ?? (env.SOJOURN_MEMORY_LIMIT || undefined);
  const tempDirectory = g.tempDir ?? (env.SOJOURN_TEMP_DIR || undefined);
  const threads = g.threads ?? (env.SOJOURN_THREADS || undefined);
  const what = (flag: string, name: string) =>
    g[flag as keyof GlobalOptions] !== undefined ? `--${flag}` : name;
  return {
    ...(memory === undefined
      ? {}
      : { memoryLimit: parseMemorySize(memory, what("memory", "SOJOURN_MEMORY_LIMIT")) }),
    ...(tempDirectory === undefined ? {} : { tempDirectory }),
    ...(threads === undefined
      ? {}
      : { threads: parseThreads(threads, what("threads", "SOJOURN_THREADS")) }),
  };
}

/**
 * Opens the store named by --db / SOJOURN_DB / default, runs fn, closes it. With --debug, the
 * store's DuckDB settings go to stderr first (what limit the command runs under, where it spills).
 */
export async function withCommandStore<T>(
  cmd: Command,
  fn: (store: Store) => Promise<T>,
): Promise<T> {
  const g = globalOptions(cmd);
  const store = await Store.open(resolveDbPath(g.db), storeSettings(cmd));
  try {
    if (g.debug) process.stderr.write(`${await describeStoreSettings(store)}\n`);
    return await fn(store);
  } finally {
    store.close();
  }
}

/** One line naming a store's memory limit, spill directory and threads, as DuckDB reads them. */
export async function describeStoreSettings(store: Store): Promise<string> {
  const s = await store.one<{ m: string; d: string; t: bigint }>(
    "SELECT current_setting('memory_limit') AS m, current_setting('temp_directory') AS d, current_setting('threads') AS t",
  );
  const fixed = store.memoryLimit === undefined ? "machine share" : "fixed";
  return `store ${store.path}: memory_limit ${s?.m} (${fixed}), temp_directory ${s?.d}, threads ${s?.t}`;
}

export function printJson(value: unknown): void {
  process.stdout.write(
    `${JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? Number(v) : v))}\n`,
  );
}

export function printLine(line = ""): void {
  process.stdout.write(`${line}\n`);
}

/** Prints rows as an aligned text table (no colours: safe to paste into a case note). */
export function printTable(records: readonly object[], columns?: string[]): void {
  const rows = records as readonly Record<string, unknown>[];
  const cols = columns ?? Object.keys(rows[0] ?? {});
  const cell = (v: unknown): string =>
    v === null || v === undefined
      ? ""
      : v instanceof Date
        ? v.toISOString().slice(0, 10)
        : Array.isArray(v)
          ? v.join(", ")
          : String(v);
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const fmt = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  printLine(fmt(cols));
  printLine(fmt(widths.map((w) => "-".repeat(w))));
  for (const r of rows) printLine(fmt(cols.map((c) => cell(r[c]))));
}

/** A progress reporter: a bar on a terminal (stderr), silent otherwise or with --json. */
export interface Progress {
  /** Whether a bar is drawn (a terminal, no --json): only then is progress worth tracking. */
  readonly visible: boolean;
  start(total: number, label: string): void;
  update(value: number): void;
  stop(): void;
}

export function createProgress(options: { json?: boolean; stream?: NodeJS.WriteStream } = {}) {
  const stream = options.stream ?? process.stderr;
  if (options.json || !stream.isTTY || process.env.CI) {
    return { visible: false, start() {}, update() {}, stop() {} } satisfies Progress;
  }
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "{label} [{bar}] {percentage}% | {duration_formatted}",
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    visible: true,
    start(total: number, label: string) {
      bar.start(total, 0, { label });
    },
    update(value: number) {
      bar.update(Math.round(value));
    },
    stop() {
      bar.stop();
    },
  } satisfies Progress;
}
