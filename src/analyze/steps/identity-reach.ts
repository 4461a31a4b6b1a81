/**
 * The documents an identity run reads (id_docs), numbered for blocking. A run with new records
 * can change only the documents it touched and the documents blocking pairs with them, and
 * through those, the persons who own them: every document of such a person is read, since the
 * person's aggregates (documents, names, display name) are recomputed from all of them. The
 * rest of the store is neither numbered, masked nor joined.
 *
 * gid numbers the documents read in (nationality, document) order, as it would number every
 * document: candidate pairs and the documents handed to resolvePersons come in the same order,
 * so the decisions are those of a run that numbered every document.
 */
import type { IdentityWork } from "./identity-work.js";

/**
 * id_docs: the documents this run reads (all of them when the groups were rebuilt), each with
 * its gid, whether it has new records (is_new) and its person before the run.
 */
export async function numberReachedDocuments(work: IdentityWork): Promise<void> {
  const { store, stats } = work;
  // Every document, or those the new records reach (id_reach), with their owners.
  const all = work.allDocuments === true;
  const owners = all
    ? "SELECT DISTINCT coalesce(nationality, '') AS nat, doc_number AS doc, person_id FROM person_documents"
    : `SELECT DISTINCT coalesce(pd.nationality, '') AS nat, pd.doc_number AS doc, pd.person_id
       FROM person_documents pd JOIN id_reach r
         ON r.nat = coalesce(pd.nationality, '') AND r.doc = pd.doc_number`;
  if (!all) {
    await findSeedDocuments(work);
    // Every document of a person who owns one of the seed documents.
    await store.runPolled(`CREATE OR REPLACE TEMP TABLE id_reach AS
      WITH pd AS (SELECT coalesce(nationality, '') AS nat, doc_number AS doc, person_id
                  FROM person_documents),
      p AS (SELECT DISTINCT pd.person_id FROM pd JOIN id_seed s USING (nat, doc))
      SELECT nat, doc FROM id_seed
      UNION SELECT nat, doc FROM pd WHERE person_id IN (SELECT person_id FROM p)`);
  }
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE id_docs AS
    -- gid numbers the documents on their narrow key, before the names lists are joined.
    WITH g AS (SELECT (row_number() OVER (ORDER BY nat, doc) - 1)::INTEGER AS gid, nat, doc
               FROM ${all ? "identity_documents" : "id_reach"}),
    owner AS (${owners})
    SELECT g.gid, d.*, coalesce(t.n_new > 0, false) AS is_new, owner.person_id
    FROM g JOIN identity_documents d USING (nat, doc) LEFT JOIN id_touched_docs t USING (nat, doc)
    LEFT JOIN owner USING (nat, doc)`);
  const row = await store.one<{ n: bigint; read: bigint; fresh: bigint }>(`SELECT
    (SELECT count(*) FROM identity_documents) AS n, (SELECT count(*) FROM id_docs) AS read,
    (SELECT count(*) FROM id_docs WHERE is_new AND person_id IS NULL) AS fresh`);
  stats.documents = Number(row?.n ?? 0);
  stats.documents_read = Number(row?.read ?? 0);
  stats.new_documents = Number(row?.fresh ?? 0);
  for (const t of ["id_seed", "id_reach"]) await store.run(`DROP TABLE IF EXISTS ${t}`);
}

/**
 * id_seed: the touched documents, the documents of this run's re-exports (their person when
 * the canonical record has none), and every document that blocking (identity-candidates.ts)
 * could pair with a touched document that has new records and no person yet (id_new_docs):
 *
 * - a typo candidate has the same nationality and length and one position masked equal: the
 *   positions other than the masked ones are equal, so its first half or its second half equals
 *   the new document's (when both masked positions are in the other half), or both hold a '?'
 *   (a masked position may face a '?' written in the other document);
 * - a transposition is looked up as the new document with two adjacent characters swapped;
 * - a renewal candidate is found as blocking finds it, among the documents of the same
 *   nationality and birth date.
 *
 * A superset of the pairs is enough: blocking then runs on the documents read.
 */
async function findSeedDocuments(work: IdentityWork): Promise<void> {
  const { store, isNew } = work;
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE id_new_docs AS
    SELECT t.nat, t.doc, t.birth_date, t.sex, t.first_seen, t.last_seen, t.names
    FROM id_touched_docs t
    WHERE t.n_new > 0 AND NOT EXISTS (SELECT 1 FROM person_documents pd
      WHERE coalesce(pd.nationality, '') = t.nat AND pd.doc_number = t.doc)`);
  // Both halves as keys of one join: (nationality, length, which half, the half).
  const halves = (rows: string) => `(SELECT nat, doc, length(doc) AS len,
      unnest([1, 2]) AS part,
      unnest([left(doc, length(doc) // 2), substr(doc, length(doc) // 2 + 1)]) AS half
    FROM ${rows})`;
  const newTypos = "(SELECT nat, doc FROM id_new_docs WHERE NOT starts_with(doc, '#'))";
  // A '?' written in a new document is rare: its partners are looked for only then.
  const question = await store.one(
    "SELECT 1 FROM id_new_docs WHERE contains(doc, '?') AND NOT starts_with(doc, '#') LIMIT 1",
  );
  const questionRows = question
    ? `UNION SELECT y.nat, y.doc FROM identity_documents y JOIN ${newTypos} x
         ON y.nat = x.nat AND length(y.doc) = length(x.doc)
       WHERE contains(x.doc, '?') AND contains(y.doc, '?')`
    : "";
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE id_seed AS
    SELECT nat, doc FROM id_touched_docs
    UNION SELECT coalesce(nationality::VARCHAR, ''), doc_number FROM records
    WHERE ${isNew("run_id")} AND canonical_key IS NOT NULL AND doc_number IS NOT NULL
    UNION SELECT y.nat, y.doc FROM ${halves("identity_documents")} y
    JOIN ${halves(newTypos)} x USING (nat, len, part, half)
    ${questionRows}
    UNION SELECT e.nat, e.doc FROM identity_documents e
    JOIN (SELECT nat, left(doc, i - 1) || substr(doc, i + 1, 1) || substr(doc, i, 1) || substr(doc, i + 2) AS doc
          FROM (SELECT nat, doc, unnest(range(1, length(doc))) AS i FROM id_new_docs)) d
      USING (nat, doc)
    UNION ${renewalPartners()}`);
  await store.run("DROP TABLE id_new_docs");
}

/** SQL: the documents blocking's renewal candidates pair with a document of id_new_docs. */
function renewalPartners(): string {
  const keyed = (rows: string) => `(SELECT DISTINCT d.nat, d.doc, d.birth_date, d.sex,
      d.first_seen, d.last_seen, k.key
    FROM (SELECT nat, doc, birth_date, sex, first_seen, last_seen, unnest(names) AS name
          FROM ${rows}) d
    JOIN identity_name_keys k ON k.name = d.name WHERE k.key <> '')`;
  const born = "(SELECT * FROM id_new_docs WHERE birth_date IS NOT NULL)";
  const sameDay = `(SELECT * FROM identity_documents
    SEMI JOIN (SELECT DISTINCT nat, birth_date FROM id_new_docs) USING (nat, birth_date))`;
  return `SELECT y.nat, y.doc FROM ${keyed(born)} x JOIN ${keyed(sameDay)} y
    ON x.key = y.key AND x.birth_date = y.birth_date AND x.nat = y.nat AND x.doc <> y.doc
    WHERE (x.sex IS NULL OR y.sex IS NULL OR x.sex = y.sex)
      AND (x.last_seen < y.first_seen OR y.last_seen < x.first_seen)`;
}
