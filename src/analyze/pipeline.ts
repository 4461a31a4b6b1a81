/**
 * `sojourn analyze` runs its steps in order, each in its own transaction (which a step may commit
 * early: commit-scratch.ts), each timed, all with one run value (run.ts). Identity resolution comes first because every later step works on
 * persons; cohorts come before scores because team membership is an indicator, and scores
 * before rules because post-deadline-presence asks whether a person is a likely worker.
 */
import { AppError } from "../core/errors.js";
import type { Store } from "../db/store.js";
import { collectGarbage, RssSampler } from "./memory-cap.js";
import type { AnalyzeRun, StageTiming } from "./run.js";
import { type AnalyzeStep, RUN_TABLES, type Stage } from "./step.js";
import { cohortsStep } from "./steps/cohorts-step.js";
import { identityStep } from "./steps/identity-step.js";
import { placesStep } from "./steps/places-step.js";
import { readTablesStep } from "./steps/read-tables-step.js";
import { rulesStep } from "./steps/rules-step.js";
import { scoresStep } from "./steps/scores-step.js";
import { staysStep } from "./steps/stays-step.js";

export const ANALYZE_STEPS: readonly AnalyzeStep[] = [
  identityStep,
  staysStep,
  cohortsStep,
  scoresStep,
  rulesStep,
  placesStep,
  readTablesStep,
];

export interface StepResult {
  step: string;
  seconds: number;
  /**
   * CPU seconds the process spent while the step ran, on every thread (DuckDB's workers
   * included): on a busy machine a steadier measure than wall time.
   */
  cpu_s: number;
  /** Highest resident set size seen while the step ran (sampled every 100 ms), in MB. */
  peak_rss_mb: number;
  /** Highest JavaScript memory (V8 heap in use, typed arrays and buffers) seen, in MB. */
  peak_js_mb: number;
  stages: StageTiming[];
  stats: object;
  /** Set when the step ran out of memory under the cap and was rerun with this limit. */
  memory_limit_retry?: string;
}

export interface PipelineResult {
  seconds: number;
  /** DuckDB's memory limit the run started under, as DuckDB reads it back (e.g. '2.5 GiB'). */
  memory_limit: string;
  steps: StepResult[];
}

/** Runs `steps` (default: all of them) with `run`; the run tables are gone when it returns. */
export async function runPipeline(
  run: AnalyzeRun,
  steps: readonly AnalyzeStep[] = ANALYZE_STEPS,
): Promise<PipelineResult> {
  const total = steps.reduce((n, s) => n + s.stages.length, 0);
  const results: StepResult[] = [];
  const started = performance.now();
  // Temporary tables and types the connection had before the run are not the run's.
  const declared = new Set((await tempObjects(run.store, true)).map(key));
  let offset = 0;
  await run.memory.apply();
  let memoryLimit = "";
  try {
    memoryLimit = await run.memory.read();
    for (const step of steps) {
      for (const t of step.writes) declared.add(key({ kind: "table", name: t }));
      results.push(await runStep(run, step, offset, total));
      // What the step's JavaScript let go of is collected before the next step's DuckDB work.
      await collectGarbage();
      await checkTempObjects(run.store, `step ${step.id}`, declared, step);
      offset += step.stages.length;
      run.onStage(offset, total, `${step.id}: done`);
    }
    await checkTempObjects(run.store, "run", declared);
  } finally {
    await dropRunTables(run.store);
    await run.memory.restore();
  }
  return { seconds: seconds(started), memory_limit: memoryLimit, steps: results };
}

/**
 * One step in one transaction. Some DuckDB operators cannot spill (a large hash table's
 * directory, one big list): under the run's own cap a step that runs out of memory is rolled
 * back (what it committed stays: complete store tables, and temporary tables, which are dropped)
 * and rerun with twice the memory, up to the memory DuckDB would take by default, rather
 * than failing the whole analyze. The next step starts under the cap again.
 */
