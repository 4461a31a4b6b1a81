/**
 * Persons: search by a name in any script or a document number, and one person's detail —
 * names, documents, records with why each was linked, stays, alerts, cohorts and the claims
 * about the places of their stays. Masked unless `unmask`: names keep their first letter,
 * document numbers their last characters, records are cited by run and line.
 */
import { AppError } from "../core/errors.js";
import { createMasker, recordPseudonym } from "../core/masking.js";
import type { Store } from "../db/store.js";
import { checkLimit, decodeCursor, encodeCursor, type Page, type PageRequest } from "./page.js";
import { docKeySql, ensureReadTables, NAME_SEPARATOR, personKey } from "./read-tables.js";

export interface PersonSearch extends PageRequest {
  /**
   * A name as written in any script (substring, case-insensitive), or a whole document number.
   * A query with a digit is looked up as a document number only: names hold no digits, and the
   * name match is a scan of every name while the document lookup reads one row group.
   */
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
  await ensureReadTables(store);
  // read_persons.search holds a person's names lowered and joined by NAME_SEPARATOR, so a query
  // without it matches there exactly where it matches one name.
  const byDoc = `SELECT pkey, person_id FROM read_doc_index
    WHERE dkey = ${docKeySql("upper($q)")} AND doc = upper($q)`;
  const columns = `p.person_id, p.display_name, strftime(p.birth_date, '%Y-%m-%d') AS birth_date,
       p.sex, p.nationality, coalesce(p.labor_score, 0)::DOUBLE AS labor_score`;
  const page = after === null ? "" : "AND p.person_id > $after";
  // A document number (a query with a digit) is joined to read_persons on both keys, so DuckDB
  // filters read_persons on the integer key of the few persons who hold it.
  const select = /\d/.test(text)
    ? `SELECT ${columns} FROM read_persons p
       JOIN (${byDoc}) d ON p.pkey = d.pkey AND p.person_id = d.person_id WHERE true ${page}`
    : `SELECT ${columns} FROM read_persons p
       WHERE (p.person_id IN (SELECT person_id FROM (${byDoc})) OR ${
         text.includes(NAME_SEPARATOR)
           ? "p.person_id IN (SELECT person_id FROM person_names WHERE contains(lower(name), lower($q)))"
           : "contains(p.search, lower($q))"
       }) ${page}`;
  const params: Record<string, string> = after === null ? { q: text } : { q: text, after };
  // read_persons is written in person id order, so the first matches are the page and DuckDB
  // stops reading there; should they not come in order, the page is read again sorted.
  let rows =
    limit === 0 ? [] : await store.json<PersonSummary>(`${select} LIMIT ${limit + 1}`, params);
  if (
    limit === 0 ||
    rows.some((r, i) => i > 0 && (rows[i - 1] as PersonSummary).person_id >= r.person_id)
  )
    rows = await store.json<PersonSummary>(
      `${select} ORDER BY p.person_id ${limit === 0 ? "" : `LIMIT ${limit + 1}`}`,
      params,
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
  await ensureReadTables(store);
  // Each part as JSON text; a list part is null when it has no rows.
  const all = Object.fromEntries(
    (
      await store.json<{ part: string; body: string | null }>(personDetailSql, {
        person: personId,
        pkey: personKey(personId),
      })
    ).map((r) => [r.part, r.body === null ? null : JSON.parse(r.body)]),
  ) as { [K in keyof PersonParts]?: PersonParts[K] | null };
  if (!all.person)
    throw new AppError(
      "not-found",
      `person ${personId} not found (ids look like P-ABCDEFGHIJKLMNOP; run sojourn analyze first)`,
    );
  const {
    names: namesJson,
    documents: docsJson,
    cohorts: cohortsJson,
    links: linksJson,
    reexports,
    ...person
  } = all.person;
  const list = <T>(json: string | null): T[] => (json === null ? [] : (JSON.parse(json) as T[]));
  // JSON text in the read table, by name (an aggregate ordered by count there costs five times
  // the CPU of the rest of read_persons at 10M records): sorted here most frequent first, then
  // by name in DuckDB's order (UTF-8 bytes); each count as text, as store.json reads a BIGINT.
  const names = (JSON.parse(namesJson) as { name: string; script: string; count: number }[])
    .sort((a, b) => b.count - a.count || Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)))
    .map((n) => ({ name: n.name, script: n.script, count: String(n.count) as unknown as number }));
  // Fields in the detail's order (the read table's lists start with the field they sort on).
  const documents = list<PersonDetail["documents"][number]>(docsJson).map(
    ({ doc_number, nationality, first_seen, last_seen }) => ({
      doc_number,
      nationality,
      first_seen,
      last_seen,
    }),
  );
  const refs = await RecordRefs.of(store, withReexports(all.records ?? [], reexports), unmask);
  const records = refs.rows;
  const links = await personLinks(store, list<LinkRow>(linksJson), refs);
  const hide = {
    docs: documents.map((d) => d.doc_number),
    // Each name whole and each of its parts: link explanations may quote either.
    names: names.flatMap((n) => [n.name, ...n.name.split(/[\s,/]+/)]).filter((n) => n.length > 0),
  };
  // A stay cites the person's own records (keys as text, src/read/read-tables.ts).
  const stayKeys = (all.stays ?? []).map((s) => (s.record_keys ? s.record_keys.split(" ") : []));
  await refs.load(store, stayKeys.flat());
  const stays = (all.stays ?? []).map(({ record_keys: _keys, ...s }, i) => ({
    ...s,
    // JSON text in the read table.
    flags: s.flags === null ? null : (JSON.parse(s.flags) as string[]),
    record_ids: (stayKeys[i] ?? []).map((k) => refs.key(k) ?? "?"),
  }));
  const alerts = all.alerts ?? [];
  const cohorts = list<PersonDetail["cohorts"][number]>(cohortsJson).map(
    ({ cohort_id, kind, role, first_seen, last_seen }) => ({
      cohort_id,
      kind,
      role,
      first_seen,
      last_seen,
    }),
  );
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

