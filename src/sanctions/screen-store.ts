/**
 * Screens what the crossing store holds: the distinct sponsors of records (as organisations) or
 * the distinct (name, birth date, nationality) of records (as persons, with their document
 * numbers), and replaces that kind's rows in screening_hits in one transaction — the table the
 * `sanctioned-sponsor` rule reads; after sponsors are screened, that rule's alerts are rebuilt
 * from the new hits. Re-running on the same store gives the same hits.
 */
import { timestampTZValue } from "@duckdb/node-api";
import {
  SCREEN_THRESHOLD,
  type ScreeningIndex,
  type ScreenQuery,
} from "../core/screening/index.js";
import type { Store } from "../db/store.js";
import { rebuildSponsorAlerts } from "./sponsor-alerts.js";

export type SubjectKind = "sponsor" | "person";

export interface StoreScreenResult {
  subjectKind: SubjectKind;
  subjects: number;
  hits: number;
  subjectsWithHits: number;
  /**
   * sanctioned-sponsor alerts after screening sponsors (the rule rerun on the new hits), or null
   * when analyze has not run or persons were screened.
   */
  sponsorAlerts: number | null;
}

export interface Subject {
  subject: string;
  query: ScreenQuery;
}

export interface Hit {
  subjectKind: SubjectKind;
  subject: string;
  list: string;
  reference: string;
  score: number;
  explanation: string;
}

/** The hits of the subjects against an index: every match at or above the threshold. */
export function screenSubjects(
  index: ScreeningIndex,
  kind: SubjectKind,
  subjects: readonly Subject[],
  threshold: number,
): Hit[] {
  return subjects.flatMap((s) =>
    index.screen(s.query, { limit: 10, minScore: threshold }).map((m) => ({
      subjectKind: kind,
      subject: s.subject,
      list: m.list,
      reference: m.reference,
      score: m.score,
      explanation: JSON.stringify({ name: m.name, ...m.explanation }),
    })),
  );
}

/** The distinct sponsors (as organisations) or persons (name, birth date, nationality, documents) of the records. */
export function storeSubjects(store: Store, kind: SubjectKind): Promise<Subject[]> {
  return kind === "sponsor" ? sponsors(store) : persons(store);
}

export async function appendHits(store: Store, hits: readonly Hit[]): Promise<void> {
  const a = await store.conn.createAppender("screening_hits");
  const now = timestampTZValue(BigInt(Date.now()) * 1000n);
  for (const h of hits) {
    a.appendVarchar(h.subjectKind);
    a.appendVarchar(h.subject);
    a.appendVarchar(h.list);
    a.appendVarchar(h.reference);
    a.appendDouble(h.score);
    a.appendVarchar(h.explanation);
    a.appendTimestampTZ(now);
    a.endRow();
  }
  a.flushSync();
  a.closeSync();
}

async function sponsors(store: Store): Promise<Subject[]> {
  const rows = await store.all<{ sponsor: string }>(
    "SELECT DISTINCT trim(sponsor) AS sponsor FROM records WHERE nullif(trim(sponsor), '') IS NOT NULL ORDER BY 1",
  );
  return rows.map((r) => ({ subject: r.sponsor, query: { name: r.sponsor, type: "org" } }));
}

async function persons(store: Store): Promise<Subject[]> {
  const rows = await store.all<{
    name: string;
    birth_date: string | null;
    nationality: string | null;
    docs: string[];
  }>(
    `SELECT coalesce(nullif(trim(full_name), ''), trim(concat_ws(' ', family_name, given_name))) AS name,
            strftime(birth_date, '%Y-%m-%d') AS birth_date, nationality,
            list(DISTINCT doc_number ORDER BY doc_number) FILTER (WHERE doc_number IS NOT NULL) AS docs
     FROM records
     WHERE coalesce(nullif(trim(full_name), ''), trim(concat_ws(' ', family_name, given_name))) <> ''
     GROUP BY ALL ORDER BY ALL`,
  );
  return rows.map((r) => {
    const query: ScreenQuery = { name: r.name, type: "person" };
    if (r.birth_date) query.birthDate = r.birth_date;
    if (r.nationality) query.nationality = r.nationality;
    if (r.docs?.length) query.documents = [...r.docs];
    return { subject: `${r.name}|${r.birth_date ?? ""}|${r.nationality ?? ""}`, query };
  });
}

export async function screenStore(
  store: Store,
  index: ScreeningIndex,
  kind: SubjectKind,
  threshold = SCREEN_THRESHOLD,
): Promise<StoreScreenResult> {
  const subjects = await storeSubjects(store, kind);
  const hits = screenSubjects(index, kind, subjects, threshold);
  const withHits = new Set(hits.map((h) => h.subject));
  let sponsorAlerts: number | null = null;
  await store.transaction(async () => {
    await store.run("DELETE FROM screening_hits WHERE subject_kind = ?", [kind]);
    await appendHits(store, hits);
    if (kind === "sponsor") sponsorAlerts = await rebuildSponsorAlerts(store);
  });
  return {
    subjectKind: kind,
    subjects: subjects.length,
    hits: hits.length,
    subjectsWithHits: withHits.size,
    sponsorAlerts,
  };
}
