/**
 * Login throttling: after a number of failed logins within WINDOW_MS — 5 for one user name, 50
 * for one client address (an office behind one address has many users) — each further attempt
 * waits twice as long as the last (1 s, 2 s, 4 s … up to 15 min), answered 429 with
 * Retry-After. A success clears the name's count. Kept in the server's memory: a restart forgets
 * it, which costs an attacker a restart they cannot cause.
 */
const FREE_FAILURES: Record<string, number> = { user: 5, addr: 50 };
const DEFAULT_FREE_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const MAX_DELAY_MS = 15 * 60_000;

interface Entry {
  failures: number;
  first: number;
  blockedUntil: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds to wait before another attempt for these keys, 0 if allowed. */
  retryAfter(keys: readonly string[]): number {
    const t = this.now();
    let wait = 0;
    for (const k of keys) {
      const e = this.entries.get(k);
      if (e && e.blockedUntil > t) wait = Math.max(wait, e.blockedUntil - t);
    }
    return Math.ceil(wait / 1000);
  }

  fail(keys: readonly string[]): void {
    const t = this.now();
    for (const k of keys) {
      let e = this.entries.get(k);
      if (!e || t - e.first > WINDOW_MS) e = { failures: 0, first: t, blockedUntil: 0 };
      e.failures++;
      const free = FREE_FAILURES[k.split(":")[0] ?? ""] ?? DEFAULT_FREE_FAILURES;
      if (e.failures >= free)
        e.blockedUntil = t + Math.min(MAX_DELAY_MS, 1000 * 2 ** (e.failures - free));
      this.entries.set(k, e);
    }
    if (this.entries.size > 100_000) this.prune(t);
  }

  succeed(keys: readonly string[]): void {
    for (const k of keys) this.entries.delete(k);
  }

  private prune(t: number): void {
    for (const [k, e] of this.entries)
      if (t - e.first > WINDOW_MS && e.blockedUntil < t) this.entries.delete(k);
  }
}
