/**
 * The stays step: checks whether anything changed since the last run, then pairs entries and
 * exits into stays and computes the per-person indicators.
 *
 * Incremental and idempotent: the inputs (person_records, re-exports, screening hits) and the
 * policy are fingerprinted; when both match the last completed run, this step and every later
 * one do nothing. Otherwise the run's scope is decided (analyze-scope.ts) and the stays of the
 * affected persons rebuilt — of every person on a full run — so a rerun gives the same rows.
 */
import { policyFingerprint } from "../../core/detection/policy.js";
import type { Store } from "../../db/store.js";
import type { InputCheck } from "../run.js";
import { type AnalyzeStep, RUN_TABLES } from "../step.js";
import { withoutQueryProgress } from "../without-query-progress.js";
import { buildPersonIndicators } from "./person-indicators.js";
import { reconstructStays } from "./reconstruct-stays.js";

export type StaysStats =
  | { stays: number; policy: string; scope: string; affected_persons: number }
  | { skipped: string };

export const staysStep: AnalyzeStep<StaysStats> = {
  id: "stays",
  description: "pair entries and exits into stays; per-person indicators",
  stages: ["check inputs", "stays", "indicators"],
  reads: [
    "records",
    "person_records",
    "screening_hits",
    "analyze_runs",
    "analyze_person_state",
    "analyze_state",
  ],
  // Every run table but the two the rules step leaves.
  writes: [
    "stays",
    ...RUN_TABLES.filter((t) => t !== "run_rule_inputs" && t !== "run_rule_persons"),
  ],
  consumes: "affected persons",
  async run(run, stage) {
    const { store, policy } = run;
    run.inputs = await stage("check inputs", () =>
      checkInputs(store, policyFingerprint(policy), run.forceFull),
    );
    if (run.inputs.unchanged) return { skipped: "inputs and policy unchanged since the last run" };
    const stays = await stage("stays", () =>
      withoutQueryProgress(store, () => reconstructStays(run)),
    );
    // The stays are complete: committed, the indicators read them on every thread.
    await stage("indicators", () =>
      withoutQueryProgress(store, () => buildPersonIndicators(store, policy)),
    );
    const scope = run.scope ?? { reason: "full", affected: 0 };
    return { stays, policy: policy.version, scope: scope.reason, affected_persons: scope.affected };
  },
};

/** The inputs' fingerprint, and whether it and the policy's equal the last completed run's. */
async function checkInputs(store: Store, policy: string, full: boolean): Promise<InputCheck> {
  const row = await store.one<{ f: string }>(`SELECT concat_ws('|',
      (SELECT count(*) FROM person_records), (SELECT max(rec_key) FROM person_records),
      (SELECT sum(hash(rec_key, person_id)) FROM person_records),
      (SELECT count(*) FROM records WHERE canonical_key IS NOT NULL),
      (SELECT count(*) || '/' || coalesce(max(screened_at)::VARCHAR, '') FROM screening_hits)) AS f`);
  const fingerprint = row?.f ?? "";
  const last = await store.one<{ input_fingerprint: string; policy_fingerprint: string }>(
    "SELECT input_fingerprint, policy_fingerprint FROM analyze_runs WHERE NOT skipped ORDER BY run_at DESC LIMIT 1",
  );
  const unchanged =
    !full &&
    last !== undefined &&
    last.input_fingerprint === fingerprint &&
    last.policy_fingerprint === policy;
  return { fingerprint, unchanged };
}

/** True when the stays step found nothing changed: the later steps then do nothing. */
export function unchanged(run: { inputs?: InputCheck }): boolean {
  return run.inputs?.unchanged === true;
}
