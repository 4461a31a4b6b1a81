/**
 * `sojourn export <kind> --format ftm`: FollowTheMoney entities, one JSON object per line, for
 * Aleph (`alephclient write-entities`) and OpenSanctions tools (`ftm`, nomenklatura, yente).
 * Mapping in src/core/ftm; the schemata and why in docs/export.md.
 *
 * Each export is a list of sections, each one SQL query whose rows are mapped to entities and
 * written as DuckDB streams them (a chunk at a time), so memory stays flat however large the
 * store. A file is self-contained: besides its own kind it carries the entities its references
 * point at (the persons an alert is about, a cohort's members and sponsors), with the same ids
 * and the same content as in the export of their own kind, so files can be loaded in any order
 * (Aleph keeps the last version of an entity written under one id).
 * Masked unless `unmask` (src/core/masking.ts): no names or document numbers at all, records
 * cited by ingest run and line. The file is written as every output is (./output-file.ts).
 */
import * as ftm from "../core/ftm/index.js";
import { createMasker } from "../core/masking.js";
import type { Store } from "../db/store.js";
import { loadGazetteer } from "../gazetteer/load-gazetteer.js";
import { readStorePolicy } from "../read/policy.js";
import { citedRecordsSql } from "../read/records.js";
import { type OutputOptions, writeOutputFile } from "./output-file.js";

export const FTM_KINDS = ["persons", "alerts", "cohorts", "stays"] as const;
export type FtmKind = (typeof FTM_KINDS)[number];

export interface FtmExportOptions extends OutputOptions {
  unmask?: boolean;
}

export interface FtmExportResult {
  /** Rows of the exported kind (persons, alerts, cohorts or stays). */
  rows: number;
  /** Entity lines written, referenced entities and edges included. */
  entities: number;
  /** Entities per schema. */
  schemata: Record<string, number>;
}

interface Section {
  /** The rows, unordered; `order` sorts them (ORDER BY over the row alias `t`). */
  sql: string;
  order: string;
  /** Counted in `rows`: the section of the exported kind itself. */
  main?: boolean;
  map(row: Record<string, unknown>): ftm.FtmEntity[];
}

function portPlaces(): Map<string, ftm.FtmPlace> {
  const g = loadGazetteer();
  return new Map(g.ports.map((p) => [p.id, { name: p.name_en, country: p.country || null }]));
}

/**
 * Persons, optionally only those `filter` (a query returning person_id) selects. Names and
 * documents are read only when unmasked, so a masked export never has them in memory.
 */
function personsSql(unmask: boolean, filter?: string): string {
  const where = filter ? `WHERE p.person_id IN (${filter})` : "";
  if (!unmask)
    return `SELECT p.person_id, p.birth_date::VARCHAR AS birth_date, p.sex, p.nationality,
                   coalesce(p.labor_score, 0)::DOUBLE AS labor_score,
                   coalesce(from_json(p.indicators, '["VARCHAR"]'), []) AS indicators
            FROM persons p ${where}`;
  return `
    WITH sel AS (SELECT p.person_id FROM persons p ${where}),
    nm AS (SELECT person_id, list(name ORDER BY count DESC, name) AS names
           FROM person_names WHERE person_id IN (SELECT person_id FROM sel) GROUP BY person_id),
    dt AS (SELECT pr.person_id, r.doc_number, r.doc_type::VARCHAR AS doc_type, count(*) AS n
           FROM person_records pr JOIN records r USING (rec_key)
           WHERE pr.person_id IN (SELECT person_id FROM sel) AND r.doc_type IS NOT NULL GROUP BY ALL),
    dtop AS (SELECT person_id, doc_number, first(doc_type ORDER BY n DESC, doc_type) AS doc_type
             FROM dt GROUP BY ALL),
    dc AS (SELECT d.person_id,
                  list({doc_number: d.doc_number, doc_type: t.doc_type, nationality: d.nationality,
                        first_seen: d.first_seen::VARCHAR, last_seen: d.last_seen::VARCHAR}
                       ORDER BY d.doc_number) AS documents
           FROM person_documents d LEFT JOIN dtop t USING (person_id, doc_number)
           WHERE d.person_id IN (SELECT person_id FROM sel) GROUP BY d.person_id)
    SELECT p.person_id, coalesce(nm.names, []) AS names, p.birth_date::VARCHAR AS birth_date, p.sex,
           p.nationality, coalesce(p.labor_score, 0)::DOUBLE AS labor_score,
           coalesce(from_json(p.indicators, '["VARCHAR"]'), []) AS indicators,
           coalesce(dc.documents, []) AS documents
    FROM persons p LEFT JOIN nm USING (person_id) LEFT JOIN dc USING (person_id)
    WHERE p.person_id IN (SELECT person_id FROM sel)`;
}

