/**
 * The detection steps of `sojourn analyze`, after identity: stays → cohorts → scores → rules →
 * places. Scores come before rules because post-deadline-presence asks whether the person is a
 * likely worker, and cohorts before scores because team membership is an indicator.
 *
 * Incremental and idempotent: the first step fingerprints its inputs (person_records, records,
 * screening hits) and the policy; when both match the last completed run, every detection step
 * is skipped. Otherwise each step rebuilds its tables in its own transaction from the same
 * inputs, so a rerun gives the same rows.
 */

import type { AnalyzeStep, StageTiming, StepContext } from "../analyze/pipeline.js";
import { policyFingerprint } from "../core/detection/policy.js";
import type { Store } from "../db/store.js";
import { buildCohorts } from "./cohorts.js";
import { buildFeatures } from "./features.js";
import { buildPresence, buildSponsors } from "./places.js";
import { activePolicy } from "./policy-file.js";
import { runRules, tableNames } from "./rules.js";
import { writeScores } from "./scores.js";
import { buildStays } from "./stays.js";

interface RunState {
  skip: boolean;
  input: string;
  timings: StageTiming[];
}
let state: RunState = { skip: false, input: "", timings: [] };

async function inputFingerprint(store: Store): Promise<string> {
  const have = await tableNames(store);
  const hits = have.has("screening_hits")
    ? "(SELECT count(*) || '/' || coalesce(max(screened_at)::VARCHAR, '') FROM screening_hits)"
    : "'none'";
  const row = await store.one<{ f: string }>(`SELECT concat_ws('|',
      (SELECT count(*) FROM person_records), (SELECT max(rec_key) FROM person_records),
      (SELECT sum(hash(rec_key, person_id)) FROM person_records),
      (SELECT count(*) FROM records WHERE canonical_key IS NOT NULL), ${hits}) AS f`);
  return row?.f ?? "";
}

/** Runs a stage and keeps its timing for analyze_runs. */
async function timed<T>(ctx: StepContext, step: string, name: string, fn: () => Promise<T>) {
  const t = performance.now();
  const r = await ctx.stage(name, fn);
  state.timings.push({
    stage: `${step}: ${name}`,
    seconds: Math.round(performance.now() - t) / 1000,
  });
  return r;
}

export const DETECTION_STEPS: AnalyzeStep[] = [
  {
    id: "stays",
    description: "pair entries and exits into stays; per-person indicators",
    stages: ["check inputs", "stays", "indicators"],
    async run(ctx) {
      const policy = activePolicy();
      state = { skip: false, input: "", timings: [] };
      state.input = await timed(ctx, "stays", "check inputs", () => inputFingerprint(ctx.store));
      const last = await ctx.store.one<{ input_fingerprint: string; policy_fingerprint: string }>(
        "SELECT input_fingerprint, policy_fingerprint FROM analyze_runs WHERE NOT skipped ORDER BY run_at DESC LIMIT 1",
      );
      if (
        last &&
        last.input_fingerprint === state.input &&
        last.policy_fingerprint === policyFingerprint(policy)
      ) {
        state.skip = true;
        return { skipped: "inputs and policy unchanged since the last run" };
      }
      const stays = await timed(ctx, "stays", "stays", () => buildStays(ctx.store, policy));
      await timed(ctx, "stays", "indicators", () => buildFeatures(ctx.store, policy));
      return { stays, policy: policy.version };
    },
  },
  {
    id: "cohorts",
    description: "groups that cross together again and again; labour teams vs tour groups",
    stages: ["cohorts"],
    async run(ctx) {
      if (state.skip) return { skipped: true };
      return timed(ctx, "cohorts", "cohorts", () => buildCohorts(ctx.store, activePolicy()));
    },
  },
  {
    id: "scores",
    description: "labor_score and indicators per person",
    stages: ["scores"],
    async run(ctx) {
      if (state.skip) return { skipped: true };
      return timed(ctx, "scores", "scores", () => writeScores(ctx.store, activePolicy()));
    },
  },
  {
    id: "rules",
    description:
      "alerts: overstay, visa-run, long-presence, post-deadline-presence, cohort-rotation, sanctioned-sponsor",
    stages: ["rules"],
    async run(ctx) {
      if (state.skip) return { skipped: true };
      return timed(ctx, "rules", "rules", () => runRules(ctx.store, activePolicy()));
    },
  },
  {
    id: "places",
    description: "presence per place and day, first-time entrants, sponsors",
    stages: ["presence", "sponsors", "record run"],
    async run(ctx) {
      const policy = activePolicy();
      if (state.skip) {
        await recordRun(ctx.store, true);
        return { skipped: true };
      }
      const presence = await timed(ctx, "places", "presence", () =>
        buildPresence(ctx.store, policy),
      );
      const sponsors = await timed(ctx, "places", "sponsors", () =>
        buildSponsors(ctx.store, policy),
      );
      await ctx.stage("record run", () => recordRun(ctx.store, false));
      return { presence_rows: presence, sponsors };
    },
  },
];

async function recordRun(store: Store, skipped: boolean): Promise<void> {
  const policy = activePolicy();
  await store.run("INSERT INTO analyze_runs VALUES (now(), ?, ?, ?::JSON, ?, ?, ?::JSON)", [
    policy.version,
    policyFingerprint(policy),
    JSON.stringify(policy),
    state.input,
    skipped,
    JSON.stringify(state.timings),
  ]);
}
