/**
 * The lock file a running `sojourn serve` keeps beside its store (`<store>.server.json`): its
 * address and process id. DuckDB lets one process open a store for writing; a command that finds
 * the store taken reads this file to say which server holds it and what to do, instead of
 * DuckDB's "Could not set lock on file".
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";

export interface ServerLock {
  pid: number;
  url: string;
  started_at: string;
}

export function serverLockPath(storePath: string): string {
  return `${storePath}.server.json`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The server holding the store, if its lock file names a live process other than this one. */
export function readServerLock(storePath: string): ServerLock | undefined {
  if (storePath === ":memory:") return undefined;
  let lock: ServerLock;
  try {
    lock = JSON.parse(readFileSync(serverLockPath(storePath), "utf8")) as ServerLock;
  } catch {
    return undefined;
  }
  if (!Number.isInteger(lock.pid) || lock.pid === process.pid || !alive(lock.pid)) return undefined;
  return lock;
}

export function writeServerLock(storePath: string, lock: ServerLock): void {
  if (storePath === ":memory:") return;
  writeFileSync(serverLockPath(storePath), `${JSON.stringify(lock, null, 2)}\n`);
}

export function removeServerLock(storePath: string): void {
  if (storePath === ":memory:") return;
  rmSync(serverLockPath(storePath), { force: true });
}

/** The one line a command prints when a server holds its store. */
export function servedMessage(storePath: string, lock: ServerLock): string {
  return (
    `store ${storePath} is in use by sojourn serve at ${lock.url} (pid ${lock.pid}); ` +
    `use the API there (${lock.url}/api/openapi.json), or stop the server (Ctrl-C in its terminal, ` +
    `or kill ${lock.pid}) and run this command again`
  );
}

/** DuckDB's lock error, as one clear line; undefined for any other error. */
export function lockedMessage(storePath: string, error: Error): string | undefined {
  const m =
    /Could not set lock on file .*?Conflicting lock is held in (.*?)(?: \(PID (\d+)\))?(?:\.|$)/s.exec(
      error.message,
    );
  if (!m && !/Could not set lock on file/.test(error.message)) return undefined;
  const holder = m?.[2] ? `process ${m[2]} (${m[1]})` : "another process";
  return (
    `store ${storePath} is open in ${holder}; DuckDB lets one process write a store at a time: ` +
    `wait for that command to finish (or stop it) and run this one again`
  );
}
