/**
 * The identity step's "write persons" phase: merges the persons this run joined, gives every new
 * record its person (re-exports that of their canonical record), stores the links that say why
 * documents were joined, and recomputes documents, names and the persons row of every person
 * the run touched.
 */
import type { AcceptedLink } from "../../core/identity/resolve-persons.js";
import type { Store } from "../../db/store.js";
import type { DocRow, IdentityWork } from "./identity-work.js";

export async function writePersons(
  work: IdentityWork,
  links: AcceptedLink[],
  byGid: Map<number, DocRow>,
): Promise<void> {
  const { store, isNew } = work;
  // Persons merged into another one by this run's links (none on most runs: the tables are
  // then not scanned).
  if (await store.one("SELECT 1 FROM id_remap LIMIT 1")) {
    for (const t of ["person_records", "person_links", "person_documents", "person_names"])
      await store.run(
        `UPDATE ${t} SET person_id = m.new_id FROM id_remap m WHERE ${t}.person_id = m.old_id`,
      );
    await store.run("DELETE FROM persons WHERE person_id IN (SELECT old_id FROM id_remap)");
  }

  // The person of every document after this run, and the persons whose aggregates change
  // (id_touched). A touched person is numbered by its smallest gid (pk, on each of its
  // documents), so the aggregates below group and join on an integer rather than on the
  // 18-character person id.
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE id_owner AS
    SELECT *, CASE WHEN bool_or(is_new OR reassigned) OVER w
                     OR person_id IN (SELECT new_id FROM id_remap) THEN min(gid) OVER w END AS pk
    FROM (SELECT d.gid, d.nat, d.doc, d.anchor, d.first_seen, d.last_seen, d.is_new,
                 p.gid IS NOT NULL AS reassigned,
                 coalesce(p.person_id, m.new_id, d.person_id) AS person_id
          FROM id_docs d LEFT JOIN id_doc_person p ON p.gid = d.gid
          LEFT JOIN id_remap m ON m.old_id = d.person_id)
    WINDOW w AS (PARTITION BY person_id)`);
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE id_touched AS
    SELECT DISTINCT person_id, pk FROM id_owner WHERE pk IS NOT NULL
    UNION ALL
    SELECT DISTINCT new_id, NULL FROM id_remap m
    WHERE NOT EXISTS (SELECT 1 FROM id_owner o WHERE o.person_id = m.new_id)`);

  // New original records: the person of their document. "same document" links are not stored:
  // each would only say that a record shares its document with the document's first record,
  // which person_records and records already tell (one row per record, 9.4M at 10M records).
  // Readers derive them (sojourn person, the report); a store that still holds such links from an
  // older version drops them here.
  // Matched on the nationality as stored (an ENUM), which id_delta keeps beside its text.
  await store.runPolled(`INSERT INTO person_records
    SELECT r.rec_key, o.person_id
    FROM records r JOIN (SELECT DISTINCT k.nationality, k.doc, o.person_id
                         FROM id_delta k JOIN id_owner o USING (nat, doc) WHERE k.n_new > 0) o
      ON o.nationality IS NOT DISTINCT FROM r.nationality
     AND o.doc = coalesce(r.doc_number, '#' || r.rec_key::VARCHAR)
    WHERE ${isNew("r.run_id")} AND r.canonical_key IS NULL`);
  await store.run("DELETE FROM person_links WHERE reason = 'same document'");

  // Re-exports: the person of the canonical record (else of their own document), decided once
  // for both the record and its link.
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE id_reexports AS
    SELECT rec_key, canonical_key, coalesce(nationality, '') AS nat, doc_number AS doc FROM records
    WHERE ${isNew("run_id")} AND canonical_key IS NOT NULL`);
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE id_reexports AS
    SELECT x.rec_key, x.canonical_key, coalesce(c.person_id, o.person_id) AS person_id
    FROM id_reexports x
    LEFT JOIN (SELECT p.rec_key, p.person_id FROM person_records p
               WHERE p.rec_key IN (SELECT canonical_key FROM id_reexports)) c ON c.rec_key = x.canonical_key
    LEFT JOIN id_owner o ON o.nat = x.nat AND o.doc = x.doc`);
  await store.run("INSERT INTO person_records SELECT rec_key, person_id FROM id_reexports");
  await store.runPolled(`INSERT INTO person_links
    SELECT person_id, canonical_key, rec_key, 're-export', NULL FROM id_reexports`);
  await writeLinks(store, links, byGid);
  await writeTouchedPersons(store);
  await store.run("INSERT INTO identity_runs SELECT run_id FROM id_new_runs");
}

