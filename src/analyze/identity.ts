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
import { randomBytes } from "node:crypto";
import { identityNameKeys } from "../core/identity/identity-name-keys.js";
import { BASE32_ALPHABET, personIdFor } from "../core/identity/person-id.js";
import {
  type AcceptedLink,
  type Candidate,
  type DocGroup,
  resolvePersons,
  TYPO_NAME_FLOOR,
} from "../core/identity/resolve-persons.js";
import { compareNames, MATCH_THRESHOLD, type NameInput } from "../core/names/index.js";
import type { Store } from "../db/store.js";
import type { StepContext } from "./pipeline.js";

export interface IdentityStats {
  new_records: number;
  documents: number;
  new_documents: number;
  typo_candidates: number;
  renewal_candidates: number;
  typo_links: number;
  renewal_links: number;
  refused: number;
  persons_created: number;
  persons_grown: number;
  persons_merged: number;
  persons: number;
}

const SEP = "\x1f";

/**
 * personIdFor in SQL, given `hi` and `lo`: the first and second 40 bits of the sha256 digest.
 * 'P-' and 16 base32 characters of 5 bits each, 8 per half; unrolled, since a list lambda over
 * range(16) costs twice as much. The identity integration test checks it against personIdFor.
 */
export const PERSON_ID_SQL = `'P-' || ${Array.from({ length: 16 }, (_, i) => {
  const half = i < 8 ? "hi" : "lo";
  return `substr('${BASE32_ALPHABET}', ((${half} >> ${35 - 5 * (i % 8)}) & 31)::INTEGER + 1, 1)`;
}).join(" || ")}`;

/** The per-store salt of person ids, created on first use. */
async function personIdSalt(store: Store): Promise<string> {
  const row = await store.one<{ value: string }>(
    "SELECT value FROM identity_meta WHERE key = 'person_id_salt'",
  );
  if (row) return row.value;
  const salt = randomBytes(16).toString("hex");
  await store.run("INSERT INTO identity_meta VALUES ('person_id_salt', ?)", [salt]);
  return salt;
}

function nameInputs(tuple: string): { input: NameInput; text: string }[] {
  const [family = "", given = "", full = ""] = tuple.split(SEP);
  const out: { input: NameInput; text: string }[] = [];
  if (family || given)
    out.push({ input: { family, given }, text: [family, given].filter(Boolean).join(" ") });
  if (full) out.push({ input: { full }, text: full });
  return out;
}

/** Best name score between two groups' names, stopping once `enough` is reached. */
function scoreNames(
  namesA: readonly string[],
  namesB: readonly string[],
  enough: number,
  cache: Map<string, { score: number; why: string }>,
): { score: number; nameA: string; nameB: string; why: string } {
  let best = { score: -1, nameA: "", nameB: "", why: "" };
  const as = namesA.flatMap(nameInputs);
  const bs = namesB.flatMap(nameInputs);
  // Identical strings first (free), then the rest.
  for (const x of as)
    for (const y of bs)
      if (x.text === y.text) return { score: 1, nameA: x.text, nameB: y.text, why: "identical" };
  for (const x of as)
    for (const y of bs) {
      const k = `${x.text}${SEP}${y.text}`;
      let m = cache.get(k);
      if (!m) {
        const r = compareNames(x.input, y.input);
        m = { score: r.score, why: r.explanation.join("; ") };
        cache.set(k, m);
      }
      if (m.score > best.score) best = { score: m.score, nameA: x.text, nameB: y.text, why: m.why };
      if (best.score >= enough) return best;
    }
  return best;
}

interface DocRow {
  gid: number;
  nat: string;
  doc: string;
  birth_date: string | null;
  sex: string | null;
  first_seen: string;
  last_seen: string;
  person_id: string | null;
  n: number;
  is_new: boolean;
  first_source: string;
  first_record_id: string;
  names: string[];
}

