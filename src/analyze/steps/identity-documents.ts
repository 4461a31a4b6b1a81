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
 * Document groups over every original record (re-exports follow their canonical record), kept
 * between runs (migration 078): identity_variants per (document, name as written, birth date,
 * sex), identity_documents per document, both holding the records of the ingest runs in
 * identity_document_runs. A run aggregates only the records of the other runs (id_delta: this
 * run's new records; every record when the list is empty — a store's first run, one migrated
 * from before the groups, one shared out of a case — and the groups are rebuilt), merges them
 * into the rows of the documents they touch (id_touched_docs); identity-reach.ts numbers the
 * documents blocking reads. A record
 * never leaves a document group once in it: ingest only adds records and sets canonical_key on
 * its own run's (src/ingest/normalize.ts), and a new record's rec_key is larger than every
 * stored one, so a document's anchor stays its first record.
 */
export async function buildDocumentGroups(work: IdentityWork): Promise<void> {
  const { store, isNew } = work;
  // With no run in the groups they are rebuilt: whatever rows they hold are left over.
  const rebuild = (await store.one("SELECT 1 FROM identity_document_runs LIMIT 1")) === undefined;
  if (rebuild)
    for (const t of ["identity_variants", "identity_documents"])
      await store.run(`DELETE FROM ${t}`);
  const runs = await uncoveredRuns(store);
  const inRuns = (column: string) =>
    runs.length > 0 ? `${column} IN (${runs.join(", ")})` : "false";
  // One pass over the records of those runs: run ids as constants let the scan skip the row
  // groups of other runs (rec_key, and so run_id, grows with the load order). Grouped on the
  // nationality as stored (an ENUM, cheaper to hash than its text), turned into text on the
  // much smaller result; the ENUM is kept for matching new records to their documents
  // (identity-write.ts).
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE id_delta AS
    SELECT coalesce(nationality::VARCHAR, '') AS nat, * FROM (
      SELECT nationality, coalesce(doc_number, '#' || rec_key::VARCHAR) AS doc,
             family_name, given_name, full_name, family_script::VARCHAR AS family_script,
             given_script::VARCHAR AS given_script, full_script::VARCHAR AS full_script,
             birth_date, sex::VARCHAR AS sex, count(*) AS n,
             count(*) FILTER (WHERE ${isNew("run_id")}) AS n_new,
             min(local_date) AS first_seen, max(local_date) AS last_seen, min(rec_key) AS anchor
      FROM records WHERE canonical_key IS NULL AND ${inRuns("run_id")}
      GROUP BY ALL)`);
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE id_touched_docs AS
    SELECT DISTINCT nat, doc FROM id_delta`);
  // Every variant of a touched document: the stored ones and the new counts, merged (on a
  // rebuild, the new counts are all there is).
  if (rebuild)
    await store.runPolled(
      "CREATE OR REPLACE TEMP TABLE id_variants AS SELECT * EXCLUDE (nationality) FROM id_delta",
    );
  else await mergeVariants(store);
  await store.runPolled(
    "INSERT INTO identity_variants BY NAME SELECT * EXCLUDE (n_new) FROM id_variants",
  );
  await mergeDocuments(store, inRuns("run_id"));

  if (runs.length > 0)
    await store.run(
      `INSERT INTO identity_document_runs VALUES ${runs.map((r) => `(${r})`).join(", ")}`,
    );
  work.allDocuments = rebuild;
}

/**
 * id_variants: every variant of a touched document, its stored counts and the new ones merged;
 * the stored rows of those documents are deleted, to be inserted again from it.
 */
