/** Test helpers: a fresh real DuckDB store per test (no mocks), temp dirs, and the CLI. */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Store } from "../../src/db/store.js";
import { repoRoot } from "../../src/repo-root.js";

export async function withDb<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await Store.open(":memory:");
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

export function tempDir(prefix = "sojourn-test-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The compiled CLI entry point (tests run from dist/). */
export function cliPath(): string {
  return join(repoRoot(), "dist", "src", "cli", "main.js");
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** The child's environment: the test runner's own variables would make a child node
 * process report to the runner instead of running normally. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra, TZ: "UTC" };
  delete env.NODE_TEST_CONTEXT;
  return env;
}

export function runCli(args: string[], env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [cliPath(), ...args], {
    encoding: "utf8",
    env: childEnv(env),
    maxBuffer: 1 << 26,
  });
  if (r.error) throw r.error;
  return {
    status: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr + (r.signal ? `\n(killed by ${r.signal})` : ""),
  };
}

export function spawnCli(args: string[]) {
  return spawn(process.execPath, [cliPath(), ...args], { env: childEnv() });
}

export const HEADER = "record_id,crossed_at,direction,port,nationality,doc_number";

/** Runs the CLI, fails the test unless it exits 0, and returns its stdout. */
export function cliOk(args: string[]): string {
  const r = runCli(args);
  assert.equal(r.status, 0, `sojourn ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

/** Rows of `sql` (JSON-safe) from the store file `db`, opened and closed around the query. */
export async function queryDb<T extends object>(db: string, sql: string): Promise<T[]> {
  const store = await Store.open(db);
  try {
    return await store.json<T>(sql);
  } finally {
    store.close();
  }
}