/**
 * Cohorts, all or those `filter` selects. Always whole (movements included): an entity that two
 * files carry must be the same in both, since a loader may keep whichever it read last.
 */
function cohortsSql(filter?: string): string {
  return `
    SELECT k.cohort_id, k.kind, k.ports, k.sponsors, k.first_seen::VARCHAR AS first_seen,
           k.last_seen::VARCHAR AS last_seen,
           from_json(k.movements, '[{"date":"VARCHAR","port":"VARCHAR","direction":"VARCHAR","members":"INTEGER"}]') AS movements,
           (SELECT count(*)::INTEGER FROM cohort_members m WHERE m.cohort_id = k.cohort_id) AS members
    FROM cohorts k ${filter ? `WHERE k.cohort_id IN (${filter})` : ""}`;
}

/** Each cohort's recorded sponsor spellings, mapped to the sponsor group that holds them. */
const COHORT_SPONSORS = `
  WITH cs AS (SELECT k.cohort_id, s.spelling FROM cohorts k, unnest(k.sponsors) AS s(spelling)),
  grp AS (SELECT sponsor_key, n.spelling FROM sponsors, unnest(names) AS n(spelling))
  SELECT cs.cohort_id, coalesce(g.sponsor_key, cs.spelling) AS sponsor_key,
         list(DISTINCT cs.spelling ORDER BY cs.spelling) AS spellings
  FROM cs LEFT JOIN grp g USING (spelling) GROUP BY ALL`;

