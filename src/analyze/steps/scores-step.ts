/**
 * The scores step: persons.labor_score and persons.indicators from run_indicators, scored
 * inside DuckDB by laborScoreSql — the SQL twin of scoreLabor (src/core/detection/labor-score.ts),
 * which stays the reference; test/scores.test.ts checks that both agree.
 */
import { laborScoreSql } from "../../core/detection/labor-score.js";
import type { Policy } from "../../core/detection/policy.js";
import type { Store } from "../../db/store.js";
import { commitScratch } from "../commit-scratch.js";
import type { AnalyzeStep } from "../step.js";
import { unchanged } from "./stays-step.js";

export const scoresStep: AnalyzeStep<{ scored: number; likely: number } | { skipped: true }> = {
  id: "scores",
  description: "labor_score and indicators per person",
  stages: ["scores"],
  reads: ["persons", "cohorts", "cohort_members", "run_indicators"],
  writes: ["persons"],
  async run(run, stage) {
    if (unchanged(run)) return { skipped: true };
    return stage("scores", () => writeScores(run.store, run.policy));
  },
};

async function writeScores(
  store: Store,
  policy: Policy,
): Promise<{ scored: number; likely: number }> {
  const sql = laborScoreSql(policy);
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE det_scores AS
    SELECT person_id, ${sql.score} AS score, ${sql.indicators} AS indicators
    FROM (SELECT f.*, t.person_id IS NOT NULL AS labor_team FROM run_indicators f
          LEFT JOIN (SELECT DISTINCT cm.person_id FROM cohort_members cm
                     JOIN cohorts k USING (cohort_id) WHERE k.kind = 'labor-team') t USING (person_id))`);
  await commitScratch(store);
  // Persons with no stay at all (no usable crossing) score 0. Only the rows whose score or
  // indicators change are written: after a day's file that is a few persons, not the store.
  await store.runPolled(`UPDATE persons SET labor_score = n.score, indicators = n.indicators
    FROM (SELECT p.person_id, coalesce(s.score, 0) AS score,
                 coalesce(s.indicators, '[]')::JSON AS indicators, p.labor_score, p.indicators AS was
          FROM persons p LEFT JOIN det_scores s USING (person_id)) n
    WHERE persons.person_id = n.person_id
      AND (n.labor_score IS DISTINCT FROM n.score OR n.was::VARCHAR IS DISTINCT FROM n.indicators::VARCHAR)`);
  const row = await store.one<{ scored: bigint; likely: bigint }>(
    `SELECT count(*) AS scored, count(*) FILTER (WHERE score >= ${policy.score.threshold}) AS likely
     FROM det_scores`,
  );
  await store.run("DROP TABLE det_scores");
  return { scored: Number(row?.scored ?? 0), likely: Number(row?.likely ?? 0) };
}
