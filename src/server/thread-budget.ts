/**
 * DuckDB's worker threads are one setting for the whole database. The browsing reads are point
 * lookups on sorted read tables: split over threads, a statement's few row groups cost more CPU
 * (the asking thread waits on a worker handed one task) and take no less time, while the read
 * connections already run statements side by side. So while nothing else runs, each statement
 * runs on the thread that asked (threads = 1); a job, and the whole-store views (computed at
 * start, after each job, and when first asked), get every thread the store was opened with.
 *
 * A narrow run keeps the store on one thread while it lasts, wide runs or not: with more than
 * one thread, DuckDB's workers take tasks from every running statement in turn, so a read's
 * tasks queue behind a long job statement's; on one thread each statement runs on the thread
 * that asked for it, beside the others, and the operating system shares the cores among them.
 */
import type { Store } from "../db/store.js";

export class ThreadBudget {
  private wideRuns = 0;
  private narrowRuns = 0;
  /** The threads last asked for. */
  private asked = 1;
  /** The last setting asked for (each after the one before): a wide run starts once it holds. */
  private applied: Promise<void> = Promise.resolve();

  private constructor(
    /** A connection of its own: a setting is not queued behind a read or a write. */
    private readonly conn: Store,
    /** The threads the store was opened with (StoreOptions.threads, else DuckDB's default). */
    readonly all: number,
  ) {}

  /** Takes over `conn` (closed with `close`) and narrows the store to one thread. */
  static async of(conn: Store): Promise<ThreadBudget> {
    const row = await conn.one<{ t: string }>("SELECT current_setting('threads') AS t");
    const budget = new ThreadBudget(conn, Math.max(1, Number(row?.t ?? 1)));
    budget.apply(1);
    await budget.applied;
    return budget;
  }

  /**
   * Runs `fn` with every thread, unless a narrow run is under way; the store goes back to one
   * thread when no such run is left.
   */
  wide<T>(fn: () => Promise<T>): Promise<T> {
    return this.during("wideRuns", fn);
  }

  /** Runs `fn` with the store on one thread, whatever wide runs start meanwhile. */
  narrow<T>(fn: () => Promise<T>): Promise<T> {
    return this.during("narrowRuns", fn);
  }

  private async during<T>(count: "wideRuns" | "narrowRuns", fn: () => Promise<T>): Promise<T> {
    this[count]++;
    this.settle();
    try {
      await this.applied;
      return await fn();
    } finally {
      this[count]--;
      this.settle();
      await this.applied;
    }
  }

  /** Asks for the threads the runs under way want, if that changed. */
  private settle(): void {
    const threads = this.narrowRuns > 0 || this.wideRuns === 0 ? 1 : this.all;
    if (threads === this.asked) return;
    this.asked = threads;
    this.apply(threads);
  }

  close(): void {
    this.conn.close();
  }

  /**
   * Settings applied in the order asked, so the last one asked is the one that holds. One that
   * fails (the store closing) leaves the threads as they were: slower or faster, never wrong.
   */
  private apply(threads: number): void {
    this.applied = this.applied
      .then(() => this.conn.run(`SET threads = ${threads}`))
      .catch(() => undefined);
  }
}