function sectionsFor(kind: FtmKind, ctx: ftm.FtmContext): Section[] {
  const person: Section["map"] = (r) => ftm.mapPerson(r as unknown as ftm.PersonRow, ctx);
  switch (kind) {
    case "persons":
      return [{ sql: personsSql(ctx.unmask), order: "person_id", main: true, map: person }];
    case "alerts": {
      const mask = createMasker(ctx.unmask);
      // Summaries are masked as in the report: the person's document numbers, and any number in
      // a document-number format, lose their middle characters.
      const docs = ctx.unmask
        ? "[]::VARCHAR[]"
        : "coalesce((SELECT list(d.doc_number) FROM person_documents d WHERE d.person_id = a.person_id), [])";
      const alerts = citedRecordsSql("alerts", "a", ctx.unmask);
      return [
        {
          sql: personsSql(ctx.unmask, "SELECT person_id FROM alerts WHERE person_id IS NOT NULL"),
          order: "person_id",
          map: person,
        },
        {
          sql: cohortsSql("SELECT cohort_id FROM alerts WHERE cohort_id IS NOT NULL"),
          order: "cohort_id",
          map: (r) => [ftm.mapCohort(r as unknown as ftm.CohortRow, ctx)],
        },
        {
          sql: `SELECT a.alert_id, a.rule, a.rule_version, a.score, a.person_id, a.cohort_id,
                       a.period_start::VARCHAR AS period_start, a.period_end::VARCHAR AS period_end,
                       a.summary, ${alerts.refs} AS record_ids, ${docs} AS docs
                FROM ${alerts.from}`,
          order: "rule, alert_id",
          main: true,
          map: (r) => {
            const row = r as unknown as ftm.AlertRow & { docs: string[] };
            return [
              ftm.mapAlert({
                ...row,
                summary: mask.text(row.summary ?? "", { docs: row.docs }) || null,
              }),
            ];
          },
        },
      ];
    }
    case "cohorts":
      return [
        {
          sql: personsSql(ctx.unmask, "SELECT person_id FROM cohort_members"),
          order: "person_id",
          map: person,
        },
        {
          sql: `SELECT sponsor_key, names, persons, likely_workers, first_seen::VARCHAR AS first_seen,
                       last_seen::VARCHAR AS last_seen, workers_after_deadline, status
                FROM sponsors WHERE sponsor_key IN (SELECT sponsor_key FROM (${COHORT_SPONSORS}))
                UNION ALL
                -- spellings no sponsor group holds (none when analyze ran on the same records)
                SELECT DISTINCT sponsor_key, [sponsor_key], NULL, NULL, NULL, NULL, NULL, NULL
                FROM (${COHORT_SPONSORS}) WHERE sponsor_key NOT IN (SELECT sponsor_key FROM sponsors)`,
          order: "sponsor_key",
          map: (r) => [ftm.mapSponsor(r as unknown as ftm.SponsorRow, ctx)],
        },
        {
          sql: cohortsSql(),
          order: "cohort_id",
          main: true,
          map: (r) => [ftm.mapCohort(r as unknown as ftm.CohortRow, ctx)],
        },
        {
          sql: `SELECT cohort_id, person_id, role, first_seen::VARCHAR AS first_seen,
                       last_seen::VARCHAR AS last_seen
                FROM cohort_members`,
          order: "cohort_id, person_id",
          map: (r) => [ftm.mapCohortMember(r as unknown as ftm.CohortMemberRow)],
        },
        {
          sql: COHORT_SPONSORS,
          order: "cohort_id, sponsor_key",
          map: (r) => [ftm.mapCohortSponsor(r as unknown as ftm.CohortSponsorRow)],
        },
      ];
    case "stays": {
      const stays = citedRecordsSql("stays", "s", ctx.unmask);
      return [
        {
          sql: personsSql(ctx.unmask, "SELECT DISTINCT person_id FROM stays"),
          order: "person_id",
          map: person,
        },
        {
          sql: `SELECT person_id, port_in, port_out, entered_on::VARCHAR AS entered_on,
                       exited_on::VARCHAR AS exited_on, days,
                       ${stays.refs} AS record_ids, flags
                FROM ${stays.from}`,
          order: "person_id, entered_on, record_ids",
          main: true,
          map: (r) => [ftm.mapStay(r as unknown as ftm.StayRow, ctx)],
        },
      ];
    }
  }
}

/** Writes one FtM export; see the header. */
export async function writeFtmExport(
  store: Store,
  kind: FtmKind,
  out: string,
  options: FtmExportOptions = {},
): Promise<FtmExportResult> {
  const { policy } = await readStorePolicy(store);
  const ctx: ftm.FtmContext = {
    unmask: !!options.unmask,
    threshold: policy.score.threshold,
    deadline: policy.deadline,
    ports: portPlaces(),
  };
  return writeOutputFile(
    out,
    async (file) => {
      const result: FtmExportResult = { rows: 0, entities: 0, schemata: {} };
      for (const section of sectionsFor(kind, ctx)) {
        // DuckDB turns each row into JSON text and JS parses it: several times faster than
        // converting list and struct values one by one through the driver (437,771 stays: 1.8 s
        // against 4.9 s to read them).
        const stream = await store.conn.stream(
          `SELECT to_json(t)::VARCHAR AS j FROM (${section.sql}) t ORDER BY ${section.order}`,
        );
        for await (const chunk of stream.yieldRows()) {
          let text = "";
          for (const [json] of chunk) {
            if (section.main) result.rows++;
            for (const entity of section.map(JSON.parse(json as string))) {
              text += `${JSON.stringify(entity)}\n`;
              result.entities++;
              result.schemata[entity.schema] = (result.schemata[entity.schema] ?? 0) + 1;
            }
          }
          await file.write(text);
        }
      }
      return result;
    },
    options,
  );
}