/** The links resolvePersons accepted, between the first records of the two documents. */
async function writeLinks(
  store: Store,
  links: AcceptedLink[],
  byGid: Map<number, DocRow>,
): Promise<void> {
  if (links.length === 0) return;
  const owner = new Map(
    (
      await store.all<{ gid: number; person_id: string; anchor: bigint }>(
        "SELECT gid, person_id, anchor FROM id_owner WHERE gid IN (SELECT gid FROM id_pair_docs)",
      )
    ).map((r) => [r.gid, r]),
  );
  const appender = await store.conn.createAppender("person_links");
  for (const l of links) {
    const a = owner.get(l.a);
    const b = owner.get(l.b);
    if (!a || !b || !byGid.has(l.a)) continue;
    appender.appendVarchar(a.person_id);
    appender.appendBigInt(a.anchor);
    appender.appendBigInt(b.anchor);
    appender.appendVarchar(l.reason);
    appender.appendVarchar(JSON.stringify(l.evidence));
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}

/** person_documents, person_names and persons, recomputed for the persons in id_touched. */
async function writeTouchedPersons(store: Store): Promise<void> {
  // Aggregates of the touched persons (pk), from the per-document variants (not the records),
  // as stored after this run's records; only the columns read below.
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE id_person_variants AS
    SELECT o.pk, v.nat, v.family_name, v.given_name, v.full_name, v.family_script,
           v.given_script, v.full_script, v.birth_date, v.sex, v.n
    FROM identity_variants v JOIN (SELECT nat, doc, pk FROM id_owner WHERE pk IS NOT NULL) o
      USING (nat, doc)`);
  await store.run(
    "DELETE FROM person_documents WHERE person_id IN (SELECT person_id FROM id_touched)",
  );
  await store.runPolled(`INSERT INTO person_documents
    SELECT person_id, doc, first_seen, last_seen, nullif(nat, '') FROM id_owner
    WHERE pk IS NOT NULL AND NOT starts_with(doc, '#')`);
  // The touched persons' names, kept for their display names below.
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE id_person_names AS
    SELECT pk, name, script, sum(n)::BIGINT AS count FROM (
      SELECT pk,
             CASE WHEN family_script IN ('hangul', 'han') AND given_script = family_script
                  THEN family_name || given_name
                  ELSE trim(concat_ws(' ', family_name, given_name)) END AS name,
             CASE WHEN given_script IS NULL OR family_script = given_script THEN coalesce(family_script, given_script)
                  WHEN family_script IS NULL THEN given_script ELSE 'mixed' END AS script, n
      FROM id_person_variants WHERE family_name IS NOT NULL OR given_name IS NOT NULL
      UNION ALL
      SELECT pk, full_name, full_script, n FROM id_person_variants WHERE full_name IS NOT NULL)
    GROUP BY pk, name, script`);
  await store.run("DELETE FROM person_names WHERE person_id IN (SELECT person_id FROM id_touched)");
  await store.runPolled(`INSERT INTO person_names
    SELECT t.person_id, n.name, n.script, n.count FROM id_person_names n JOIN id_touched t USING (pk)`);
  await store.runPolled(`INSERT INTO persons (person_id, display_name, birth_date, sex, nationality, labor_score, indicators, updated_at)
    -- Each pick is arg_min over a (rank…, value) struct, the order the pick is defined by:
    -- first(x ORDER BY …) is an ordered aggregate, which DuckDB runs on one thread. Latin
    -- display names first, then other scripts, then names of unknown script (NULLS LAST).
    WITH dn AS (
      SELECT pk,
             arg_min(name, struct_pack(s := CASE WHEN script = 'latin' THEN 0 WHEN script IS NOT NULL THEN 1 ELSE 2 END,
                                       k := -count, name := name)) AS display_name
      FROM id_person_names GROUP BY pk),
    bd AS (SELECT pk, arg_min(birth_date, struct_pack(k := -c, v := birth_date)) AS birth_date FROM
             (SELECT pk, birth_date, sum(n) AS c FROM id_person_variants
              WHERE birth_date IS NOT NULL GROUP BY ALL) GROUP BY pk),
    sx AS (SELECT pk, arg_min(sex, struct_pack(k := -c, v := sex)) AS sex FROM
             (SELECT pk, sex, sum(n) AS c FROM id_person_variants
              WHERE sex IS NOT NULL GROUP BY ALL) GROUP BY pk),
    nt AS (SELECT pk, arg_min(nat, struct_pack(k := -c, v := nat)) AS nationality FROM
             (SELECT pk, nat, sum(n) AS c FROM id_person_variants
              WHERE nat <> '' GROUP BY ALL) GROUP BY pk)
    SELECT t.person_id, dn.display_name, bd.birth_date, sx.sex, nt.nationality, 0, '[]', now()
    FROM id_touched t LEFT JOIN dn USING (pk) LEFT JOIN bd USING (pk)
    LEFT JOIN sx USING (pk) LEFT JOIN nt USING (pk)
    ON CONFLICT (person_id) DO UPDATE SET display_name = excluded.display_name,
      birth_date = excluded.birth_date, sex = excluded.sex, nationality = excluded.nationality,
      updated_at = excluded.updated_at`);
}
