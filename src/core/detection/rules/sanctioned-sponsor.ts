import { crossingsInOrder, evidenceColumns, type Rule } from "./rule.js";

/**
 * A crossing whose sponsor (the inviting organisation, as recorded) was screened as a hit on a
 * sanctions list (screening_hits, written by `sojourn screen`). No screening results, no
 * alerts. Evidence: the person's crossings under that sponsor.
 */
export const sanctionedSponsor: Rule = {
  id: "sanctioned-sponsor",
  version: 1,
  description: "sponsored by an organisation that matches a sanctions list entry",
  template:
    'Sponsored by "{sponsor}" on {crossings} crossings ({period_start} to {period_end}); the sponsor matches {list} entry {reference} (score {hit_score}).',
  sql: () => `
    WITH hits AS (
      SELECT subject, arg_max(list, score) AS list, arg_max(reference, score) AS reference, max(score) AS hit_score
      FROM screening_hits WHERE subject_kind = 'sponsor' GROUP BY subject)
    SELECT * EXCLUDE (evidence), ${evidenceColumns("evidence")} FROM (
      SELECT r.person_id, NULL AS cohort_id, min(r.local_date) AS period_start, max(r.local_date) AS period_end,
             any_value(h.hit_score) AS score, false AS censored,
             ${crossingsInOrder("r.crossed_at", "r.rec_key")} AS evidence,
             r.sponsor, count(*) AS crossings, any_value(h.list) AS list, any_value(h.reference) AS reference,
             round(any_value(h.hit_score), 2) AS hit_score
      FROM run_crossings r JOIN hits h ON h.subject = r.sponsor
      GROUP BY r.person_id, r.sponsor)`,
};
