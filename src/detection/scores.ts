/** Writes persons.labor_score and persons.indicators from det_features (scoreLabor, pure). */
import { type LaborIndicators, scoreLabor } from "../core/detection/labor-score.js";
import type { Policy } from "../core/detection/policy.js";
import type { Store } from "../db/store.js";

export async function writeScores(
  store: Store,
  policy: Policy,
): Promise<{ scored: number; likely: number }> {
  const rows = await store.all<
    LaborIndicators & { person_id: string }
  >(`SELECT f.*, coalesce(t.labor_team, false) AS labor_team FROM det_features f
      LEFT JOIN (SELECT DISTINCT cm.person_id, true AS labor_team FROM cohort_members cm
                 JOIN cohorts k USING (cohort_id) WHERE k.kind = 'labor-team') t USING (person_id)`);
  await store.run(
    "CREATE OR REPLACE TEMP TABLE det_scores (person_id VARCHAR, score DOUBLE, indicators VARCHAR)",
  );
  const app = await store.conn.createAppender("det_scores", "main", "temp");
  let likely = 0;
  for (const r of rows) {
    // Counts arrive as BIGINT; the score reads plain numbers.
    const f = Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]),
    ) as unknown as LaborIndicators;
    const s = scoreLabor(f, policy);
    if (s.score >= policy.score.threshold) likely++;
    app.appendVarchar(r.person_id);
    app.appendDouble(s.score);
    app.appendVarchar(JSON.stringify(s.indicators));
    app.endRow();
  }
  app.closeSync();
  // Persons with no stay at all (no usable crossing) score 0.
  await store.run(`UPDATE persons SET labor_score = coalesce(s.score, 0),
      indicators = coalesce(s.indicators, '[]')::JSON
    FROM persons p LEFT JOIN det_scores s USING (person_id)
    WHERE persons.person_id = p.person_id`);
  return { scored: rows.length, likely };
}