interface RecordRow extends Record<string, unknown> {
  rec_key: string;
  ref: string;
  record_id: string;
  linked_key: string | null;
}

/** Each re-export (`b:a` pairs: record b repeats record a) linked to the record it repeats. */
function withReexports(rows: RecordRow[], pairs: string | null): RecordRow[] {
  if (pairs === null) return rows;
  const repeats = new Map(pairs.split(" ").map((p) => p.split(":") as [string, string]));
  return rows.map((r) => {
    const a = repeats.get(r.rec_key);
    return a === undefined ? r : { ...r, linked_by: "re-export", linked_key: a };
  });
}

/** A link between documents as read_persons keeps it (JSON text). */
type LinkRow = { reason: string; a: string; b: string; evidence: string | null };

/** The parts of a person's detail as personDetailSql reads them. */
interface PersonParts {
  /** The read_persons row, its names and lists as JSON text (a list NULL when empty). */
  person: PersonDetail["person"] & {
    names: string;
    documents: string | null;
    cohorts: string | null;
    links: string | null;
    reexports: string | null;
  };
  records: RecordRow[];
  stays: (Record<string, unknown> & { flags: string | null; record_keys: string | null })[];
  alerts: Record<string, unknown>[];
}

/**
 * SQL: one person ($person, its key $pkey: personKey) in one statement, a row per part of the
 * detail (`part`, and its `body` as JSON text): the read_persons row (with the person's
 * documents, cohorts, document links and re-exports as text), then the records, stays and alerts in
 * the detail's order. Each lookup filters on the integer key first (read-tables.ts). One
 * statement is one plan and one round trip, where a statement per part paid that fixed cost
 * per part.
 *
 * Records come with why each belongs: a record with a document to that document's first
 * record ("same document", derived rather than stored), else it is the first record; getPerson
 * then links each re-export to its canonical record (the pairs read_persons keeps). They are
 * read from `records` by the keys read_person_keys lists: DuckDB turns the semi join into a
 * filter on rec_key (the keys, their range), which skips the row groups holding none of them;
 * only the columns shown are read, as each costs a decompression per vector holding a record.
 */
