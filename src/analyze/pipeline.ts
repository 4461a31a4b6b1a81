/**
 * `sojourn analyze` runs these steps in order, each in its own transaction, each timed. Identity
 * resolution comes first because every later step (stays, rules, cohorts, scores) works on
 * persons. Later steps are appended to ANALYZE_STEPS.
 */
import { totalmem } from "node:os";
import type { Store } from "../db/store.js";
import { DETECTION_STEPS } from "../detection/steps.js";
import { runIdentity } from "./identity.js";

export interface StageTiming {
  stage: string;
  seconds: number;
  /** Highest resident set size seen while the stage ran (sampled every 100 ms), in MB. */
  peak_rss_mb?: number;
}

/** What a step gets: the store, a way to time its stages and to report progress. */
export interface StepContext {
  store: Store;
  /** Runs one named stage of the step, timing it and reporting it to the progress display. */
  stage<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

export interface AnalyzeStep {
  id: string;
  description: string;
  /** Stage names, in order, for the progress display (a step may skip some). */
  stages: readonly string[];
  run(ctx: StepContext): Promise<object>;
}

export interface StepResult {
  step: string;
  seconds: number;
  /** Highest resident set size seen while the step ran (sampled every 100 ms), in MB. */
  peak_rss_mb: number;
  stages: StageTiming[];
  stats: object;
  /** Set when the step ran out of memory under the cap and was rerun with this limit. */
  memory_limit_retry?: string;
}

export interface PipelineResult {
  seconds: number;
  steps: StepResult[];
}

/**
 * Memory DuckDB may use during analyze unless SOJOURN_MEMORY_LIMIT says otherwise. Its default
 * (80 % of RAM) let a 10M-record run grow to 10.9 GB; capped, every step spills to the store's
 * temporary directory instead. The floor is 4 GB peak RSS at 10M records; the rest of the
 * headroom is for the JavaScript heaps (identity's documents, the cohort step's typed arrays)
 * and DuckDB's allocations outside its buffer pool. Measured at 10M records (session 3):
 * 2500 MB → 108 s, 3.06 GB peak; 3000 MB → 93–95 s, 3.47–3.56 GB; 3300 MB → 94 s, 4.16 GB. Once
 * the cap no longer shrank after the cohort step (session 4), 3000 MB let the rules step reach
 * 3.82 GB; 2800 MB: 81.8 s, 3.61 GB, against 80.7 s at 3000 MB in the same hour.
 */
export const ANALYZE_MEMORY_LIMIT_MB = 2800;

/** Samples the process's resident set size while work runs; `peak` is in MB. */
class RssSampler {
  peak = 0;
  private readonly timer: NodeJS.Timeout;
  constructor() {
    this.sample();
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }
  sample(): void {
    this.peak = Math.max(this.peak, Math.round(process.memoryUsage.rss() / 1048576));
  }
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}

export const ANALYZE_STEPS: AnalyzeStep[] = [
  {
    id: "identity",
    description: "resolve records into persons (documents, names across scripts, renewals, typos)",
    stages: [
      "new records",
      "document groups",
      "name keys",
      "blocking",
      "load documents",
      "match names and resolve",
      "assign person ids",
      "write persons",
    ],
    run: runIdentity,
  },
  ...DETECTION_STEPS,
];

export interface PipelineOptions {
  /** Called when a stage starts: overall position (stage count so far) and label. */
  onStage?: (done: number, total: number, label: string) => void;
  steps?: readonly AnalyzeStep[];
  /** DuckDB memory cap in MB (default ANALYZE_MEMORY_LIMIT_MB; SOJOURN_MEMORY_LIMIT wins). */
  memoryLimitMb?: number;
}

export async function runPipeline(
  store: Store,
  options: PipelineOptions = {},
): Promise<PipelineResult> {
  const steps = options.steps ?? ANALYZE_STEPS;
  const total = steps.reduce((n, s) => n + s.stages.length, 0);
  const results: StepResult[] = [];
  const started = performance.now();
  let offset = 0;
  let limitMb = options.memoryLimitMb ?? ANALYZE_MEMORY_LIMIT_MB;
  const capped = !process.env.SOJOURN_MEMORY_LIMIT;
  // Restored by value afterwards: RESET does not bring a global setting back in DuckDB 1.5.
  const before = await store.one<{ m: string }>("SELECT current_setting('memory_limit') AS m");
  if (capped) await setMemoryLimit(store, `${limitMb}MB`);
  else if (process.env.SOJOURN_MEMORY_LIMIT)
    await store.run("SET VARIABLE sojourn_memory_limit = ?", [process.env.SOJOURN_MEMORY_LIMIT]);
  try {
    for (const step of steps) {
      let retried: string | undefined;
      for (;;) {
        const stages: StageTiming[] = [];
        const stepStarted = performance.now();
        const stepRss = new RssSampler();
        const ctx: StepContext = {
          store,
          async stage(name, fn) {
            const i = step.stages.indexOf(name);
            options.onStage?.(offset + (i >= 0 ? i : stages.length), total, `${step.id}: ${name}`);
            const t = performance.now();
            const rss = new RssSampler();
            try {
              return await fn();
            } finally {
              stages.push({ stage: name, seconds: seconds(t), peak_rss_mb: rss.stop() });
            }
          },
        };
        try {
          const stats = await store.transaction(() => step.run(ctx));
          results.push({
            step: step.id,
            seconds: seconds(stepStarted),
            peak_rss_mb: stepRss.stop(),
            stages,
            stats,
            ...(retried ? { memory_limit_retry: retried } : {}),
          });
          if (retried) {
            limitMb = options.memoryLimitMb ?? ANALYZE_MEMORY_LIMIT_MB;
            await setMemoryLimit(store, `${limitMb}MB`);
          }
          break;
        } catch (err) {
          // Some DuckDB operators cannot spill (a large hash table's directory, one big list):
          // under our own cap the step is rolled back and rerun with twice the memory, up to
          // the memory DuckDB would take by default, rather than failing the whole analyze. The
          // next step starts under the cap again.
          const outOfMemory = /Out of Memory Error/i.test((err as Error).message ?? "");
          if (!capped || !outOfMemory || limitMb * 2 > maxMemoryMb()) throw err;
          limitMb *= 2;
          retried = `${limitMb}MB`;
          await setMemoryLimit(store, `${limitMb}MB`);
        } finally {
          stepRss.stop();
        }
      }
      offset += step.stages.length;
      options.onStage?.(offset, total, `${step.id}: done`);
    }
  } finally {
    if (capped && before) await store.run(`SET memory_limit = '${before.m.replaceAll("'", "")}'`);
    await store.run("RESET VARIABLE sojourn_memory_limit");
  }
  return { seconds: seconds(started), steps: results };
}

/**
 * Sets DuckDB's memory cap and keeps its exact text in the variable `sojourn_memory_limit`:
 * current_setting('memory_limit') reads it back rounded down to a tenth of a GiB (3000MB as
 * '2.7 GiB'), so a step that sets the limit again to make DuckDB hand freed memory back (the
 * cohort step does, three times) lowered the cap each time — to 2.5 GiB for every later step.
 */
async function setMemoryLimit(store: Store, value: string): Promise<void> {
  await store.run(`SET memory_limit = '${value}'`);
  await store.run("SET VARIABLE sojourn_memory_limit = ?", [value]);
}

/** DuckDB's own default limit: 80 % of the machine's memory. */
function maxMemoryMb(): number {
  return Math.floor((totalmem() * 0.8) / 2 ** 20);
}

function seconds(since: number): number {
  return Math.round(performance.now() - since) / 1000;
}
