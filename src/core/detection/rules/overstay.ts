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
  description: "a visa-exempt stay longer than the exemption allows",
  template:
    "Entered {entered_on} at {port_in} without a visa and stayed {days} days ({status}), over the {limit}-day visa-exempt limit [S27][S28].",
  sql: (p) => `
    SELECT s.person_id, NULL AS cohort_id, s.entered_on AS period_start, s.until AS period_end,
           least(1.0, 0.6 + 0.4 * (s.days - ${p.limits.visa_exempt_days}) / ${p.limits.visa_exempt_days}) AS score,
           x.record_ids, s.days, s.entered_on, x.port_in, ${p.limits.visa_exempt_days} AS "limit",
           CASE WHEN s.exited_on IS NULL THEN 'still inside when the logs end'
                ELSE 'exited ' || strftime(s.exited_on, '%Y-%m-%d') END AS status
    FROM det_stay s JOIN stays x ON x.rowid = s.sid
    JOIN records r ON r.source || ':' || r.record_id = x.record_ids[1] AND r.canonical_key IS NULL
    WHERE s.days > ${p.limits.visa_exempt_days + p.overstay.grace_days}
      AND r.direction = 'entry'
      AND r.visa_type IN (${p.limits.visa_exempt_types.map((t) => `'${t.replaceAll("'", "''")}'`).join(", ")})
      AND NOT list_has_any(s.flags, ['inferred-exit', 'open-at-start', 'inferred-entry'])`,
};