const personDetailSql = `
  WITH mine AS (
    SELECT r.rec_key, r.source, r.record_id, r.local_date, r.crossed_at, r.direction,
           coalesce(r.port_id, r.port_raw) AS port, r.doc_number, r.family_name, r.given_name,
           r.full_name, r.birth_date, r.sex,
           CASE WHEN r.canonical_key IS NULL AND r.doc_number IS NOT NULL
                THEN min(r.rec_key) OVER (PARTITION BY coalesce(r.nationality, ''), r.doc_number,
                       r.canonical_key IS NULL) END AS first_key
    FROM records r
    WHERE r.rec_key IN (SELECT unnest(string_split(keys, ' '))::BIGINT FROM read_person_keys
                        WHERE pkey = $pkey AND person_id = $person))
  SELECT 'person' AS part, to_json({'person_id': person_id, 'display_name': display_name,
           'birth_date': strftime(birth_date, '%Y-%m-%d'), 'sex': sex,
           'nationality': nationality, 'labor_score': labor_score, 'indicators': indicators::VARCHAR,
           'names': names, 'documents': documents, 'cohorts': cohorts, 'links': links,
           'reexports': reexports})::VARCHAR AS body
  FROM read_persons WHERE pkey = $pkey AND person_id = $person
  UNION ALL
  SELECT 'records', to_json(list({
        'rec_key': m.rec_key::VARCHAR, 'ref': m.source || ':' || m.record_id, 'source': m.source,
        'record_id': m.record_id, 'date': strftime(m.local_date, '%Y-%m-%d'),
        'direction': m.direction, 'port': m.port, 'doc_number': m.doc_number,
        'name': trim(concat_ws(' ', m.family_name, m.given_name,
                CASE WHEN m.full_name IS NOT NULL THEN '/ ' || m.full_name END)),
        'birth_date': strftime(m.birth_date, '%Y-%m-%d'), 'sex': m.sex,
        'linked_by': CASE WHEN m.first_key <> m.rec_key THEN 'same document'
                          ELSE 'first record' END,
        'linked_key': CASE WHEN m.first_key <> m.rec_key THEN m.first_key::VARCHAR END
      } ORDER BY m.crossed_at, m.rec_key))::VARCHAR
    FROM mine m
  UNION ALL
  SELECT 'stays', to_json(list({'port_in': port_in, 'port_out': port_out,
                'entered_on': strftime(entered_on, '%Y-%m-%d'),
                'exited_on': strftime(exited_on, '%Y-%m-%d'), 'days': days, 'flags': flags,
                'record_keys': record_keys} ORDER BY entered_on, exited_on, record_keys))::VARCHAR
              FROM read_person_stays WHERE person_id = $person
  UNION ALL
  SELECT 'alerts', to_json(list({'alert_id': alert_id, 'rule': rule, 'score': score,
                'period_start': strftime(period_start, '%Y-%m-%d'),
                'period_end': strftime(period_end, '%Y-%m-%d'), 'summary': summary}
                ORDER BY period_start, rule, alert_id))::VARCHAR
              FROM read_person_alerts WHERE pkey = $pkey AND person_id = $person`;

/**
 * A person's records as the detail shows them (personDetailSql says why each belongs), and
 * how each is cited: `source:record_id` unmasked, its run and line masked. Stays, links and
 * alerts cite the person's own records, so they are resolved here without touching `records`.
 */
class RecordRefs {
  private constructor(
    readonly rows: Record<string, unknown>[],
    private readonly byKey: Map<string, string>,
    private readonly unmask: boolean,
  ) {}

  static async of(store: Store, rows: RecordRow[], unmask: boolean): Promise<RecordRefs> {
    const cite = (r: { rec_key: string; ref: string }) =>
      unmask ? r.ref : recordPseudonym(r.rec_key);
    const byKey = new Map(rows.map((r) => [r.rec_key, cite(r)]));
    const missing = rows.flatMap((r) =>
      r.linked_key !== null && !byKey.has(r.linked_key) ? [r.linked_key] : [],
    );
    const refs = new RecordRefs([], byKey, unmask);
    await refs.load(store, missing);
    refs.rows.push(
      ...rows.map(({ rec_key, ref: _ref, linked_key, record_id, ...r }) => ({
        ...r,
        record_id: unmask ? record_id : byKey.get(rec_key),
        linked_to: linked_key === null ? null : (byKey.get(linked_key) ?? null),
      })),
    );
    return refs;
  }

  /** Adds records of other persons that a link names (rare: the person's own records come first). */
  async load(store: Store, keys: string[]): Promise<void> {
    const wanted = [...new Set(keys.filter((k) => !this.byKey.has(k) && /^\d{1,19}$/.test(k)))];
    if (wanted.length === 0) return;
    const rows = await store.json<{ rec_key: string; ref: string }>(
      `SELECT rec_key::VARCHAR AS rec_key, source || ':' || record_id AS ref FROM records
       WHERE rec_key IN (${wanted.join(", ")})`,
    );
    for (const r of rows)
      this.byKey.set(r.rec_key, this.unmask ? r.ref : recordPseudonym(r.rec_key));
  }

  key(recKey: unknown): string | null {
    return this.byKey.get(String(recKey)) ?? null;
  }
}

async function personLinks(
  store: Store,
  rows: LinkRow[],
  refs: RecordRefs,
): Promise<PersonDetail["links"]> {
  await refs.load(
    store,
    rows.flatMap((r) => [r.a, r.b]),
  );
  return rows
    .map((l) => ({
      reason: l.reason,
      record_a: refs.key(l.a) ?? "?",
      record_b: refs.key(l.b) ?? "?",
      evidence: typeof l.evidence === "string" ? (JSON.parse(l.evidence) as unknown) : l.evidence,
    }))
    .sort(
      (x, y) =>
        x.reason.localeCompare(y.reason) ||
        x.record_a.localeCompare(y.record_a) ||
        x.record_b.localeCompare(y.record_b),
    );
}
