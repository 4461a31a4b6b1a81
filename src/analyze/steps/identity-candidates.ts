/**
 * The identity step's matching phases. Candidate pairs of document groups come from blocking in
 * SQL — one-keystroke document variants for typos, (name key, birth date, nationality) for
 * renewals — and only the documents in a pair (and the other documents of their persons) reach
 * JavaScript, where compareNames scores the names and resolvePersons decides.
 */
import {
  type Candidate,
  type DocGroup,
  type Resolution,
  resolvePersons,
  TYPO_NAME_FLOOR,
} from "../../core/identity/resolve-persons.js";
import {
  compareParsedNames,
  MATCH_THRESHOLD,
  type NameInput,
  type PreparedName,
  prepareName,
} from "../../core/names/index.js";
import type { Store } from "../../db/store.js";
import { numberReachedDocuments } from "./identity-reach.js";
import { type DocRow, type IdentityWork, SEP } from "./identity-work.js";

/** Pairs of document groups (gid), a < b. */
export interface CandidatePairs {
  typos: { a: number; b: number }[];
  renewals: { a: number; b: number }[];
}

/**
 * Candidate pairs: each involves at least one document that is new in this run (a new
 * document, or new records under a document not yet resolved). Found among the documents the
 * run reads (id_docs, identity-reach.ts), which hold every document such a pair can reach.
 */
export async function findCandidatePairs(work: IdentityWork): Promise<CandidatePairs> {
  const { store, stats } = work;
  await numberReachedDocuments(work);
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE id_active AS
    SELECT gid FROM id_docs WHERE is_new AND person_id IS NULL`);
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE id_masks AS
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
  // 3M rows at 10M records: handed back before the later phases build theirs.
  await store.run("DROP TABLE id_masks");
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
}

/** Full details of the documents in a candidate pair and of the other documents of their persons. */
export async function loadPairDocuments(store: Store, pairs: CandidatePairs): Promise<DocRow[]> {
  const all = [...pairs.typos, ...pairs.renewals];
  await store.run("CREATE OR REPLACE TEMP TABLE id_pair_docs (gid INTEGER)");
  if (all.length > 0) {
    const appender = await store.conn.createAppender("id_pair_docs", "main", "temp");
    for (const gid of new Set(all.flatMap((p) => [p.a, p.b]))) {
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
  return docs;
}

/** Names compared for every candidate pair, and the persons resolvePersons makes of them. */
export function matchAndResolve(docs: DocRow[], pairs: CandidatePairs): Resolution {
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
  const cache: ScoreCache = { pairs: new Map(), prepared: new Map() };
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
  add(pairs.typos, "typo");
  add(pairs.renewals, "renewal");
  return resolvePersons(groups, candidates);
}

/**
 * Scores already computed, by the two names' texts; and each name input parsed once
 * (prepareName), by its fields: a name recurs across many pairs, and parsing it is about half
 * the cost of a comparison.
 */
interface ScoreCache {
  pairs: Map<string, { score: number; why: string }>;
  prepared: Map<string, PreparedName>;
}

interface NameSide {
  input: NameInput;
  /** The input's fields, as the key of its parse in ScoreCache.prepared. */
  key: string;
  text: string;
}

function nameInputs(tuple: string): NameSide[] {
  const [family = "", given = "", full = ""] = tuple.split(SEP);
  const out: NameSide[] = [];
  if (family || given)
    out.push({
      input: { family, given },
      key: `s${family}${SEP}${given}`,
      text: [family, given].filter(Boolean).join(" "),
    });
  if (full) out.push({ input: { full }, key: `f${full}`, text: full });
  return out;
}

function prepared(side: NameSide, cache: ScoreCache): PreparedName {
  let p = cache.prepared.get(side.key);
  if (!p) {
    p = prepareName(side.input);
    cache.prepared.set(side.key, p);
  }
  return p;
}

/** Best name score between two groups' names, stopping once `enough` is reached. */
function scoreNames(
  namesA: readonly string[],
  namesB: readonly string[],
  enough: number,
  cache: ScoreCache,
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
      let m = cache.pairs.get(k);
      if (!m) {
        const r = compareParsedNames(prepared(x, cache), prepared(y, cache));
        m = { score: r.score, why: r.explanation.join("; ") };
        cache.pairs.set(k, m);
      }
      if (m.score > best.score) best = { score: m.score, nameA: x.text, nameB: y.text, why: m.why };
      if (best.score >= enough) return best;
    }
  return best;
}
