/**
 * Answers kept between requests until the server's next write: who a session or token belongs
 * to. Every small write the server makes (sessions, tokens, users, reviews, cases, audit, a job's
 * start and end) goes through the context's `write`, which calls `invalidate`; an answer computed
 * while a write ran is handed to its caller but not kept. Concurrent asks for the same key share
 * one computation.
 */

interface Entry {
  value: Promise<unknown>;
  expires: number;
}

/** Most entries kept; past it the oldest go first (sessions of many users). */
const MAX_ENTRIES = 2000;

export class ReadCache {
  private generation = 0;
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The kept answer for `key`, or `compute`'s, kept for at most `ttlMs`. */
  get<T>(key: string, ttlMs: number, compute: () => Promise<T>): Promise<T> {
    const t = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > t) return hit.value as Promise<T>;
    const generation = this.generation;
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { value, expires: t + ttlMs });
    const forget = () => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    };
    value.then(() => {
      if (this.generation !== generation) forget();
    }, forget);
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  /** Forgets every answer: the store changed. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }
}