async function mergeVariants(store: Store): Promise<void> {
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE id_variants AS
    SELECT nat, doc, family_name, given_name, full_name, family_script, given_script, full_script,
           birth_date, sex, sum(n)::BIGINT AS n, sum(n_new)::BIGINT AS n_new,
           min(first_seen) AS first_seen, max(last_seen) AS last_seen, min(anchor) AS anchor
    FROM (SELECT v.*, 0 AS n_new FROM identity_variants v SEMI JOIN id_touched_docs USING (nat, doc)
          UNION ALL BY NAME
          SELECT * EXCLUDE (nationality) FROM id_delta)
    GROUP BY nat, doc, family_name, given_name, full_name, family_script, given_script,
             full_script, birth_date, sex`);
  await store.run(
    "DELETE FROM identity_variants v USING id_touched_docs t WHERE v.nat = t.nat AND v.doc = t.doc",
  );
}

/** Whether some resolved ingest run's records are not in the document groups. */
export async function documentGroupsBehind(store: Store): Promise<boolean> {
  return (
    (await store.one(`SELECT 1 FROM identity_runs
      WHERE run_id NOT IN (SELECT run_id FROM identity_document_runs) LIMIT 1`)) !== undefined
  );
}

/** The ingest runs with records not yet in the document groups: this run's new ones, and any resolved run they lack. */
async function uncoveredRuns(store: Store): Promise<string[]> {
  const rows = await store.all<{ run_id: bigint }>(`
    SELECT run_id FROM id_new_runs
    UNION SELECT run_id FROM identity_runs WHERE run_id NOT IN (SELECT run_id FROM identity_document_runs)
    ORDER BY run_id`);
  return rows.map((r) => String(r.run_id));
}

/**
 * identity_documents for the touched documents (id_touched_docs, which gains is_new as n_new):
 * totals, birth date, sex and the two most frequent names from their merged variants; the
 * anchor record's source and id from the stored row, else from the records of `inRuns`.
 */
async function mergeDocuments(store: Store, inRuns: string): Promise<void> {
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE id_touched_docs AS
    WITH g AS (SELECT nat, doc, sum(n)::BIGINT AS n, sum(n_new)::BIGINT AS n_new,
                      min(first_seen) AS first_seen, max(last_seen) AS last_seen, min(anchor) AS anchor
               FROM id_variants GROUP BY nat, doc),
    -- Each pick is arg_min over (−count, value): the most frequent, ties to the smallest.
    bd AS (SELECT nat, doc, arg_min(birth_date, struct_pack(k := -c, v := birth_date)) AS birth_date FROM
             (SELECT nat, doc, birth_date, sum(n) AS c FROM id_variants
              WHERE birth_date IS NOT NULL GROUP BY ALL) GROUP BY nat, doc),
    sx AS (SELECT nat, doc, arg_min(sex, struct_pack(k := -c, v := sex)) AS sex FROM
             (SELECT nat, doc, sex, sum(n) AS c FROM id_variants
              WHERE sex IS NOT NULL GROUP BY ALL) GROUP BY nat, doc),
    -- The two most frequent names (ties: alphabetical), as arg_min's two smallest by
    -- (-count, name): the order of list(name ORDER BY c DESC, name)[1:2] without an ordered
    -- aggregate (DuckDB runs those on one thread).
    nm AS (SELECT nat, doc, arg_min(name, struct_pack(k := -c, name := name), 2) AS names FROM
             (SELECT nat, doc, concat_ws(chr(31), coalesce(family_name, ''), coalesce(given_name, ''),
                       coalesce(full_name, '')) AS name, sum(n) AS c
              FROM id_variants GROUP BY ALL) GROUP BY nat, doc),
    old AS (SELECT nat, doc, anchor, first_source, first_record_id FROM identity_documents
            SEMI JOIN id_variants USING (nat, doc)),
    fresh AS (SELECT rec_key AS anchor, source, record_id FROM records
              WHERE ${inRuns} AND rec_key IN (SELECT anchor FROM g))
    SELECT g.*, bd.birth_date, sx.sex, nm.names,
           coalesce(old.first_source, fresh.source) AS first_source,
           coalesce(old.first_record_id, fresh.record_id) AS first_record_id
    FROM g JOIN nm USING (nat, doc) LEFT JOIN bd USING (nat, doc) LEFT JOIN sx USING (nat, doc)
    LEFT JOIN old ON old.nat = g.nat AND old.doc = g.doc AND old.anchor = g.anchor
    LEFT JOIN fresh ON fresh.anchor = g.anchor`);
  await store.run(
    "DELETE FROM identity_documents d USING id_touched_docs t WHERE d.nat = t.nat AND d.doc = t.doc",
  );
  await store.runPolled(
    "INSERT INTO identity_documents BY NAME SELECT * EXCLUDE (n_new) FROM id_touched_docs",
  );
}

/**
 * Blocking keys for the names of the touched documents not yet in identity_name_keys: the
 * names of every other document are unchanged since a run that keyed them.
 */
export async function cacheNameKeys(store: Store): Promise<void> {
  // One column of strings, read as such (no object per row).
  // The cached names are matched against the few touched ones (a semi join built on those):
  // NOT EXISTS built its hash table on every cached name instead.
  const reader = await store.conn.runAndReadAll(`
    WITH t AS (SELECT DISTINCT unnest(names) AS name FROM id_touched_docs)
    SELECT name FROM t
    WHERE name NOT IN (SELECT k.name FROM identity_name_keys k SEMI JOIN t USING (name))`);
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
