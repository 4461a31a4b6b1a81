/**
 * The places step, last of a run: presence of likely workers per place and day, first-time
 * entrants, sponsors; then the run's row in analyze_runs, with the complete policy it applied
 * (readLastPolicy reads it back) and its stage timings.
 */
import { policyFingerprint } from "../../core/detection/policy.js";
import type { AnalyzeRun } from "../run.js";
import type { AnalyzeStep } from "../step.js";
import { writeState } from "./analyze-scope.js";
import { buildPresence } from "./presence.js";
import { buildSponsors } from "./sponsors.js";
import { unchanged } from "./stays-step.js";

export const placesStep: AnalyzeStep<
  { presence_rows: number; sponsors: number } | { skipped: true }
> = {
  id: "places",
  description: "presence per place and day, first-time entrants, sponsors",
  stages: ["presence", "sponsors", "record run"],
  reads: [
    "stays",
    "persons",
    "cohorts",
    "cohort_members",
    "run_crossings",
    "run_bounds",
    "run_person_inputs",
    "run_affected",
    "run_rule_inputs",
    "run_rule_persons",
  ],
  writes: [
    "presence",
    "first_entrants",
    "sponsors",
    "sponsor_names",
    "analyze_runs",
    "analyze_person_state",
    "analyze_state",
  ],
  async run(run, stage) {
    if (unchanged(run)) {
      await recordRun(run, true);
      return { skipped: true };
    }
    const presence = await stage("presence", () => buildPresence(run.store, run.policy));
    const sponsors = await stage("sponsors", () => buildSponsors(run.store, run.policy));
    await stage("record run", async () => {
      await writeState(run);
      await recordRun(run, false);
    });
    return { presence_rows: presence, sponsors };
  },
};

async function recordRun(run: AnalyzeRun, skipped: boolean): Promise<void> {
  const { policy } = run;
  await run.store.run("INSERT INTO analyze_runs VALUES (now(), ?, ?, ?::JSON, ?, ?, ?::JSON)", [
    policy.version,
    policyFingerprint(policy),
    JSON.stringify(policy),
    run.inputs?.fingerprint ?? "",
    skipped,
    JSON.stringify(run.timings),
  ]);
}
