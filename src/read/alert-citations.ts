/**
 * What an alert listing shows beside each alert besides read_alerts's columns: the records it
 * cites and, masked, its person's document numbers (which mask the summary). Looked up for the
 * alerts of one page rather than stored per alert: the lists hold about one cited id per record
 * in the store, and carrying them through the read tables' sorts cost more than the rest of
 * analyze's last step. A person's alert cites that person's records, which read_person_records
 * keeps together (sorted by person), so a page reads the row groups of its persons only.
 */
import { MASK_SQL } from "../core/masking.js";
import { type Store, sqlString } from "../db/store.js";
import { recordRefListSql } from "./records.js";

export interface AlertCitation {
  /** `source:record_id` unmasked; masked, by run and line (`?` for an id no loaded record has). */
  record_ids: string[];
  /** The person's document numbers (masked only; masking the summary hides them). */
  docs?: string[];
}

/** Above this many alerts (a listing of all of them), the lookups read every alert. */
const LISTED_MAX = 5000;

/**
 * SQL condition: `column` is one of `values` (a literal list, which DuckDB checks against the
 * zone maps), or true for a listing too long to spell out.
 */
function oneOf(column: string, values: readonly string[], all: boolean): string {
  return all ? "true" : `${column} IN (${[...new Set(values)].map(sqlString).join(", ")})`;
}

/**
 * The citations of the alerts `alerts` (their ids and persons, as read_alerts gives them), by
 * alert id.
 */
export async function alertCitations(
  store: Store,
  alerts: readonly { alert_id: string; person_id: string | null }[],
  unmask: boolean,
): Promise<Map<string, AlertCitation>> {
  const out = new Map<string, AlertCitation>();
  if (alerts.length === 0) return out;
  const all = alerts.length > LISTED_MAX;
  const ids = oneOf(
    "alert_id",
    alerts.map((a) => a.alert_id),
    all,
  );
  if (unmask) {
    const rows = await store.json<{ alert_id: string; record_ids: string[] | null }>(
      `SELECT alert_id, record_ids FROM alerts WHERE ${ids}`,
    );
    const cited = new Map(rows.map((r) => [r.alert_id, r.record_ids ?? []]));
    for (const a of alerts) out.set(a.alert_id, { record_ids: cited.get(a.alert_id) ?? [] });
    return out;
  }
  const persons = alerts.flatMap((a) => (a.person_id === null ? [] : [a.person_id]));
  const rows: { alert_id: string; record_ids: string[] | null }[] = [];
  if (persons.length > 0)
    rows.push(
      ...(await store.json<{ alert_id: string; record_ids: string[] | null }>(
        `WITH u AS (
           SELECT alert_id, person_id, unnest(record_ids) AS rid, generate_subscripts(record_ids, 1) AS i
           FROM alerts WHERE ${ids} AND person_id IS NOT NULL),
         r AS (SELECT person_id, rec_key, source || ':' || record_id AS ref
               FROM read_person_records WHERE ${oneOf("person_id", persons, all)})
         SELECT u.alert_id, list(coalesce(${MASK_SQL.record("r.rec_key")}, '?') ORDER BY u.i) AS record_ids
         FROM u LEFT JOIN r ON r.ref = u.rid AND r.person_id = u.person_id GROUP BY u.alert_id`,
      )),
    );
  if (persons.length < alerts.length)
    rows.push(
      ...(await store.json<{ alert_id: string; record_ids: string[] | null }>(
        `SELECT alert_id, ${recordRefListSql("a.record_ids", false)} AS record_ids
         FROM alerts a WHERE ${ids} AND person_id IS NULL`,
      )),
    );
  const docs =
    persons.length === 0
      ? []
      : await store.json<{ person_id: string; docs: string[] }>(
          `SELECT person_id, list_sort(list(doc_number)) AS docs FROM read_person_documents
           WHERE ${oneOf("person_id", persons, all)} AND doc_number IS NOT NULL GROUP BY ALL`,
        );
  const docsOf = new Map(docs.map((d) => [d.person_id, d.docs]));
  const cited = new Map(rows.map((r) => [r.alert_id, r.record_ids ?? []]));
  for (const a of alerts)
    out.set(a.alert_id, {
      record_ids: cited.get(a.alert_id) ?? [],
      docs: a.person_id === null ? [] : (docsOf.get(a.person_id) ?? []),
    });
  return out;
}
