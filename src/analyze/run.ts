/**
 * One `sojourn analyze` run as a value: the store, the policy every step applies, the options the
 * caller chose, where progress goes, and what the run learns as it goes (its stage timings, and
 * whether its inputs changed since the last run). The CLI builds it (createRun) and the pipeline
 * hands it to every step; nothing else carries state from one step to the next, apart from the
 * run tables the steps declare (step.ts).
 */
import { DEFAULT_POLICY, type Policy } from "../core/detection/policy.js";
import { defaultMemoryLimitMb } from "../db/memory-limit.js";
import type { Store } from "../db/store.js";
import { MemoryCap } from "./memory-cap.js";

export interface StageTiming {
  stage: string;
  seconds: number;
  /** CPU seconds of the process while the stage ran, every thread included. */
  cpu_s?: number;
  /** Highest resident set size seen while the stage ran (sampled every 100 ms), in MB. */
  peak_rss_mb?: number;
  /** Highest JavaScript memory (V8 heap in use, typed arrays and buffers) seen, in MB. */
  peak_js_mb?: number;
}

export interface AnalyzeOptions {
  /** Policy the steps apply (default: DEFAULT_POLICY). */
  policy?: Policy;
  /**
   * DuckDB memory cap in MiB while analyze runs (default defaultMemoryLimitMb(), the share of
   * the machine's memory every command gets), raised for a step that runs out of memory.
   */
  memoryLimitMb?: number;
  /**
   * A memory limit the caller set for the whole store (the CLI passes `--memory` or
   * SOJOURN_MEMORY_LIMIT):
   * analyze keeps it and never raises it, instead of applying its own cap.
   */
  fixedMemoryLimit?: string;
  /** Recompute everything, not only what the new records can change (`analyze --full`). */
  full?: boolean;
  /** Called when a stage starts: stages done so far, stages in all, and the stage's label. */
  onStage?: (done: number, total: number, label: string) => void;
}

/** What the stays step finds out about the inputs, for the steps after it and analyze_runs. */
export interface InputCheck {
  /** Fingerprint of person_records, re-exports and screening hits (input-fingerprint.ts). */
  fingerprint: string;
  /** Inputs and policy equal those of the last completed run: the later steps do nothing. */
  unchanged: boolean;
}

/**
 * What this run recomputes, decided by the stays step (steps/analyze-scope.ts). Either way the
 * run table run_affected lists the persons whose crossings changed since the last complete run
 * (person_id, and pid; pid NULL for a person merged away) — every person on a full run — and
 * the rules step leaves run_rule_persons: the persons whose alerts it recomputed.
 */
export interface AnalyzeScope {
  /** Everything is recomputed. */
  full: boolean;
  /** Why: "--full", "first run", "policy changed", "records before the first day", or "incremental". */
  reason: string;
  /** Persons in run_affected. */
  affected: number;
}

export interface AnalyzeRun {
  readonly store: Store;
  readonly policy: Policy;
  /** DuckDB's memory limit for this run; steps may ask it to hand freed memory back. */
  readonly memory: MemoryCap;
  readonly onStage: (done: number, total: number, label: string) => void;
  /** Every stage of the run so far, "step: stage" with its seconds, for analyze_runs. */
  readonly timings: StageTiming[];
  /** The caller asked for a full run. */
  readonly forceFull: boolean;
  /** Set by the stays step. */
  inputs?: InputCheck;
  /** Set by the stays step. */
  scope?: AnalyzeScope;
}

export function createRun(store: Store, options: AnalyzeOptions = {}): AnalyzeRun {
  return {
    store,
    policy: options.policy ?? DEFAULT_POLICY,
    memory: new MemoryCap(
      store,
      options.fixedMemoryLimit ?? { mb: options.memoryLimitMb ?? defaultMemoryLimitMb() },
    ),
    onStage: options.onStage ?? (() => undefined),
    timings: [],
    forceFull: options.full === true,
  };
}