async function runStep(
  run: AnalyzeRun,
  step: AnalyzeStep,
  offset: number,
  total: number,
): Promise<StepResult> {
  let retried: string | undefined;
  // A step commits its temporary tables before it writes (commit-scratch.ts), so a rollback
  // leaves them: the tables it made are dropped before it runs again.
  const before = new Set((await tempObjects(run.store, false)).map(key));
  for (;;) {
    const stages: StageTiming[] = [];
    const timings = run.timings.length;
    const stepStarted = performance.now();
    const stepCpu = process.cpuUsage();
    const stepRss = new RssSampler();
    const stage: Stage = async (name, fn) => {
      const i = step.stages.indexOf(name);
      run.onStage(offset + (i >= 0 ? i : stages.length), total, `${step.id}: ${name}`);
      const t = performance.now();
      const cpu = process.cpuUsage();
      const rss = new RssSampler();
      try {
        return await fn();
      } finally {
        stages.push({
          stage: name,
          seconds: seconds(t),
          cpu_s: cpuSeconds(cpu),
          peak_rss_mb: rss.stop(),
          peak_js_mb: rss.peakJs,
        });
        run.timings.push({ stage: `${step.id}: ${name}`, seconds: seconds(t) });
      }
    };
    try {
      const stats = await run.store.transaction(() => step.run(run, stage));
      if (retried) await run.memory.lower();
      return {
        step: step.id,
        seconds: seconds(stepStarted),
        cpu_s: cpuSeconds(stepCpu),
        peak_rss_mb: stepRss.stop(),
        peak_js_mb: stepRss.peakJs,
        stages,
        stats,
        ...(retried ? { memory_limit_retry: retried } : {}),
      };
    } catch (err) {
      const outOfMemory = /Out of Memory Error/i.test((err as Error).message ?? "");
      if (!outOfMemory || !(await run.memory.raise())) throw err;
      retried = run.memory.current;
      run.timings.length = timings;
      for (const o of await tempObjects(run.store, false))
        if (!before.has(key(o))) await run.store.run(`DROP TABLE temp.${o.name}`);
    } finally {
      stepRss.stop();
    }
  }
}

/**
 * Temporary tables a step left behind must be run tables that it or an earlier step declared;
 * after the last step (no `step`), so must the types, but for the run's own (run_*). Types are
 * listed once per run, not per step: duckdb_types() copies each ENUM's values, and the run's
 * person type holds one per person (0.2–0.4 CPU-s a listing at 10M records).
 */
async function checkTempObjects(
  store: Store,
  what: string,
  declared: Set<string>,
  step?: AnalyzeStep,
): Promise<void> {
  const left = (await tempObjects(store, step === undefined)).filter(
    (o) => !declared.has(key(o)) && !(o.kind === "type" && o.name.startsWith("run_")),
  );
  if (left.length > 0)
    throw new AppError(
      "internal",
      `analyze ${what} left temporary ${left.map(key).join(", ")}; expected only the run tables ${step ? `it declares (${step.writes.filter((t) => t.startsWith("run_")).join(", ") || "none"})` : "and types the steps declare"}`,
    );
}

async function dropRunTables(store: Store): Promise<void> {
  const objects = await tempObjects(store, true);
  for (const o of objects)
    if (o.kind === "table" && (RUN_TABLES as readonly string[]).includes(o.name))
      await store.run(`DROP TABLE temp.${o.name}`);
  for (const o of objects)
    if (o.kind === "type" && o.name.startsWith("run_")) await store.run(`DROP TYPE temp.${o.name}`);
}

interface TempObject {
  kind: "table" | "type";
  name: string;
}

const key = (o: TempObject) => `${o.kind} ${o.name}`;

/** The connection's temporary tables, and its temporary types when `types` is true. */
async function tempObjects(store: Store, types: boolean): Promise<TempObject[]> {
  const typeRows = `UNION ALL
    SELECT 'type', type_name FROM duckdb_types() WHERE database_name = 'temp' AND NOT internal`;
  return store.all(`
    SELECT 'table' AS kind, table_name AS name FROM duckdb_tables() WHERE temporary
    ${types ? typeRows : ""}
    ORDER BY kind, name`);
}

function seconds(since: number): number {
  return Math.round(performance.now() - since) / 1000;
}

/** CPU seconds (user + system, every thread) since `since` (a process.cpuUsage() reading). */
function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / 1000) / 1000;
}
