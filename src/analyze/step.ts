/**
 * The contract of an analyze step: what it reads, what it writes, and one function that does it
 * with the run it is given.
 *
 * A step works in its own transaction, which it may commit early once its temporary tables are
 * built and before it writes a store table (commit-scratch.ts). Temporary tables it makes for itself it drops before it
 * returns; the few a later step reads are *run tables* (`run_*`), declared in its `writes`, which
 * the pipeline drops when the run ends. The pipeline checks this after every step.
 */
import type { AnalyzeRun } from "./run.js";

/** Store tables the steps read or write (migrations 001–005). */
export type StoreTable =
  | "records"
  | "persons"
  | "person_records"
  | "person_links"
  | "person_documents"
  | "person_names"
  | "identity_meta"
  | "identity_name_keys"
  | "identity_runs"
  | "identity_variants"
  | "identity_documents"
  | "identity_document_runs"
  | "screening_hits"
  | "stays"
  | "alerts"
  | "cohorts"
  | "cohort_members"
  | "presence"
  | "first_entrants"
  | "sponsors"
  | "sponsor_names"
  | "analyze_runs"
  | "analyze_person_state"
  | "analyze_state";

/**
 * Temporary tables that one step writes and later steps of the same run read. Their text columns
 * person_id, port and sponsor are connection-local ENUM types (`run_*_code`), which live as long.
 */
export const RUN_TABLES = [
  /** One row per canonical crossing of a resolved person (reconstruct-stays.ts). */
  "run_crossings",
  /** person_id ↔ pid, a small integer in person_id order. */
  "run_person_numbers",
  /** First and last day of the logs: data_start, data_end. */
  "run_bounds",
  /** Per-person indicators (person-indicators.ts). */
  "run_indicators",
  /** Per person: a fingerprint of their crossings (steps/analyze-scope.ts). */
  "run_person_inputs",
  /** Persons whose crossings changed since the last complete run (run.ts, AnalyzeScope). */
  "run_affected",
  /** Per person: a fingerprint of what their alerts rest on (steps/analyze-scope.ts). */
  "run_rule_inputs",
  /** Persons whose alerts the rules step recomputed. */
  "run_rule_persons",
] as const;
export type RunTable = (typeof RUN_TABLES)[number];

export type Stage = <T>(name: string, fn: () => Promise<T>) => Promise<T>;

export interface AnalyzeStep<Stats extends object = object> {
  /** Stable id: the `--until` value and the step's name in the JSON report. */
  readonly id: string;
  readonly description: string;
  /** Stage names, in order, for the progress display (a step may skip some). */
  readonly stages: readonly string[];
  readonly reads: readonly (StoreTable | RunTable)[];
  /** Store tables it rebuilds or appends to, and run tables it leaves for later steps. */
  readonly writes: readonly (StoreTable | RunTable)[];
  /**
   * The scope it works in (run.ts, AnalyzeScope): "whole store" recomputes everything every
   * run; "affected persons" recomputes only the persons in run_affected (or run_rule_persons)
   * unless the scope is full. Default "whole store".
   */
  readonly consumes?: "whole store" | "affected persons";
  /** Does the work; `stage` times one named part of it and reports it as progress. */
  run(run: AnalyzeRun, stage: Stage): Promise<Stats>;
}
