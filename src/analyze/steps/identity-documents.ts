/**
 * The first phases of the identity step: which records are new, the document groups (one row
 * per document, with its names, birth date and sex as most often recorded), and the cached
 * blocking keys of their names.
 */
import { randomBytes } from "node:crypto";
import { identityNameKeys, newNameKeyMemo } from "../../core/identity/identity-name-keys.js";
import type { Store } from "../../db/store.js";
import { type IdentityWork, SEP } from "./identity-work.js";

/** id_new_runs: the ingest runs not yet resolved; returns how many records they hold. */
export async function countNewRecords(store: Store): Promise<number> {
  // Ingest loads a run in one transaction, so "new" is decided per run, without a join.
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE id_new_runs AS
    SELECT DISTINCT run_id FROM records
    WHERE run_id NOT IN (SELECT run_id FROM identity_runs)`);
  const row = await store.one<{ n: bigint }>(
    "SELECT count(*) AS n FROM records WHERE run_id IN (SELECT run_id FROM id_new_runs)",
  );
  return Number(row?.n ?? 0);
}

/**
 * The per-store salt of person ids; on first use a new one, which `storeSalt` keeps with the
 * persons it made (`stored` false until then).
 */
export async function personIdSalt(store: Store): Promise<{ salt: string; stored: boolean }> {
  const row = await store.one<{ value: string }>(
    "SELECT value FROM identity_meta WHERE key = 'person_id_salt'",
  );
  if (row) return { salt: row.value, stored: true };
  return { salt: randomBytes(16).toString("hex"), stored: false };
}

export async function storeSalt(store: Store, salt: string): Promise<void> {
  await store.run("INSERT INTO identity_meta VALUES ('person_id_salt', ?)", [salt]);
}

/**
 * Document groups over every original record (re-exports follow their canonical record): one
 * pass over the records into id_variants, per (document, name as written, birth date, sex);
 * everything per document and per person is aggregated from this much smaller table (id_docs).
 */
export async function buildDocumentGroups(work: IdentityWork): Promise<void> {
  const { store, stats, isNew } = work;
  // Grouped on the nationality as stored (an ENUM, cheaper to hash than its text; 10% of
  // this statement at 10M records), turned into text on the much smaller result; the ENUM is
  // kept for matching records to their documents (identity-write.ts).
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE id_variants AS
    SELECT coalesce(nationality::VARCHAR, '') AS nat, * FROM (
      SELECT nationality, coalesce(doc_number, '#' || rec_key::VARCHAR) AS doc,
             family_name, given_name, full_name, family_script, given_script, full_script,
             birth_date, sex, count(*) AS n,
             count(*) FILTER (WHERE ${isNew("run_id")}) AS n_new,
             min(local_date) AS first_seen, max(local_date) AS last_seen, min(rec_key) AS anchor
      FROM records WHERE canonical_key IS NULL
      GROUP BY ALL)`);
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE id_docs AS
    -- gid numbers the documents here, on the narrow per-document rows: numbering the joined
    -- result sorted its names lists too (1.8 CPU-s at 10M records).
    WITH g AS (
      SELECT (row_number() OVER (ORDER BY nat, doc) - 1)::INTEGER AS gid, *
      FROM (SELECT nat, doc, any_value(nationality) AS nationality, sum(n) AS n, sum(n_new) > 0 AS is_new,
                   min(first_seen) AS first_seen, max(last_seen) AS last_seen, min(anchor) AS anchor
            FROM id_variants GROUP BY nat, doc)),
    bd AS (SELECT nat, doc, arg_max(birth_date, c) AS birth_date FROM
             (SELECT nat, doc, birth_date, sum(n) AS c FROM id_variants
              WHERE birth_date IS NOT NULL GROUP BY ALL) GROUP BY nat, doc),
    sx AS (SELECT nat, doc, arg_max(sex, c) AS sex FROM
             (SELECT nat, doc, sex, sum(n) AS c FROM id_variants
              WHERE sex IS NOT NULL GROUP BY ALL) GROUP BY nat, doc),
    -- The two most frequent names (ties: alphabetical), as arg_min's two smallest by
    -- (-count, name): the order of list(name ORDER BY c DESC, name)[1:2], which DuckDB runs
    -- as an ordered aggregate on one thread (3.3 CPU-s at 10M records), without building and
    -- sorting each document's whole list (as cheap at 10M, within the noise of a shared host).
    nm AS (SELECT nat, doc, arg_min(name, struct_pack(k := -c, name := name), 2) AS names FROM
             (SELECT nat, doc, concat_ws(chr(31), coalesce(family_name, ''), coalesce(given_name, ''),
                       coalesce(full_name, '')) AS name, sum(n) AS c
              FROM id_variants GROUP BY ALL) GROUP BY nat, doc),
    owner AS (SELECT DISTINCT coalesce(nationality, '') AS nat, doc_number AS doc, person_id
              FROM person_documents)
    SELECT g.*, bd.birth_date,
           sx.sex, nm.names, owner.person_id, r.source AS first_source, r.record_id AS first_record_id
    FROM g JOIN nm USING (nat, doc) LEFT JOIN bd USING (nat, doc) LEFT JOIN sx USING (nat, doc)
    LEFT JOIN owner USING (nat, doc) JOIN records r ON r.rec_key = g.anchor`);
  const row = await store.one<{ n: bigint; fresh: bigint }>(
    "SELECT count(*) AS n, count(*) FILTER (WHERE is_new AND person_id IS NULL) AS fresh FROM id_docs",
  );
  stats.documents = Number(row?.n ?? 0);
  stats.new_documents = Number(row?.fresh ?? 0);
}

/** Blocking keys for the names of id_docs not yet in identity_name_keys. */
export async function cacheNameKeys(store: Store): Promise<void> {
  // One column of strings, read as such (no object per row).
  const reader = await store.conn.runAndReadAll(`
    SELECT DISTINCT t.name FROM (SELECT unnest(names) AS name FROM id_docs) t
    WHERE NOT EXISTS (SELECT 1 FROM identity_name_keys k WHERE k.name = t.name)`);
  const missing = (reader.getColumns()[0] ?? []) as string[];
  if (missing.length > 0) {
    const appender = await store.conn.createAppender("identity_name_keys");
    const memo = newNameKeyMemo();
    for (const name of missing) {
      const [family, given, full] = name.split(SEP);
      const keys = identityNameKeys({ family, given, full }, memo);
      // A name with no key still gets a row, so it is not computed again.
      for (const key of keys.length > 0 ? keys : [""]) {
        appender.appendVarchar(name);
        appender.appendVarchar(key);
        appender.endRow();
      }
    }
    appender.flushSync();
    appender.closeSync();
  }
}
