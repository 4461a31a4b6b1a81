/**
 * After a list import, the store's sponsors and persons are screened again against the entries the
 * import added or changed, the hits of changed and removed entries are replaced, and the
 * sanctioned-sponsor alerts are rebuilt from the new hits — so a newly designated sponsor
 * surfaces without a full re-screen or a new analyze run. The one entry point the import calls.
 */
import { type ListEntity, SCREEN_THRESHOLD, ScreeningIndex } from "../core/screening/index.js";
import type { Store } from "../db/store.js";
import {
  appendHits,
  type Hit,
  type SubjectKind,
  screenSubjects,
  storeSubjects,
} from "./screen-store.js";
import { rebuildSponsorAlerts, tableNames } from "./sponsor-alerts.js";

export interface RefreshResult {
  /** Entries of the list screened against (added or changed by the import; all on a first import). */
  entries: number;
  subjects: number;
  /** Hits now stored for those entries, and how many of them were not there before. */
  hits: number;
  newHits: {
    subjectKind: SubjectKind;
    subject: string;
    list: string;
    reference: string;
    score: number;
  }[];
  /** sanctioned-sponsor alerts after the refresh, or null when analyze has not run. */
  sponsorAlerts: number | null;
  skipped?: string;
}

async function changedReferences(store: Store, list: string, importId: number) {
  const rows = await store.all<{ reference: string; change: string }>(
    "SELECT reference, change FROM sanction_changes WHERE import_id = ?",
    [importId],
  );
  if (rows.length > 0)
    return {
      screen: rows.filter((r) => r.change !== "removed").map((r) => r.reference),
      drop: rows.map((r) => r.reference),
    };
  const first = await store.one<{ n: bigint }>(
    "SELECT count(*) AS n FROM sanction_imports WHERE list = ? AND import_id < ?",
    [list, importId],
  );
  if (Number(first?.n ?? 0) > 0) return { screen: [], drop: [] };
  const all = await store.all<{ reference: string }>(
    "SELECT reference FROM sanction_entities WHERE list = ?",
    [list],
  );
  return { screen: all.map((r) => r.reference), drop: [] };
}

export async function refreshAfterListImport(
  store: Store,
  list: string,
  importId: number,
  threshold = SCREEN_THRESHOLD,
): Promise<RefreshResult> {
  const empty = { entries: 0, subjects: 0, hits: 0, newHits: [], sponsorAlerts: null };
  const have = await tableNames(store);
  const records = have.has("records")
    ? Number((await store.one<{ n: bigint }>("SELECT count(*) AS n FROM records"))?.n ?? 0)
    : 0;
  if (records === 0) return { ...empty, skipped: "no crossing records in the store" };
  const { screen, drop } = await changedReferences(store, list, importId);
  const rows = await store.all<{ data: string }>(
    `SELECT data::VARCHAR AS data FROM sanction_entities
     WHERE list = ? AND reference IN (SELECT unnest(?::VARCHAR[]))`,
    [list, JSON.stringify(screen)],
  );
  const entities = rows.map((r) => JSON.parse(r.data) as ListEntity);
  const hits: Hit[] = [];
  let subjects = 0;
  if (entities.length > 0) {
    const index = ScreeningIndex.build(entities);
    for (const kind of ["sponsor", "person"] as const) {
      const list = await storeSubjects(store, kind);
      subjects += list.length;
      for (const hit of screenSubjects(index, kind, list, threshold)) hits.push(hit);
    }
  }
  const before = new Set(
    (
      await store.all<{ k: string }>(
        "SELECT subject_kind || '|' || subject || '|' || reference AS k FROM screening_hits WHERE list = ?",
        [list],
      )
    ).map((r) => r.k),
  );
  const gone = JSON.stringify([...new Set([...drop, ...screen])]);
  let sponsorAlerts: number | null = null;
  await store.transaction(async () => {
    await store.run(
      "DELETE FROM screening_hits WHERE list = ? AND reference IN (SELECT unnest(?::VARCHAR[]))",
      [list, gone],
    );
    await appendHits(store, hits);
    sponsorAlerts = await rebuildSponsorAlerts(store);
  });
  return {
    entries: entities.length,
    subjects,
    hits: hits.length,
    newHits: hits
      .filter((h) => !before.has(`${h.subjectKind}|${h.subject}|${h.reference}`))
      .map(({ explanation: _, ...h }) => h),
    sponsorAlerts,
  };
}
