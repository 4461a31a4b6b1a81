import { crossingsInOrder, evidenceColumns, type Rule } from "./rule.js";

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
  // At 10M records (164,000 members, 4.6 M evidence crossings) the shape matters:
  // - the members' crossings are joined to the team's movement days, not the members to the
  //   days first (that pairing, members × movements, reached 76 M rows);
  // - the movement days come out of the JSON in the select list (a lateral unnest joined them
  //   back to their cohort on the JSON text);
  // - a member is its row in cohort_members (rowid): one integer key through the joins and the
  //   aggregation, the member's text columns joined back to the 164,000 results only;
  // - the crossings meet the members on det_member's person, of run_crossings's own person type,
  //   not on the text id (which would cast every crossing's person to text and hash it);
  // - distinct days are counted from a list (a DISTINCT aggregate keeps a hash table per group).
  sql: () => `
    WITH team AS (
      SELECT cohort_id, json_array_length(movements) AS movements, array_to_string(ports, ', ') AS ports,
             coalesce(nullif(array_to_string(sponsors[1:3], '; '), ''), 'none recorded') AS sponsors,
             CAST(json_extract_string(movements, '$[*].date') AS DATE[]) AS days
      FROM cohorts WHERE kind = 'labor-team'),
    mv AS (SELECT DISTINCT cohort_id, unnest(days) AS d FROM team),
    size AS (SELECT cohort_id, count(*) AS team_size FROM cohort_members GROUP BY cohort_id),
    crossed AS (
      SELECT m.mid, r.rec_key, r.crossed_at, r.local_date
      FROM run_crossings r JOIN det_member m ON m.pe = r.person_id
      SEMI JOIN mv ON mv.cohort_id = m.cohort_id AND mv.d = r.local_date),
    ev AS (
      SELECT c.mid,
             ${crossingsInOrder("c.crossed_at", "c.rec_key")} AS evidence,
             len(list_distinct(list(c.local_date))) AS crossings
      FROM crossed c GROUP BY c.mid)
    SELECT m.person_id, m.cohort_id, m.first_seen AS period_start, m.last_seen AS period_end,
           least(1.0, 0.5 + 0.05 * ev.crossings) AS score, false AS censored, ${evidenceColumns("ev.evidence")},
           ev.crossings, size.team_size,
           k.movements, k.ports, k.sponsors, m.role
    FROM ev JOIN cohort_members m ON m.rowid = ev.mid JOIN team k USING (cohort_id) JOIN size USING (cohort_id)`,
};
