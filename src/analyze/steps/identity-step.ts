/**
 * The identity step of `sojourn analyze`: clusters loaded records into persons.
 *
 * Heavy lifting is SQL: records are grouped by document number (a document group is one person
 * from the start), candidate pairs of groups are found by blocking — one-keystroke document
 * variants for typos, (name key, birth date, nationality) for renewals — and only those pairs
 * reach JavaScript, where compareNames scores the names and resolvePersons (src/core/identity)
 * decides. Name keys are computed in JS once per distinct name string and cached in
 * identity_name_keys.
 *
 * Incremental: records already in person_records keep their person; only pairs touching a
 * document with new records are considered, a cluster that grows keeps its person_id, and a run
 * with no new records changes nothing. Everything happens in one transaction.
 */
import type { Store } from "../../db/store.js";
import type { AnalyzeStep } from "../step.js";
import { findCandidatePairs, loadPairDocuments, matchAndResolve } from "./identity-candidates.js";
import {
  buildDocumentGroups,
  cacheNameKeys,
  countNewRecords,
  documentGroupsBehind,
  personIdSalt,
  storeSalt,
} from "./identity-documents.js";
import { assignPersonIds } from "./identity-person-ids.js";
import type { IdentityStats } from "./identity-stats.js";
import type { IdentityWork } from "./identity-work.js";
import { writePersons } from "./identity-write.js";

export const identityStep: AnalyzeStep<IdentityStats> = {
  id: "identity",
  description: "resolve records into persons (documents, names across scripts, renewals, typos)",
  stages: [
    "new records",
    "document groups",
    "name keys",
    "blocking",
    "load documents",
    "match names and resolve",
    "assign person ids",
    "write persons",
  ],
  reads: [
    "records",
    "identity_runs",
    "identity_meta",
    "identity_name_keys",
    "persons",
    "person_records",
    "person_documents",
    "identity_variants",
    "identity_documents",
    "identity_document_runs",
  ],
  writes: [
    "persons",
    "person_records",
    "person_links",
    "person_documents",
    "person_names",
    "identity_meta",
    "identity_name_keys",
    "identity_runs",
    "identity_variants",
    "identity_documents",
    "identity_document_runs",
  ],
  async run({ store }, stage) {
    const stats = emptyStats();
    stats.new_records = await stage("new records", () => countNewRecords(store));
    if (stats.new_records > 0) await resolveNewRecords(store, stats, stage);
    else if (await documentGroupsBehind(store))
      // A store whose groups lack resolved runs (migrated, or shared out of a case) catches up
      // now rather than on its next load.
      await stage("document groups", () =>
        buildDocumentGroups({ store, stats, salt: "", isNew: () => "false" }),
      );
    stats.persons = await countPersons(store);
    for (const t of ID_TEMP_TABLES) await store.run(`DROP TABLE IF EXISTS ${t}`);
    return stats;
  },
};

/** The phases of the step after "new records", in order. */
async function resolveNewRecords(
  store: Store,
  stats: IdentityStats,
  stage: Parameters<(typeof identityStep)["run"]>[1],
): Promise<void> {
  const { salt, stored } = await personIdSalt(store);
  // On a store's first identity run every record is new: the test "run_id is new" is then left
  // out. Otherwise the new runs are written as constants, so that a scan of the records skips
  // the row groups of other runs (rec_key, and so run_id, grows with the load order) instead
  // of joining every record's run with id_new_runs.
  const firstRun = !(await store.one("SELECT 1 FROM identity_runs LIMIT 1"));
  const newRuns = (
    await store.all<{ run_id: bigint }>("SELECT run_id FROM id_new_runs ORDER BY run_id")
  ).map((r) => String(r.run_id));
  const work: IdentityWork = {
    store,
    stats,
    salt,
    isNew: (runId) => (firstRun ? "true" : `${runId} IN (${newRuns.join(", ")})`),
  };
  await stage("document groups", () => buildDocumentGroups(work));
  await stage("name keys", () => cacheNameKeys(store));
  const pairs = await stage("blocking", () => findCandidatePairs(work));
  const docs = await stage("load documents", () => loadPairDocuments(store, pairs));
  const resolution = await stage("match names and resolve", async () =>
    matchAndResolve(docs, pairs),
  );
  stats.typo_links = resolution.links.filter((l) => l.reason === "document typo").length;
  stats.renewal_links = resolution.links.filter((l) => l.reason === "passport renewal").length;
  stats.refused = resolution.refused.length;
  await stage("assign person ids", () => assignPersonIds(work, docs, resolution));
  await stage("write persons", async () => {
    if (!stored) await storeSalt(store, salt);
    const byGid = new Map(docs.map((d) => [d.gid, d]));
    const links = resolution.links.map((l) => ({ ...l, a: docs[l.a]!.gid, b: docs[l.b]!.gid }));
    await writePersons(work, links, byGid);
  });
}

/** The step's own temporary tables, dropped at its end. */
const ID_TEMP_TABLES = [
  "id_new_runs",
  "id_delta",
  "id_touched_docs",
  "id_variants",
  "id_docs",
  "id_seed",
  "id_reach",
  "id_new_docs",
  "id_masks",
  "id_active",
  "id_pair_docs",
  "id_doc_person",
  "id_remap",
  "id_owner",
  "id_touched",
  "id_reexports",
  "id_person_variants",
  "id_person_names",
];

function emptyStats(): IdentityStats {
  return {
    new_records: 0,
    documents: 0,
    documents_read: 0,
    new_documents: 0,
    typo_candidates: 0,
    renewal_candidates: 0,
    typo_links: 0,
    renewal_links: 0,
    refused: 0,
    persons_created: 0,
    persons_grown: 0,
    persons_merged: 0,
    persons: 0,
  };
}

async function countPersons(store: Store): Promise<number> {
  const row = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM persons");
  return Number(row?.n ?? 0);
}
