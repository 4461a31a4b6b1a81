/**
 * What every route gets: the store's connections and the server's services. One DuckDB
 * instance in the process; small writes (sessions, audit, reviews, cases) go one at a time
 * through `write`, reads take a connection of their own from `reads`, and jobs write on a
 * connection of their own (jobs.ts), so reads go on while a job runs. Every write empties the
 * read cache (credentials), and every write of data (all but `"access"` writes) the kept
 * answers of the browsing reads (response-cache.ts); the whole-store views are recomputed, on a
 * connection of their own, when a job has written (kept-views.ts).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { performance } from "node:perf_hooks";
import { type AuditInput, appendAudit } from "../audit/audit-log.js";
import type { Store } from "../db/store.js";
import type { JobRunner } from "./jobs.js";
import type { KeptViews } from "./kept-views.js";
import type { ReadCache } from "./read-cache.js";
import type { ResponseCache } from "./response-cache.js";
import type { ScreeningCache } from "./screening-cache.js";
import type { ThreadBudget } from "./thread-budget.js";
import type { LoginThrottle } from "./throttle.js";

/** Runs async functions one after another. */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/**
 * Where a request's time went on the read connections, for its `Server-Timing` header: waiting
 * for a free connection, and holding one (DuckDB's time and the await hops between statements).
 */
export interface ReadTiming {
  waitMs: number;
  dbMs: number;
}

/**
 * A fixed set of read connections; a caller waits for a free one, first come first served.
 * The time each caller waits and holds a connection is added to the request's `ReadTiming`
 * (`measure`), carried by async context so read functions need not pass it along.
 */
export class StorePool {
  private readonly free: Store[];
  private readonly waiting: ((s: Store) => void)[] = [];
  private readonly timing = new AsyncLocalStorage<ReadTiming>();
  constructor(readonly stores: readonly Store[]) {
    this.free = [...stores];
  }
  async use<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    const t0 = performance.now();
    const store =
      this.free.pop() ?? (await new Promise<Store>((resolve) => this.waiting.push(resolve)));
    const t1 = performance.now();
    try {
      return await fn(store);
    } finally {
      const timing = this.timing.getStore();
      if (timing) {
        timing.waitMs += t1 - t0;
        timing.dbMs += performance.now() - t1;
      }
      const next = this.waiting.shift();
      if (next) next(store);
      else this.free.push(store);
    }
  }
  /** Runs `fn` (a request) adding the time its reads wait and hold connections to `timing`. */
  measure<T>(timing: ReadTiming, fn: () => Promise<T>): Promise<T> {
    return this.timing.run(timing, fn);
  }
  close(): void {
    for (const s of this.stores) s.close();
  }
}

export interface ServerOptions {
  /** Hours a login session lasts. */
  sessionHours: number;
  /** Hours an unmask grant lasts. */
  unmaskHours: number;
  /** Marks cookies Secure (behind TLS). */
  secureCookies: boolean;
  /** Largest upload, in bytes. */
  maxUploadBytes: number;
  /** Where uploads and exports are kept. */
  filesDir: string;
}

/**
 * What a write changes: `data` (reviews, cases, jobs: what the reads show) or only `access`
 * (sessions, tokens, unmask grants, throttle counts and their audit entries), which leaves the
 * kept answers of the browsing reads in place.
 */
export type WriteScope = "data" | "access";

export interface ServerContext {
  /** The connection for small writes; use only through `write`. */
  store: Store;
  write: <T>(fn: (store: Store) => Promise<T>, scope?: WriteScope) => Promise<T>;
  reads: StorePool;
  /**
   * The connection for whole-store computations (the kept views, the screening index): a scan
   * of seconds there never holds a connection that browsing reads wait for.
   */
  viewReads: StorePool;
  /** DuckDB's threads: one for the browsing reads, all for jobs and views (thread-budget.ts). */
  threads: ThreadBudget;
  /** Computes and keeps the first pages' answers (json-route.ts `warm`), one after another. */
  warmers: (() => Promise<void>)[];
  jobs: JobRunner;
  throttle: LoginThrottle;
  screening: ScreeningCache;
  /** Answers kept until the next write: who a session or token belongs to (read-cache.ts). */
  cache: ReadCache;
  /** Masked answers of the browsing reads, as JSON text, kept until a data write. */
  responses: ResponseCache;
  /** Whole-store views, recomputed when a job has written the store (kept-views.ts). */
  views: KeptViews;
  options: ServerOptions;
  /** Closes the read and job connections (not `store`). */
  close(): void;
  /** Verified against when a login names no user (password.ts). */
  decoyHash: string;
}

/**
 * A write and the audit entry that records it, in one transaction on the write connection: the
 * entry lands exactly when the change does. `entry` sees the write's result.
 */
export function writeAudited<T>(
  ctx: ServerContext,
  write: (store: Store) => Promise<T>,
  entry: (result: T) => AuditInput,
  scope: WriteScope = "data",
): Promise<T> {
  return ctx.write(
    (s) =>
      s.transaction(async () => {
        const result = await write(s);
        await appendAudit(s, entry(result));
        return result;
      }),
    scope,
  );
}

/**
 * A read over the whole store (the overview, the cohorts, the network), kept until a job writes
 * the store (ctx.views).
 */
export function kept<T>(
  ctx: ServerContext,
  key: string,
  read: (store: Store) => Promise<T>,
): Promise<T> {
  return ctx.views.get(key, () => ctx.threads.wide(() => ctx.viewReads.use(read)));
}
