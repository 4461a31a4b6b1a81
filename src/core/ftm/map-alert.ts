/**
 * An alert as an FtM Note, "an annotation that applies to a document or entity" (Note.yaml),
 * attached (`entity`) to the person and/or cohort it concerns. Not a Sanction: that schema records
 * a designation by an authority, and an alert is Sojourn's lead for a monitor to check. The rule
 * id is a keyword so an Aleph search can filter by rule; the evidence records go in `notes`.
 * The summary must already be masked by the caller when the export is masked.
 */
import { type FtmEntity, ftmDate, ftmEntity, ftmId, ftmTextChunks } from "./entity.js";
import { cohortEntityId } from "./map-cohort.js";
import { personEntityId } from "./map-person.js";

export interface AlertRow {
  alert_id: string;
  rule: string;
  rule_version: number | null;
  score: number | null;
  person_id: string | null;
  cohort_id: string | null;
  period_start: string | null;
  period_end: string | null;
  summary: string | null;
  record_ids: string[] | null;
}

export function mapAlert(row: AlertRow): FtmEntity {
  const period = [ftmDate(row.period_start), ftmDate(row.period_end)].filter(Boolean).join(" to ");
  const subject = row.person_id ?? row.cohort_id ?? "";
  return ftmEntity("Note", ftmId("alert", row.alert_id), {
    name: `${row.rule}: ${subject}${period ? `, ${period}` : ""}`,
    description: row.summary,
    entity: [
      row.person_id ? personEntityId(row.person_id) : undefined,
      row.cohort_id ? cohortEntityId(row.cohort_id) : undefined,
    ],
    keywords: row.rule,
    summary:
      `Sojourn alert ${row.alert_id}: rule ${row.rule}` +
      (row.rule_version != null ? ` v${row.rule_version}` : "") +
      (row.score != null ? `, score ${row.score}` : "") +
      (period ? `, period ${period}` : ""),
    notes: ftmTextChunks("Evidence records (source:record_id): ", row.record_ids ?? []),
  });
}
