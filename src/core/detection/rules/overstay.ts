import type { Rule } from "./rule.js";

/**
 * A stay under the visa exemption longer than the exemption allows (< 30 days [S27][S28]).
 * Stays whose length is a guess (inferred exit, open at the start) are left out; a stay still
 * open when the logs end counts, since the person was inside past the limit either way. The visa
 * is the one recorded on the crossing that starts the stay.
 */
export const overstay: Rule = {
  id: "overstay",
  version: 1,
  detStay: true,
  description: "a visa-exempt stay longer than the exemption allows",
  template:
    "Entered {entered_on} at {port_in} without a visa and stayed {days} days ({status}), over the {limit}-day visa-exempt limit [S27][S28].",
  // The visa is the one on the stay's first record (its first rec_key).
  sql: (p) => `
    WITH st AS (
      SELECT s.sid, s.pid, s.entered_on, s.exited_on, s.until, s.days, x.port_in, x.record_keys
      FROM det_stay s JOIN stays x ON x.rowid = s.sid
      WHERE s.days > ${p.limits.visa_exempt_days + p.overstay.grace_days} AND NOT s.guessed),
    visa_exempt AS (
      SELECT s.sid FROM st s JOIN records r ON r.rec_key = s.record_keys[1]
      WHERE r.canonical_key IS NULL AND r.direction = 'entry'
        AND r.visa_type IN (${p.limits.visa_exempt_types.map((t) => `'${t.replaceAll("'", "''")}'`).join(", ")}))
    SELECT p.person_id, NULL AS cohort_id, s.entered_on AS period_start, s.until AS period_end,
           least(1.0, 0.6 + 0.4 * (s.days - ${p.limits.visa_exempt_days}) / ${p.limits.visa_exempt_days}) AS score,
           s.exited_on IS NULL AS censored,
           s.record_keys, s.days, s.entered_on, s.port_in, ${p.limits.visa_exempt_days} AS "limit",
           CASE WHEN s.exited_on IS NULL THEN 'still inside when the logs end'
                ELSE 'exited ' || strftime(s.exited_on, '%Y-%m-%d') END AS status
    FROM st s JOIN visa_exempt USING (sid) JOIN run_person_numbers p USING (pid)`,
};
