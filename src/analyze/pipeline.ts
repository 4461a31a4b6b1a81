/**
 * `sojourn analyze` runs these steps in order, each in its own transaction, each timed. Identity
 * resolution comes first because every later step (stays, rules, cohorts, scores) works on
 * persons. Later steps are appended to ANALYZE_STEPS.
 */
import type { Store } from "../db/store.js";
import { DETECTION_STEPS } from "../detection/steps.js";
import { runIdentity } from "./identity.js";

export interface StageTiming {
  stage: string;
  seconds: number;
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
  stages: StageTiming[];
  stats: object;
}

export interface PipelineResult {
  seconds: number;
  steps: StepResult[];
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
  for (const step of steps) {
    const stages: StageTiming[] = [];
    const stepStarted = performance.now();
    const ctx: StepContext = {
      store,
      async stage(name, fn) {
        const i = step.stages.indexOf(name);
        options.onStage?.(offset + (i >= 0 ? i : stages.length), total, `${step.id}: ${name}`);
        const t = performance.now();
        try {
          return await fn();
        } finally {
          stages.push({ stage: name, seconds: seconds(t) });
        }
      },
    };
    const stats = await store.transaction(() => step.run(ctx));
    results.push({ step: step.id, seconds: seconds(stepStarted), stages, stats });
    offset += step.stages.length;
    options.onStage?.(offset, total, `${step.id}: done`);
  }
  return { seconds: seconds(started), steps: results };
}

function seconds(since: number): number {
  return Math.round(performance.now() - since) / 1000;
}