export async function runIdentity(ctx: StepContext): Promise<IdentityStats> {
  const { store } = ctx;
  const stats: IdentityStats = {
    new_records: 0,
    documents: 0,
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

  await ctx.stage("new records", async () => {
    // Ingest loads a run in one transaction, so "new" is decided per run, without a join.
    await store.run(`CREATE OR REPLACE TEMP TABLE id_new_runs AS
      SELECT DISTINCT run_id FROM records
      WHERE run_id NOT IN (SELECT run_id FROM identity_runs)`);
    const row = await store.one<{ n: bigint }>(
      "SELECT count(*) AS n FROM records WHERE run_id IN (SELECT run_id FROM id_new_runs)",
    );
    stats.new_records = Number(row?.n ?? 0);
  });
  if (stats.new_records === 0) {
    stats.persons = await countPersons(store);
    return stats;
  }
  const salt = await personIdSalt(store);
  // On a store's first identity run every record is new: the test "run_id is new", a join per
  // record (9.7M at 10M records), is then left out.
  const firstRun = !(await store.one("SELECT 1 FROM identity_runs LIMIT 1"));
  const isNew = (runId: string) =>
    firstRun ? "true" : `${runId} IN (SELECT run_id FROM id_new_runs)`;

  // Document groups over every original record (re-exports follow their canonical record).
  // One pass over the records: per (document, name as written, birth date, sex); everything
  // per document and per person is aggregated from this much smaller table.
  await ctx.stage("document groups", async () => {
    // Grouped on the nationality as stored (an ENUM, cheaper to hash than its text; 10% of
    // this statement at 10M records), turned into text on the much smaller result.
    await store.run(`CREATE OR REPLACE TEMP TABLE id_variants AS
      SELECT coalesce(nationality::VARCHAR, '') AS nat, * EXCLUDE (nationality) FROM (
        SELECT nationality, coalesce(doc_number, '#' || rec_key::VARCHAR) AS doc,
               family_name, given_name, full_name, family_script, given_script, full_script,
               birth_date, sex, count(*) AS n,
               count(*) FILTER (WHERE ${isNew("run_id")}) AS n_new,
               min(local_date) AS first_seen, max(local_date) AS last_seen, min(rec_key) AS anchor
        FROM records WHERE canonical_key IS NULL
        GROUP BY ALL)`);
    await store.run(`CREATE OR REPLACE TEMP TABLE id_docs AS
      -- gid numbers the documents here, on the narrow per-document rows: numbering the joined
      -- result sorted its names lists too (1.8 CPU-s at 10M records).
      WITH g AS (
        SELECT (row_number() OVER (ORDER BY nat, doc) - 1)::INTEGER AS gid, *
        FROM (SELECT nat, doc, sum(n) AS n, sum(n_new) > 0 AS is_new,
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
  });

  await ctx.stage("name keys", async () => {
    const missing = await store.all<{ name: string }>(`
      SELECT DISTINCT t.name FROM (SELECT unnest(names) AS name FROM id_docs) t
      WHERE NOT EXISTS (SELECT 1 FROM identity_name_keys k WHERE k.name = t.name)`);
    if (missing.length > 0) {
      const appender = await store.conn.createAppender("identity_name_keys");
      for (const { name } of missing) {
        const [family, given, full] = name.split(SEP);
        const keys = identityNameKeys({ family, given, full });
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
  });

  // Candidate pairs: each involves at least one document that is new in this run (a new
  // document, or new records under a document not yet resolved).
  const candidatePairs = await ctx.stage("blocking", async () => {
    await store.run(`CREATE OR REPLACE TEMP TABLE id_active AS
      SELECT gid FROM id_docs WHERE is_new AND person_id IS NULL`);
    await store.run(`CREATE OR REPLACE TEMP TABLE id_masks AS
      SELECT gid, nat, left(doc, i - 1) || '?' || substr(doc, i + 1) AS m
      FROM (SELECT gid, nat, doc, unnest(range(1, length(doc) + 1)) AS i FROM id_docs
            WHERE NOT starts_with(doc, '#'))`);
    const typos = await store.all<{ a: number; b: number }>(`
      SELECT DISTINCT least(x.gid, y.gid) AS a, greatest(x.gid, y.gid) AS b
      FROM id_masks x JOIN id_masks y ON x.m = y.m AND x.nat = y.nat AND x.gid <> y.gid
      WHERE x.gid IN (SELECT gid FROM id_active)
      UNION
      SELECT least(d.gid, e.gid), greatest(d.gid, e.gid)
      FROM (SELECT gid, nat, doc, unnest(range(1, length(doc))) AS i FROM id_docs
            WHERE gid IN (SELECT gid FROM id_active)) d
      JOIN id_docs e ON e.nat = d.nat
        AND e.doc = left(d.doc, i - 1) || substr(d.doc, i + 1, 1) || substr(d.doc, i, 1) || substr(d.doc, i + 2)
        AND e.gid <> d.gid
      ORDER BY a, b`);
    const renewals = await store.all<{ a: number; b: number }>(`
      WITH dk AS (
        SELECT DISTINCT d.gid, d.nat, d.birth_date, d.sex, d.first_seen, d.last_seen, k.key
        FROM (SELECT gid, nat, birth_date, sex, first_seen, last_seen, unnest(names) AS name
              FROM id_docs WHERE birth_date IS NOT NULL) d
        JOIN identity_name_keys k ON k.name = d.name
        WHERE k.key <> '')
      SELECT DISTINCT least(x.gid, y.gid) AS a, greatest(x.gid, y.gid) AS b
      FROM dk x JOIN dk y ON x.key = y.key AND x.birth_date = y.birth_date AND x.nat = y.nat
        AND x.gid <> y.gid
      WHERE x.gid IN (SELECT gid FROM id_active)
        AND (x.sex IS NULL OR y.sex IS NULL OR x.sex = y.sex)
        AND (x.last_seen < y.first_seen OR y.last_seen < x.first_seen)
      ORDER BY a, b`);
    stats.typo_candidates = typos.length;
    stats.renewal_candidates = renewals.length;
    return { typos, renewals };
  });

  // JavaScript sees full details only of documents in a candidate pair (and the other documents
  // of their persons); every other document is a person of its own or stays with its person.
  const { docs } = await ctx.stage("load documents", async () => {
    const pairs = [...candidatePairs.typos, ...candidatePairs.renewals];
    await store.run("CREATE OR REPLACE TEMP TABLE id_pair_docs (gid INTEGER)");
    if (pairs.length > 0) {
      const appender = await store.conn.createAppender("id_pair_docs", "main", "temp");
      for (const gid of new Set(pairs.flatMap((p) => [p.a, p.b]))) {
        appender.appendInteger(gid);
        appender.endRow();
      }
      appender.flushSync();
      appender.closeSync();
    }
    const docs = await store.json<DocRow>(`
      WITH persons AS (SELECT DISTINCT person_id FROM id_docs JOIN id_pair_docs USING (gid)
                       WHERE person_id IS NOT NULL)
      SELECT gid, nat, doc, birth_date, sex, first_seen, last_seen, person_id, n::INTEGER AS n,
             is_new, first_source, first_record_id, names
      FROM id_docs
      WHERE gid IN (SELECT gid FROM id_pair_docs) OR person_id IN (SELECT person_id FROM persons)
      ORDER BY gid`);
    // The rest never reach JavaScript: each is a person of its own (ids given in SQL below) or
    // stays with its person.
    return { docs };
  });

  const resolution = await ctx.stage("match names and resolve", async () => {
    const groups: DocGroup[] = docs.map((d) => ({
      docNumber: d.doc,
      nationality: d.nat === "" ? null : d.nat,
      birthDate: d.birth_date,
      sex: d.sex,
      firstSeen: d.first_seen,
      lastSeen: d.last_seen,
      personId: d.person_id,
      records: d.n,
    }));
    const local = new Map(docs.map((d, i) => [d.gid, i]));
    const cache = new Map<string, { score: number; why: string }>();
    const candidates: Candidate[] = [];
    const add = (pairs: { a: number; b: number }[], kind: Candidate["kind"]) => {
      for (const p of pairs) {
        const a = local.get(p.a)!;
        const b = local.get(p.b)!;
        const da = docs[a]!;
        const db = docs[b]!;
        const bothBorn = da.birth_date !== null && da.birth_date === db.birth_date;
        const enough = bothBorn && kind === "typo" ? TYPO_NAME_FLOOR : MATCH_THRESHOLD;
        const s = scoreNames(da.names, db.names, enough, cache);
        candidates.push({
          a,
          b,
          kind,
          nameScore: s.score,
          nameA: s.nameA,
          nameB: s.nameB,
          nameWhy: s.why,
        });
      }
    };
    add(candidatePairs.typos, "typo");
    add(candidatePairs.renewals, "renewal");
    return resolvePersons(groups, candidates);
  });
  stats.typo_links = resolution.links.filter((l) => l.reason === "document typo").length;
  stats.renewal_links = resolution.links.filter((l) => l.reason === "passport renewal").length;
  stats.refused = resolution.refused.length;

  await ctx.stage("assign person ids", async () => {
    interface Member {
      gid: number;
      personId: string | null;
      isNew: boolean;
      first: string;
      source: string;
      recordId: string;
    }
    const clusters = new Map<string, Member[]>();
    const put = (key: string, m: Member) => {
      const list = clusters.get(key);
      if (list) list.push(m);
      else clusters.set(key, [m]);
    };
    docs.forEach((d, i) => {
      put(`r${resolution.cluster[i]}`, {
        gid: d.gid,
        personId: d.person_id,
        isNew: d.is_new,
        first: d.first_source + SEP + d.first_record_id,
        source: d.first_source,
        recordId: d.first_record_id,
      });
    });

    await store.run("CREATE OR REPLACE TEMP TABLE id_doc_person (gid INTEGER, person_id VARCHAR)");
    const docPerson = await store.conn.createAppender("id_doc_person", "main", "temp");
    const remap: [string, string][] = [];
    for (const list of clusters.values()) {
      if (!list.some((m) => m.isNew)) continue;
      const owners = [...new Set(list.map((m) => m.personId).filter((p) => p !== null))].sort();
      let pid: string;
      if (owners.length > 0) {
        // A growing person keeps its id; persons joined by this run keep the smallest one.
        pid = owners[0]!;
        for (const other of owners.slice(1)) remap.push([other, pid]);
        stats.persons_merged += owners.length - 1;
        if (list.some((m) => m.personId === null)) stats.persons_grown += 1;
      } else {
        const first = list.reduce((best, m) => (m.first < best.first ? m : best));
        pid = personIdFor(salt, first.source, first.recordId);
        stats.persons_created += 1;
      }
      for (const m of list) {
        if (m.personId === pid) continue;
        docPerson.appendInteger(m.gid);
        docPerson.appendVarchar(pid);
        docPerson.endRow();
      }
    }
    docPerson.flushSync();
    docPerson.closeSync();
    // Every other new document without a person is a person of its own, whose first record is
    // the document's: its id is personIdFor(salt, first_source, first_record_id), computed here
    // in SQL (sha256, then the first 80 bits in base32 as two 40-bit halves) rather than in
    // JavaScript one document at a time (hundreds of thousands at 10M records); a missing
    // record_id hashes as 'null', as in the template string of personIdFor. A new document
    // of an existing person outside every pair stays with that person: nothing to write.
    const singles = await store.conn.runAndReadAll(
      `INSERT INTO id_doc_person
       SELECT gid, ${PERSON_ID_SQL}
       FROM (SELECT gid, ('0x' || substr(h, 1, 10))::UBIGINT AS hi, ('0x' || substr(h, 11, 10))::UBIGINT AS lo
             FROM (SELECT gid, sha256(?::VARCHAR || chr(31) || first_source || chr(31)
                                      || coalesce(first_record_id, 'null')) AS h
                   FROM id_docs
                   WHERE is_new AND person_id IS NULL AND gid NOT IN (SELECT gid FROM id_pair_docs)))`,
      [salt],
    );
    // INSERT returns one row: the number of rows inserted.
    stats.persons_created += Number(singles.getRows()[0]?.[0] ?? 0);
    await store.run("CREATE OR REPLACE TEMP TABLE id_remap (old_id VARCHAR, new_id VARCHAR)");
    for (const [o, n] of remap) await store.run("INSERT INTO id_remap VALUES (?, ?)", [o, n]);
  });

  await ctx.stage("write persons", async () => {
    const byGid = new Map(docs.map((d) => [d.gid, d]));
    const links = resolution.links.map((l) => ({ ...l, a: docs[l.a]!.gid, b: docs[l.b]!.gid }));
    await writePersons(store, links, byGid, isNew);
  });
  stats.persons = await countPersons(store);
  return stats;
}

async function countPersons(store: Store): Promise<number> {
  const row = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM persons");
  return Number(row?.n ?? 0);
}

async function writePersons(
  store: Store,
  links: AcceptedLink[],
  byGid: Map<number, DocRow>,
  isNew: (runId: string) => string,
): Promise<void> {
  // Persons merged into another one by this run's links.
  for (const t of ["person_records", "person_links", "person_documents", "person_names"])
    await store.run(
      `UPDATE ${t} SET person_id = m.new_id FROM id_remap m WHERE ${t}.person_id = m.old_id`,
    );
  await store.run("DELETE FROM persons WHERE person_id IN (SELECT old_id FROM id_remap)");

  // The person of every document after this run, and the persons whose aggregates change.
  await store.run(`CREATE OR REPLACE TEMP TABLE id_owner AS
    SELECT d.gid, d.nat, d.doc, d.anchor, d.first_seen, d.last_seen, d.is_new,
           p.gid IS NOT NULL AS reassigned, coalesce(p.person_id, m.new_id, d.person_id) AS person_id
    FROM id_docs d LEFT JOIN id_doc_person p ON p.gid = d.gid
    LEFT JOIN id_remap m ON m.old_id = d.person_id`);
  await store.run(`CREATE OR REPLACE TEMP TABLE id_touched AS
    SELECT DISTINCT person_id FROM id_owner WHERE is_new OR reassigned
    UNION SELECT new_id FROM id_remap`);

  // New original records: the person of their document. "same document" links are not stored:
  // each would only say that a record shares its document with the document's first record,
  // which person_records and records already tell (one row per record, 9.4M at 10M records).
  // Readers derive them (sojourn person, the report); stores written before this change drop
  // theirs here.
  await store.run(`INSERT INTO person_records
    SELECT r.rec_key, o.person_id
    FROM records r JOIN id_owner o
      ON o.nat = coalesce(r.nationality, '') AND o.doc = coalesce(r.doc_number, '#' || r.rec_key::VARCHAR)
    WHERE ${isNew("r.run_id")} AND r.canonical_key IS NULL`);
  await store.run("DELETE FROM person_links WHERE reason = 'same document'");

  // Re-exports: the person of the canonical record (else of their own document), decided once
  // for both the record and its link.
  await store.run(`CREATE OR REPLACE TEMP TABLE id_reexports AS
    SELECT rec_key, canonical_key, coalesce(nationality, '') AS nat, doc_number AS doc FROM records
    WHERE ${isNew("run_id")} AND canonical_key IS NOT NULL`);
  await store.run(`CREATE OR REPLACE TEMP TABLE id_reexports AS
    SELECT x.rec_key, x.canonical_key, coalesce(c.person_id, o.person_id) AS person_id
    FROM id_reexports x
    LEFT JOIN (SELECT p.rec_key, p.person_id FROM person_records p
               WHERE p.rec_key IN (SELECT canonical_key FROM id_reexports)) c ON c.rec_key = x.canonical_key
    LEFT JOIN id_owner o ON o.nat = x.nat AND o.doc = x.doc`);
  await store.run("INSERT INTO person_records SELECT rec_key, person_id FROM id_reexports");
  await store.run(`INSERT INTO person_links
    SELECT person_id, canonical_key, rec_key, 're-export', NULL FROM id_reexports`);

  if (links.length > 0) {
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

  // Aggregates of the touched persons, from the per-document variants (not the records); only
  // the columns read below (materializing every column was 2 CPU-s at 10M records).
  await store.run(`CREATE OR REPLACE TEMP TABLE id_person_variants AS
    SELECT o.person_id, v.nat, v.family_name, v.given_name, v.full_name, v.family_script,
           v.given_script, v.full_script, v.birth_date, v.sex, v.n
    FROM id_variants v JOIN id_owner o USING (nat, doc)
    WHERE o.person_id IN (SELECT person_id FROM id_touched)`);
  await store.run(
    "DELETE FROM person_documents WHERE person_id IN (SELECT person_id FROM id_touched)",
  );
  await store.run(`INSERT INTO person_documents
    SELECT person_id, doc, first_seen, last_seen, nullif(nat, '') FROM id_owner
    WHERE person_id IN (SELECT person_id FROM id_touched) AND NOT starts_with(doc, '#')`);
  await store.run("DELETE FROM person_names WHERE person_id IN (SELECT person_id FROM id_touched)");
  await store.run(`INSERT INTO person_names
    SELECT person_id, name, script, sum(n)::BIGINT FROM (
      SELECT person_id,
             CASE WHEN family_script IN ('hangul', 'han') AND given_script = family_script
                  THEN family_name || given_name
                  ELSE trim(concat_ws(' ', family_name, given_name)) END AS name,
             CASE WHEN given_script IS NULL OR family_script = given_script THEN coalesce(family_script, given_script)
                  WHEN family_script IS NULL THEN given_script ELSE 'mixed' END AS script, n
      FROM id_person_variants WHERE family_name IS NOT NULL OR given_name IS NOT NULL
      UNION ALL
      SELECT person_id, full_name, full_script, n FROM id_person_variants WHERE full_name IS NOT NULL)
    GROUP BY person_id, name, script`);
  await store.run(`INSERT INTO persons (person_id, display_name, birth_date, sex, nationality, labor_score, indicators, updated_at)
    -- Each pick is arg_min over a (rank…, value) struct, the order the pick is defined by:
    -- first(x ORDER BY …) is an ordered aggregate, which DuckDB runs on one thread. Latin
    -- display names first, then other scripts, then names of unknown script (NULLS LAST).
    WITH dn AS (
      SELECT person_id,
             arg_min(name, struct_pack(s := CASE WHEN script = 'latin' THEN 0 WHEN script IS NOT NULL THEN 1 ELSE 2 END,
                                       k := -count, name := name)) AS display_name
      FROM person_names WHERE person_id IN (SELECT person_id FROM id_touched) GROUP BY person_id),
    bd AS (SELECT person_id, arg_min(birth_date, struct_pack(k := -c, v := birth_date)) AS birth_date FROM
             (SELECT person_id, birth_date, sum(n) AS c FROM id_person_variants
              WHERE birth_date IS NOT NULL GROUP BY ALL) GROUP BY person_id),
    sx AS (SELECT person_id, arg_min(sex, struct_pack(k := -c, v := sex)) AS sex FROM
             (SELECT person_id, sex, sum(n) AS c FROM id_person_variants
              WHERE sex IS NOT NULL GROUP BY ALL) GROUP BY person_id),
    nt AS (SELECT person_id, arg_min(nat, struct_pack(k := -c, v := nat)) AS nationality FROM
             (SELECT person_id, nat, sum(n) AS c FROM id_person_variants
              WHERE nat <> '' GROUP BY ALL) GROUP BY person_id)
    SELECT t.person_id, dn.display_name, bd.birth_date, sx.sex, nt.nationality, 0, '[]', now()
    FROM id_touched t LEFT JOIN dn USING (person_id) LEFT JOIN bd USING (person_id)
    LEFT JOIN sx USING (person_id) LEFT JOIN nt USING (person_id)
    ON CONFLICT (person_id) DO UPDATE SET display_name = excluded.display_name,
      birth_date = excluded.birth_date, sex = excluded.sex, nationality = excluded.nationality,
      updated_at = excluded.updated_at`);
  await store.run("INSERT INTO identity_runs SELECT run_id FROM id_new_runs");
}
