/** How identity resolution went: persons, records resolved, links by reason. */
import type { Store } from "../db/store.js";
import { num } from "./section.js";

export interface IdentitySummary {
  measures: Record<string, number | string>;
  linksByReason: { reason: string; links: number }[];
}

/** Null before identity resolution has made any person. */
export async function readIdentitySummary(store: Store): Promise<IdentitySummary | null> {
  const row = await store.one<Record<string, unknown>>(
    `SELECT (SELECT count(*) FROM persons) AS persons,
       (SELECT count(*) FROM person_records) AS records_resolved,
       (SELECT count(*) FROM records) AS records_loaded,
       (SELECT count(*) FROM (SELECT person_id FROM person_documents GROUP BY person_id HAVING count(DISTINCT doc_number) > 1)) AS persons_with_several_documents,
       (SELECT count(*) FROM (SELECT person_id FROM person_names GROUP BY person_id HAVING count(DISTINCT script) > 1)) AS persons_named_in_several_scripts`,
  );
  if (!row || num(row.persons) === 0) return null;
  const measures: Record<string, number | string> = Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, num(v)]),
  );
  measures.records_per_person = (num(row.records_resolved) / num(row.persons)).toFixed(1);
  const linksByReason = (
    await store.json<{ reason: string; links: number }>(
      // "same document" links are derived (src/analyze/identity.ts): every resolved
      // original record with a document number but its document's first one.
      `SELECT reason, count(*) AS links FROM person_links WHERE reason <> 'same document'
       GROUP BY ALL
       UNION ALL
       SELECT 'same document', count(*) - count(DISTINCT (coalesce(nationality, ''), doc_number))
       FROM records WHERE canonical_key IS NULL AND doc_number IS NOT NULL
         AND run_id IN (SELECT run_id FROM identity_runs)
       HAVING count(*) > count(DISTINCT (coalesce(nationality, ''), doc_number))
       ORDER BY links DESC`,
    )
  ).map((r) => ({ reason: r.reason, links: num(r.links) }));
  return { measures, linksByReason };
}
