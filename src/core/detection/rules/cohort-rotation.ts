import { listInOrder, type Rule } from "./rule.js";

/**
 * Member of a cohort classified as a labour team: the same people crossing together at one port
 * cycle after cycle and staying long — the rotating factory teams of the reporting [S32][S37][S48].
 * Evidence: the member's crossings on the team's movement days, in time order.
 */
export const cohortRotation: Rule = {
  id: "cohort-rotation",
  version: 1,
  description: "member of a rotating labour team",
  template:
    "Crossed with labour team {cohort_id} ({team_size} members, {movements} joint crossings at {ports}, sponsors: {sponsors}) on {crossings} of its crossings, {period_start} to {period_end}; role: {role}.",
  sql: () => `
    WITH mv AS (
      SELECT k.cohort_id, CAST(m->>'date' AS DATE) AS d
      FROM cohorts k, unnest(CAST(k.movements AS JSON[])) AS t(m) WHERE k.kind = 'labor-team'),
    size AS (SELECT cohort_id, count(*) AS team_size FROM cohort_members GROUP BY cohort_id),
    crossed AS (
      SELECT DISTINCT cm.cohort_id, cm.person_id, r.rec_key, r.crossed_at, r.local_date
      FROM cohort_members cm JOIN mv USING (cohort_id) JOIN det_rec r ON r.person_id = cm.person_id AND r.local_date = mv.d),
    ev AS (
      SELECT c.cohort_id, c.person_id,
             ${listInOrder("c.crossed_at, c.rec_key", "r.source || ':' || r.record_id")} AS record_ids,
             count(DISTINCT c.local_date) AS crossings
      FROM crossed c JOIN records r USING (rec_key) GROUP BY c.cohort_id, c.person_id)
    SELECT cm.person_id, cm.cohort_id, cm.first_seen AS period_start, cm.last_seen AS period_end,
           least(1.0, 0.5 + 0.05 * ev.crossings) AS score, ev.record_ids, ev.crossings, size.team_size,
           json_array_length(k.movements) AS movements, array_to_string(k.ports, ', ') AS ports,
           coalesce(nullif(array_to_string(k.sponsors[1:3], '; '), ''), 'none recorded') AS sponsors, cm.role
    FROM cohort_members cm JOIN cohorts k USING (cohort_id) JOIN ev USING (cohort_id, person_id)
    JOIN size USING (cohort_id)
    WHERE k.kind = 'labor-team'`,
};
