/**
 * DuckDB's memory limit during an analyze run, and the process's peak memory per step and stage.
 * The run's own cap is the store's default (src/db/memory-limit.ts); what analyze adds is the
 * retry with more memory for a step whose operator cannot spill, and handing freed memory back.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { lazy } from "../core/lazy.js";
import { duckdbDefaultMemoryMb, MEMORY_MIN_MB } from "../db/memory-limit.js";
import type { Store } from "../db/store.js";

/**
 * The limit a run applies: its own cap (in MiB), raised for one step at a time when that step
 * runs out of memory, or a limit the caller fixed, which is kept as it is. The limit the store
 * had before the run is put back at its end.
 */
export class MemoryCap {
  private limitMb: number;
  private before: string | undefined;

  constructor(
    private readonly store: Store,
    private readonly setting: { mb: number } | string,
  ) {
    this.limitMb = typeof setting === "string" ? 0 : setting.mb;
  }

  /**
   * The limit as DuckDB is given it, e.g. '2651MiB'. The cap is counted in MiB (2^20 bytes), as
   * defaultMemoryLimitMb computes it: DuckDB reads 'MB' as 10^6 bytes, which would cap it 4.6 %
   * lower than the share meant.
   */
  get current(): string {
    return typeof this.setting === "string" ? this.setting : `${this.limitMb}MiB`;
  }

  /** Whether the run applies its own cap (and so may raise it). */
  get capped(): boolean {
    return typeof this.setting !== "string";
  }

  /** Applies the cap at the start of a run, noting the limit to restore. */
  async apply(): Promise<void> {
    if (!this.capped) return;
    // Put back by value afterwards: RESET does not bring a global setting back in DuckDB 1.5.
    this.before = await this.read();
    await this.set();
  }

  /** The limit in force, as DuckDB reads it back ('2.5 GiB'). */
  async read(): Promise<string> {
    const row = await this.store.one<{ m: string }>("SELECT current_setting('memory_limit') AS m");
    return row?.m ?? "";
  }

  /**
   * Doubles the cap after a step ran out of memory; false when that would pass the memory
   * DuckDB takes by default (80 % of the machine's), or when the limit is the caller's.
   */
  async raise(): Promise<boolean> {
    if (!this.capped || this.limitMb * 2 > duckdbDefaultMemoryMb()) return false;
    this.limitMb *= 2;
    await this.set();
    return true;
  }

  /** Back to the run's own cap after a step that needed more. */
  async lower(): Promise<void> {
    if (typeof this.setting === "string") return;
    this.limitMb = this.setting.mb;
    await this.set();
  }

  /**
   * Hands the memory DuckDB freed back to the system. Its allocator keeps freed pages for reuse,
   * so after a big join RSS stays near the cap while typed arrays in JavaScript come on top of
   * it; setting the memory limit (even to its current value) makes DuckDB flush them. The value
   * set is the run's own text: current_setting() reads the limit back rounded down to a tenth of
   * a GiB (3000MiB as '2.9 GiB'), and setting that would lower the cap of every later step.
   */
  async release(): Promise<void> {
    await this.set();
  }

  /**
   * Makes room for `mb` MiB that JavaScript is about to hold (typed arrays): DuckDB's limit
   * becomes the cap less that, but at least MEMORY_MIN_MB, so DuckDB and JavaScript together
   * stay near the cap. Lowering the limit makes DuckDB write its pages past it (temporary
   * tables) to the spill directory and hand the memory back. When DuckDB cannot free that much
   * (memory it holds outside its buffer pool) the limit stays where it was. `endJs` undoes it.
   */
  async roomForJs(mb: number): Promise<void> {
    if (!this.capped) return;
    const limit = Math.max(MEMORY_MIN_MB, this.limitMb - Math.ceil(mb));
    try {
      await this.store.run(`SET memory_limit = '${limit}MiB'`);
    } catch (err) {
      if (!/memory limit/i.test((err as Error).message ?? "")) throw err;
    }
  }

  /**
   * After JavaScript let go of what `roomForJs` made room for: collects it (collectGarbage) and
   * puts the run's cap back, so DuckDB's next statements do not share the machine with arrays
   * nothing references any more.
   */
  async endJs(): Promise<void> {
    await collectGarbage();
    if (this.capped) await this.set();
  }

  /** Puts back the limit the store had before the run. */
  async restore(): Promise<void> {
    if (this.capped && this.before)
      await this.store.run(`SET memory_limit = '${this.before.replaceAll("'", "")}'`);
  }

  private async set(): Promise<void> {
    await this.store.run(`SET memory_limit = '${this.current.replaceAll("'", "")}'`);
  }
}

/**
 * Samples the process's resident set size while work runs, and the JavaScript part of it (the
 * V8 heap in use, plus memory outside it that JavaScript holds: typed arrays, buffers); both
 * peaks are in MB. What RSS has beyond the JavaScript part is DuckDB's (its buffer pool, under
 * the memory limit, and its allocations outside the pool) and the process's code.
 */
export class RssSampler {
  peak = 0;
  peakJs = 0;
  private readonly timer: NodeJS.Timeout;
  constructor() {
    this.sample();
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }
  sample(): void {
    const m = process.memoryUsage();
    this.peak = Math.max(this.peak, Math.round(m.rss / 1048576));
    this.peakJs = Math.max(this.peakJs, Math.round((m.heapUsed + m.external) / 1048576));
  }
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}

/**
 * V8's `gc()`, which node exposes only under --expose-gc: the flag is set here, and the function
 * read from a new context, which sees it.
 */
const gcFunction = lazy((): (() => void) => {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
});

/**
 * Full garbage collections until JavaScript's memory (V8 heap and typed arrays) stops shrinking.
 * A step that held large typed arrays leaves them to the collector when it returns, and without
 * a collection they would stay resident through every later step: V8 collects when JavaScript
 * allocates, and the later steps allocate little (at 10M records 540 MB of dead arrays stayed
 * from the cohorts step to the end). A typed array's memory is freed by a sweeper that runs
 * beside the collection, so the next collection, after a turn of the event loop, finds it freed.
 */
export async function collectGarbage(): Promise<void> {
  const gc = gcFunction();
  let before = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
    const m = process.memoryUsage();
    const now = m.heapUsed + m.external;
    if (now >= before * 0.99) return;
    before = now;
  }
}
