/**
 * Persons: search by a name in any script or a document number, and one person's detail —
 * names, documents, records with why each was linked, stays, alerts, cohorts and the claims
 * about the places of their stays. Masked unless `unmask`: names keep their first letter,
 * document numbers their last characters, records are cited by run and line.
 */
import { AppError } from "../core/errors.js";
import { createMasker } from "../core/masking.js";
import type { Store } from "../db/store.js";
import { checkLimit, decodeCursor, encodeCursor, type Page, type PageRequest } from "./page.js";
import { recordRefListSql, recordRefSql } from "./records.js";

export interface PersonSearch extends PageRequest {
  /** A name as written in any script (substring, case-insensitive), or a whole document number. */
  query: string;
  unmask?: boolean;
}

export interface PersonSummary {
  person_id: string;
  display_name: string;
  birth_date: string | null;
  sex: string | null;
  nationality: string | null;
  labor_score: number;
}

/** Persons whose names contain `query` or who hold the document `query`, by person id. */
export async function searchPersons(store: Store, q: PersonSearch): Promise<Page<PersonSummary>> {
  const text = q.query.trim();
  if (text.length === 0)
    throw new AppError("usage", "person search: expected a name or a document number");
  const limit = checkLimit(q.limit, 50);
  const after = q.cursor ? String(decodeCursor(q.cursor, 1)[0]) : null;
  const mask = createMasker(!!q.unmask);
  const rows = await store.json<PersonSummary>(
    `SELECT p.person_id, p.display_name, strftime(p.birth_date, '%Y-%m-%d') AS birth_date, p.sex,
            p.nationality, coalesce(p.labor_score, 0)::DOUBLE AS labor_score
     FROM persons p
     WHERE (p.person_id IN (SELECT person_id FROM person_names WHERE contains(lower(name), lower($q)))
        OR p.person_id IN (SELECT person_id FROM person_documents WHERE upper(doc_number) = upper($q)))
       AND ($after IS NULL OR p.person_id > $after)
     ORDER BY p.person_id ${limit === 0 ? "" : `LIMIT ${limit + 1}`}`,
    { q: text, after },
  );
  const more = limit > 0 && rows.length > limit;
  const items = (more ? rows.slice(0, limit) : rows).map((p) => ({
    ...p,
    display_name: mask.name(p.display_name),
    birth_date: p.birth_date === null ? null : mask.birthDate(p.birth_date),
  }));
  const last = items.at(-1);
  return { items, next: more && last ? encodeCursor([last.person_id]) : null };
}

export interface PersonDetail {
  person: PersonSummary & { indicators: unknown };
  names: { name: string; script: string; count: number }[];
  documents: {
    doc_number: string;
    nationality: string | null;
    first_seen: string | null;
    last_seen: string | null;
  }[];
  /** Every record, with why it belongs: first record, same document, re-export (and to which). */
  records: Record<string, unknown>[];
  /** Links between documents (typo, renewal, …) with their evidence. */
  links: { reason: string; record_a: string; record_b: string; evidence: unknown }[];
  stays: Record<string, unknown>[];
  alerts: Record<string, unknown>[];
  cohorts: {
    cohort_id: string;
    kind: string;
    role: string;
    first_seen: string | null;
    last_seen: string | null;
  }[];
}

/** One person in full; a not-found error when the id is unknown. */
export async function getPerson(
  store: Store,
  personId: string,
  options: { unmask?: boolean } = {},
): Promise<PersonDetail> {
  const unmask = !!options.unmask;
  const mask = createMasker(unmask);
  const [person] = await store.json<PersonDetail["person"]>(
    `SELECT person_id, display_name, strftime(birth_date, '%Y-%m-%d') AS birth_date, sex,
            nationality, labor_score, indicators FROM persons WHERE person_id = ?`,
    [personId],
  );
  if (!person)
    throw new AppError(
      "not-found",
      `person ${personId} not found (ids look like P-ABCDEFGHIJKLMNOP; run sojourn analyze first)`,
    );
  const names = await store.json<PersonDetail["names"][number]>(
    "SELECT name, script, count FROM person_names WHERE person_id = ? ORDER BY count DESC, name",
    [personId],
  );
  const documents = await store.json<PersonDetail["documents"][number]>(
    `SELECT doc_number, nationality, strftime(first_seen, '%Y-%m-%d') AS first_seen,
            strftime(last_seen, '%Y-%m-%d') AS last_seen
     FROM person_documents WHERE person_id = ? ORDER BY first_seen, doc_number`,
    [personId],
  );
  const records = await personRecords(store, personId, unmask);
  const links = await personLinks(store, personId, unmask);
  const hide = {
    docs: documents.map((d) => d.doc_number),
    // Each name whole and each of its parts: link explanations may quote either.
    names: names.flatMap((n) => [n.name, ...n.name.split(/[\s,/]+/)]).filter((n) => n.length > 0),
  };
  const { stays, alerts, cohorts } = await personTimeline(store, personId, unmask);
  if (unmask) return { person, names, documents, records, links, stays, alerts, cohorts };
  return {
    person: {
      ...person,
      display_name: mask.name(person.display_name),
      birth_date: person.birth_date === null ? null : mask.birthDate(person.birth_date),
    },
    names: maskNames(names),
    documents: documents.map((d) => ({ ...d, doc_number: mask.doc(d.doc_number) })),
    records: records.map((r) => ({
      ...r,
      doc_number: r.doc_number === null ? null : mask.doc(r.doc_number as string),
      name: mask.name(r.name as string),
      birth_date: r.birth_date === null ? null : mask.birthDate(r.birth_date as string),
    })),
    links: links.map((l) => ({ ...l, evidence: maskJson(l.evidence, hide) })),
    stays,
    alerts: alerts.map((a) => ({ ...a, summary: mask.text(String(a.summary ?? ""), hide) })),
    cohorts,
  };
}

