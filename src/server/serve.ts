/**
 * Starting and stopping the server: the process opens the store once (DuckDB lets one process
 * write a store), gives reads a few connections of their own and jobs another, writes a lock
 * file beside the store naming its address (src/db/server-lock.ts), and removes it on stop.
 */
import { mkdirSync } from "node:fs";
import { type AddressInfo, isIP } from "node:net";
import { dirname, join, resolve } from "node:path";
import { type ServerType, serve } from "@hono/node-server";
import { removeServerLock, writeServerLock } from "../db/server-lock.js";
import { Store, type StoreOptions } from "../db/store.js";
import { ensureReadTables, READ_TABLES_BUILT } from "../read/read-tables.js";
import { decoyHash } from "../users/password.js";
import { createApp } from "./app.js";
import {
  Serial,
  type ServerContext,
  type ServerOptions,
  StorePool,
  type WriteScope,
} from "./context.js";
import { type JobKind, JobRunner } from "./jobs.js";
import { KeptViews } from "./kept-views.js";
import { ReadCache } from "./read-cache.js";
import { ANSWER_KINDS, ResponseCache } from "./response-cache.js";
import { ScreeningCache } from "./screening-cache.js";
import { ThreadBudget } from "./thread-budget.js";
import { LoginThrottle } from "./throttle.js";

export const READ_CONNECTIONS = 4;
/**
 * How old a whole-store view may be served while it is recomputed: jobs refresh the views
 * themselves; this only bounds how long a change by another process goes unseen.
 */
const VIEW_AGE_MS = 10 * 60_000;
/** How long an idle kept-alive connection stays open. */
const KEEP_ALIVE_MS = 65_000;
/** How long a stopping server lets requests under way finish. */
const GRACE_MS = 2000;

export interface StartOptions extends Partial<ServerOptions> {
  port?: number;
  host?: string;
  /** DuckDB settings for the store (the CLI passes --memory / --threads or their variables). */
  store?: StoreOptions;
}

export interface RunningServer {
  url: string;
  ctx: ServerContext;
  app: ReturnType<typeof createApp>;
  /** Resolves when the first pages' answers are computed (the server answers before that). */
  warmed: Promise<void>;
  stop(): Promise<void>;
}

export function defaultFilesDir(storePath: string): string {
  return storePath === ":memory:"
    ? join(process.cwd(), "sojourn-files")
    : join(dirname(resolve(storePath)), `${resolve(storePath).split(/[\\/]/).pop()}.files`);
}

/** Builds the context over an open store (tests use it with an in-memory store). */
export async function createContext(
  store: Store,
  options: Partial<ServerOptions> = {},
): Promise<ServerContext> {
  // Built here, before any read: reads on several connections must not race to build them.
  await ensureReadTables(store);
  const serial = new Serial();
  const cache = new ReadCache();
  const views = new KeptViews(VIEW_AGE_MS);
  const responses = new ResponseCache();
  const write = <T>(fn: (s: Store) => Promise<T>, scope: WriteScope = "data") =>
    serial.run(async () => {
      const forget = () => {
        cache.invalidate();
        if (scope === "data") responses.invalidate();
      };
      forget();
      try {
        return await fn(store);
      } finally {
        forget();
      }
    });
  const reads = new StorePool(
    await Promise.all(
      Array.from({ length: READ_CONNECTIONS }, async () => {
        const s = await store.connect({ keepPrepared: true, vouched: [READ_TABLES_BUILT] });
        // A page is at most 500 rows (+1 to know there is more): DuckDB then sorts on the sort
        // keys alone and fetches the other columns of the page's rows only (late
        // materialization). The setting belongs to the connection.
        await s.run("SET late_materialization_max_rows = 501");
        return s;
      }),
    ),
  );
  const viewReads = new StorePool([await store.connect({ vouched: [READ_TABLES_BUILT] })]);
  const threads = await ThreadBudget.of(await store.connect());
  // Off the event loop: an ingest's or analyze's statements run for seconds at 10M records.
  const jobStore = await store.connect({ offEventLoop: true });
  await JobRunner.closeStale(store);
  const full: ServerOptions = {
    sessionHours: options.sessionHours ?? 12,
    unmaskHours: options.unmaskHours ?? 8,
    secureCookies: options.secureCookies ?? false,
    maxUploadBytes: options.maxUploadBytes ?? 20 * 1024 ** 3,
    filesDir: options.filesDir ?? defaultFilesDir(store.path),
  };
  mkdirSync(full.filesDir, { recursive: true });
  const ctx: ServerContext = {
    store,
    write,
    reads,
    viewReads,
    threads,
    warmers: [],
    jobs: new JobRunner(
      jobStore,
      // A job's own rows (queued, running, done) change no kept answer; what the job wrote is
      // accounted for by refreshAfterJob.
      (fn) => write(fn, "access"),
      (fn) => reads.use(fn),
      (kind) => refreshAfterJob(ctx, kind),
      (kind, fn) => (NARROW_JOBS.includes(kind) ? threads.narrow(fn) : threads.wide(fn)),
    ),
    close() {
      reads.close();
      viewReads.close();
      jobStore.close();
      threads.close();
    },
    throttle: new LoginThrottle(),
    screening: new ScreeningCache(),
    cache,
    responses,
    views,
    options: full,
    decoyHash: await decoyHash(),
  };
  return ctx;
}

