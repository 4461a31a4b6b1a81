/**
 * Login throttling: after a number of failed logins within WINDOW_MS — 5 for one user name, 50
 * for one client address (an office behind one address has many users) — each further attempt
 * waits twice as long as the last (1 s, 2 s, 4 s … up to 15 min), answered 429 with
 * Retry-After. A success clears the name's count. The counts are kept in the store (migration
 * 026), so a restart of the server does not give a password guesser a fresh start.
 */
import type { Store } from "../db/store.js";

const FREE_FAILURES: Record<string, number> = { user: 5, addr: 50 };
const DEFAULT_FREE_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const MAX_DELAY_MS = 15 * 60_000;

interface Entry {
  failures: number;
  first: number;
  blockedUntil: number;
}

const KEYS_SQL = `key IN (SELECT unnest(from_json(?, '["VARCHAR"]')))`;

export class LoginThrottle {
  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds to wait before another attempt for these keys, 0 if allowed. */
  async retryAfter(store: Store, keys: readonly string[]): Promise<number> {
    const t = this.now();
    const rows = await store.all<{ blocked_until_ms: bigint }>(
      `SELECT blocked_until_ms FROM login_throttle WHERE ${KEYS_SQL}`,
      [JSON.stringify(keys)],
    );
    const wait = Math.max(0, ...rows.map((r) => Number(r.blocked_until_ms) - t));
    return Math.ceil(wait / 1000);
  }

  /** Counts a failed login against each key (on the write connection). */
  async fail(store: Store, keys: readonly string[]): Promise<void> {
    const t = this.now();
    await store.run("DELETE FROM login_throttle WHERE first_ms < ? AND blocked_until_ms < ?", [
      t - WINDOW_MS,
      t,
    ]);
    for (const key of keys) {
      const row = await store.one<{ failures: number; first_ms: bigint; blocked_until_ms: bigint }>(
        "SELECT failures, first_ms, blocked_until_ms FROM login_throttle WHERE key = ?",
        [key],
      );
      const e = nextEntry(
        row
          ? {
              failures: row.failures,
              first: Number(row.first_ms),
              blockedUntil: Number(row.blocked_until_ms),
            }
          : undefined,
        key,
        t,
      );
      await store.run(
        `INSERT INTO login_throttle VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET
           failures = excluded.failures, first_ms = excluded.first_ms,
           blocked_until_ms = excluded.blocked_until_ms`,
        [key, e.failures, e.first, e.blockedUntil],
      );
    }
  }

  /** Clears the counts of these keys after a successful login. */
  async succeed(store: Store, keys: readonly string[]): Promise<void> {
    await store.run(`DELETE FROM login_throttle WHERE ${KEYS_SQL}`, [JSON.stringify(keys)]);
  }
}

/** A key's count after one more failure at time t. */
function nextEntry(previous: Entry | undefined, key: string, t: number): Entry {
  const e =
    !previous || t - previous.first > WINDOW_MS
      ? { failures: 0, first: t, blockedUntil: 0 }
      : { ...previous };
  e.failures++;
  const free = FREE_FAILURES[key.split(":")[0] ?? ""] ?? DEFAULT_FREE_FAILURES;
  if (e.failures >= free)
    e.blockedUntil = t + Math.min(MAX_DELAY_MS, 1000 * 2 ** (e.failures - free));
  return e;
}