/** Masked names, merged where they mask alike (counts added), most frequent first. */
function maskNames(names: PersonDetail["names"]): PersonDetail["names"] {
  const merged = new Map<string, PersonDetail["names"][number]>();
  for (const n of names) {
    const name = createMasker(false).name(n.name);
    const key = `${name}\u0000${n.script}`;
    const m = merged.get(key);
    if (m) m.count = Number(m.count) + Number(n.count);
    else merged.set(key, { name, script: n.script, count: Number(n.count) });
  }
  return [...merged.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** Every string inside a JSON value masked as free text. */
function maskJson(value: unknown, hide: { docs: string[]; names: string[] }): unknown {
  const mask = createMasker(false);
  if (typeof value === "string") return mask.text(value, hide);
  if (Array.isArray(value)) return value.map((v) => maskJson(v, hide));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskJson(v, hide)]));
  return value;
}

/**
 * A person's records. A record is linked to its document's first record ("same document",
 * derived here rather than stored) or, as a re-export, to its canonical record (person_links).
 */
async function personRecords(
  store: Store,
  personId: string,
  unmask: boolean,
): Promise<Record<string, unknown>[]> {
  return store.json(
    `WITH mine AS (SELECT r.* FROM person_records pr JOIN records r USING (rec_key)
                   WHERE pr.person_id = $1),
     doc AS (SELECT coalesce(nationality, '') AS nat, doc_number, min(rec_key) AS first_key
             FROM mine WHERE canonical_key IS NULL AND doc_number IS NOT NULL GROUP BY ALL)
     SELECT ${unmask ? "r.source, r.record_id" : `r.source, ${recordRefSql("r", false)} AS record_id`},
            strftime(r.local_date, '%Y-%m-%d') AS date, r.direction,
            coalesce(r.port_id, r.port_raw) AS port, r.doc_number,
            trim(concat_ws(' ', r.family_name, r.given_name,
                 CASE WHEN r.full_name IS NOT NULL THEN '/ ' || r.full_name END)) AS name,
            strftime(r.birth_date, '%Y-%m-%d') AS birth_date, r.sex,
            CASE WHEN l.reason IS NOT NULL THEN l.reason
                 WHEN d.first_key <> r.rec_key THEN 'same document'
                 ELSE 'first record' END AS linked_by,
            ${recordRefSql("a", unmask)} AS linked_to
     FROM mine r
     LEFT JOIN person_links l ON l.rec_key_b = r.rec_key AND l.person_id = $1
       AND l.reason = 're-export'
     LEFT JOIN doc d ON r.canonical_key IS NULL AND d.nat = coalesce(r.nationality, '')
       AND d.doc_number = r.doc_number
     LEFT JOIN records a ON a.rec_key = coalesce(l.rec_key_a,
       CASE WHEN d.first_key <> r.rec_key THEN d.first_key END)
     ORDER BY r.crossed_at, r.rec_key`,
    [personId],
  );
}

async function personLinks(
  store: Store,
  personId: string,
  unmask: boolean,
): Promise<PersonDetail["links"]> {
  const links = await store.json<PersonDetail["links"][number]>(
    `SELECT l.reason, ${recordRefSql("a", unmask)} AS record_a, ${recordRefSql("b", unmask)} AS record_b, l.evidence
     FROM person_links l JOIN records a ON a.rec_key = l.rec_key_a
     JOIN records b ON b.rec_key = l.rec_key_b
     WHERE l.person_id = ? AND l.reason NOT IN ('same document', 're-export')
     ORDER BY l.reason, a.source || ':' || a.record_id, b.source || ':' || b.record_id`,
    [personId],
  );
  for (const l of links)
    if (typeof l.evidence === "string") l.evidence = JSON.parse(l.evidence) as unknown;
  return links;
}

/** A person's stays, alerts and cohorts in time order. */
async function personTimeline(store: Store, personId: string, unmask: boolean) {
  const stays = await store.json(
    `SELECT port_in, port_out, strftime(entered_on, '%Y-%m-%d') AS entered_on,
            strftime(exited_on, '%Y-%m-%d') AS exited_on, days, flags,
            ${recordRefListSql("s.record_ids", unmask)} AS record_ids
     FROM stays s WHERE person_id = ? ORDER BY entered_on`,
    [personId],
  );
  const alerts = await store.json(
    `SELECT rule, score, strftime(period_start, '%Y-%m-%d') AS period_start,
            strftime(period_end, '%Y-%m-%d') AS period_end, summary
     FROM alerts WHERE person_id = ? ORDER BY period_start, rule`,
    [personId],
  );
  const cohorts = await store.json<PersonDetail["cohorts"][number]>(
    `SELECT m.cohort_id, k.kind, m.role, strftime(m.first_seen, '%Y-%m-%d') AS first_seen,
            strftime(m.last_seen, '%Y-%m-%d') AS last_seen
     FROM cohort_members m JOIN cohorts k USING (cohort_id) WHERE m.person_id = ? ORDER BY m.first_seen, m.cohort_id`,
    [personId],
  );
  return { stays, alerts, cohorts };
}