/**
 * Jobs that run, with the views' refresh after them, on one DuckDB thread (thread-budget.ts),
 * so that no read's tasks queue behind theirs: an ingest or an evidence source is added while
 * users browse, and browsing shows nothing of it until the next analyze. Analyze, list import
 * and re-screening rewrite the alerts and take every thread.
 */
const NARROW_JOBS: readonly JobKind[] = ["ingest", "evidence-add"];

/**
 * Jobs after which the browsing reads show what they showed before: an ingest adds records,
 * which browsing shows only once the next analyze has written them into the read tables; an
 * evidence source adds claims, which no browsing read shows.
 */
const BROWSING_UNCHANGED: readonly JobKind[] = ["ingest", "evidence-add"];

/**
 * After a job wrote the store and before it is reported done: the kept views recomputed (on
 * their own connection), the kept answers the job changed forgotten, and the first pages'
 * answers computed again, so the next user finds them kept.
 */
async function refreshAfterJob(ctx: ServerContext, kind: JobKind): Promise<void> {
  await ctx.views.refresh();
  ctx.responses.invalidate(BROWSING_UNCHANGED.includes(kind) ? ["view"] : ANSWER_KINDS);
  await warmAnswers(ctx);
}

/**
 * Computes the answers the routes declare warm, then the screening index (the lists page
 * screens a name on opening; at 10M records building the index took that page's first ask
 * past 300 ms); a failure is left to the first request.
 */
export async function warmAnswers(ctx: ServerContext): Promise<void> {
  for (const warm of ctx.warmers) await warm().catch(() => undefined);
  await ctx.screening.get((fn) => ctx.viewReads.use(fn)).catch(() => undefined);
}

export async function startServer(
  storePath: string,
  options: StartOptions = {},
): Promise<RunningServer> {
  const store = await Store.open(storePath, options.store);
  const ctx = await createContext(store, options);
  const app = createApp(ctx);
  const host = options.host ?? "127.0.0.1";
  const server: ServerType = await new Promise((ok, fail) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: host }, () => ok(s));
    s.once("error", fail);
  });
  if ("keepAliveTimeout" in server) {
    // An idle kept-alive connection is closed when its timer fires, even with a request waiting
    // on it unread: after the event loop was busy for longer than the timeout (a case export
    // renders its report on it; a loaded machine stretches that), the timer fires before the
    // read, and a client that reused the connection gets ECONNRESET. Node's 5 s is too short
    // for that; clients give up an idle connection well before this.
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.headersTimeout = KEEP_ALIVE_MS + 1000;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
  writeServerLock(storePath, { pid: process.pid, url, started_at: new Date().toISOString() });
  const warming = ctx.threads.wide(() => warmAnswers(ctx));
  let stopped = false;
  return {
    url,
    ctx,
    app,
    warmed: warming,
    async stop() {
      if (stopped) return;
      stopped = true;
      await new Promise<void>((ok) => {
        // Requests under way get a grace period; idle keep-alive connections and any left
        // after it (such as one whose body was refused unread) are closed.
        const force = setTimeout(() => {
          if ("closeAllConnections" in server) server.closeAllConnections();
        }, GRACE_MS);
        server.close(() => {
          clearTimeout(force);
          ok();
        });
        if ("closeIdleConnections" in server) server.closeIdleConnections();
      });
      await warming;
      await ctx.jobs.idle();
      ctx.close();
      store.close();
      removeServerLock(storePath);
    },
  };
}
