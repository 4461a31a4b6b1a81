/** Export kinds for the detection tables (PRODUCT.md §5), added to `sojourn export`. */
import type { ExportKind } from "../cli/commands/export.js";

export const DETECTION_EXPORTS: ExportKind[] = [
  {
    name: "alerts",
    description:
      "one row per alert: alert_id, rule, score, person_id, cohort_id, period_start, period_end, summary, record_ids",
    async query() {
      return `SELECT alert_id, rule, rule_version, score, person_id, cohort_id, period_start, period_end,
                     summary, record_ids FROM alerts ORDER BY rule, alert_id`;
    },
  },
  {
    name: "cohorts",
    description:
      "one row per cohort: cohort_id, kind, person_ids, ports, sponsors, first_seen, last_seen, movements",
    async query() {
      return `SELECT k.cohort_id, k.kind, coalesce(list(m.person_id ORDER BY m.person_id) FILTER (WHERE m.person_id IS NOT NULL), []) AS person_ids,
                     k.ports, k.sponsors, k.first_seen, k.last_seen, any_value(k.movements) AS movements
              FROM cohorts k LEFT JOIN cohort_members m USING (cohort_id)
              GROUP BY k.cohort_id, k.kind, k.ports, k.sponsors, k.first_seen, k.last_seen ORDER BY k.cohort_id`;
    },
  },
  {
    name: "stays",
    description:
      "one row per stay: person_id, port_in, port_out, entered_on, exited_on, days, record_ids, flags",
    async query() {
      return `SELECT person_id, port_in, port_out, entered_on, exited_on, days, record_ids, flags
              FROM stays ORDER BY person_id, entered_on`;
    },
  },
];
