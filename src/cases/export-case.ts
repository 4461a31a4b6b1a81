/**
 * `case export`: an evidence pack for one case, in a new folder:
 *
 *   manifest.json      the case, each file with its SHA-256, the records cited, the source
 *                      files with their SHA-256, the audit entries, what the pack does not do
 *   case.json          the case: items, notes, reviews of its alerts
 *   report.html        the compliance report over the case's share of the store alone
 *                      (./case-scope.ts): its persons, records, alerts, cohorts, sponsors, claims
 *   persons.csv, alerts.csv, cohorts.csv, sponsors.csv, claims.csv   the case's entities
 *   entities.ftm.json  the same as FollowTheMoney entities (src/core/ftm)
 *   records.csv        the crossing records its alerts cite and its persons' records
 *   sources.csv        the files those records and claims came from, with their SHA-256
 *   sources/           the evidence sources' original bytes (claims' sources); crossing files
 *                      are listed, not copied: they hold everyone's records, and the case's
 *                      own are in records.csv
 *   audit.jsonl        the audit entries about the case
 *
 * Masked unless `unmask` (names, document numbers, birth dates), as every other output.
 */

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { stringify } from "csv-stringify/sync";
import { listAudit } from "../audit/audit-log.js";
import type { Policy } from "../core/detection/policy.js";
import { AppError } from "../core/errors.js";
import {
  type AlertRow,
  type CohortRow,
  type FtmEntity,
  type FtmPlace,
  mapAlert,
  mapCohort,
  mapPerson,
  mapSponsor,
  type PersonRow,
  type SponsorRow,
} from "../core/ftm/index.js";
import { createMasker } from "../core/masking.js";
import { isoTimeSql } from "../db/iso-time.js";
import type { Store } from "../db/store.js";
import { loadGazetteer } from "../gazetteer/load-gazetteer.js";
import { readStorePolicy } from "../read/policy.js";
import { recordIdsSql } from "../read/records.js";
import { buildReport } from "../report/build-report.js";
import { reviewsOf } from "../review/alert-review.js";
import { withCaseScope } from "./case-scope.js";
import { type CaseDetail, getCase, itemsOf } from "./cases.js";

export interface CaseExportResult {
  case_id: string;
  out: string;
  masked: boolean;
  files: { path: string; sha256: string; bytes: number }[];
  counts: Record<string, number>;
}

const sha = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

type Rows = Record<string, unknown>[];

/** The case's entity rows (masked reads leave names and document numbers out). */
async function entityRows(store: Store, c: CaseDetail, unmask: boolean) {
  const ids = (kind: Parameters<typeof itemsOf>[1]) => JSON.stringify(itemsOf(c, kind));
  const alerts = await store.json(
    `SELECT alert_id, rule, rule_version, score, person_id, cohort_id,
            period_start::VARCHAR AS period_start, period_end::VARCHAR AS period_end, summary,
            ${recordIdsSql("record_keys")} AS record_ids FROM alerts WHERE alert_id IN (SELECT unnest(from_json(?, '["VARCHAR"]'))) ORDER BY alert_id`,
    [ids("alert")],
  );
  const personIds = [
    ...new Set([
      ...itemsOf(c, "person"),
      ...alerts.map((a) => a.person_id as string | null).filter((p): p is string => !!p),
    ]),
  ];
  const persons = await store.json(
    `SELECT p.person_id, ${unmask ? "p.display_name," : ""} p.birth_date::VARCHAR AS birth_date, p.sex,
            p.nationality, coalesce(p.labor_score, 0)::DOUBLE AS labor_score,
            coalesce(from_json(p.indicators, '["VARCHAR"]'), []) AS indicators
            ${unmask ? ", (SELECT list(name ORDER BY count DESC, name) FROM person_names n WHERE n.person_id = p.person_id) AS names" : ""}
     FROM persons p WHERE person_id IN (SELECT unnest(from_json(?, '["VARCHAR"]'))) ORDER BY person_id`,
    [JSON.stringify(personIds)],
  );
  const cohorts = await store.json(
    `SELECT k.cohort_id, k.kind, k.ports, k.sponsors, k.first_seen::VARCHAR AS first_seen,
            k.last_seen::VARCHAR AS last_seen,
            (SELECT count(*)::INTEGER FROM cohort_members m WHERE m.cohort_id = k.cohort_id) AS members
     FROM cohorts k WHERE cohort_id IN (SELECT unnest(from_json(?, '["VARCHAR"]'))) ORDER BY cohort_id`,
    [ids("cohort")],
  );
  const sponsors = await store.json(
    `SELECT sponsor_key, names, persons, likely_workers, first_seen::VARCHAR AS first_seen,
            last_seen::VARCHAR AS last_seen, workers_after_deadline, status
     FROM sponsors WHERE sponsor_key IN (SELECT unnest(from_json(?, '["VARCHAR"]'))) ORDER BY sponsor_key`,
    [ids("sponsor")],
  );
  const claims = await store.json(
    `SELECT c.claim_id, c.source_id, s.sha256 AS source_sha256, s.file_name AS source_file, c.kind,
            c.place_text, c.place_id, c.period_start::VARCHAR AS period_start,
            c.period_end::VARCHAR AS period_end, c.value_min, c.value_max, c.value_unit,
            c.qualifier, c.organisation, c.quote, c.status
     FROM evidence_claims c JOIN evidence_sources s USING (source_id)
     WHERE c.claim_id::VARCHAR IN (SELECT unnest(from_json(?, '["VARCHAR"]'))) ORDER BY c.claim_id`,
    [ids("claim")],
  );
  return { alerts, persons, cohorts, sponsors, claims };
}

/**
 * The crossings the case's alerts cite (by the keys the alerts store) and its persons' records,
 * as stored.
 */
async function citedRecords(store: Store, alerts: Rows, personIds: string[]): Promise<Rows> {
  const rows = await store.json(
    `SELECT r.rec_key, r.source, r.record_id, r.run_id, r.line, ${isoTimeSql("r.crossed_at")},
            r.direction::VARCHAR AS direction, r.port_id, r.nationality::VARCHAR AS nationality,
            r.doc_number, r.doc_type::VARCHAR AS doc_type, r.full_name, r.family_name, r.given_name,
            r.birth_date::VARCHAR AS birth_date, r.sponsor, pr.person_id
     FROM records r LEFT JOIN person_records pr USING (rec_key)
     WHERE r.rec_key IN (SELECT unnest(record_keys) FROM alerts
                         WHERE alert_id IN (SELECT unnest(from_json(?, '["VARCHAR"]'))))
        OR pr.person_id IN (SELECT unnest(from_json(?, '["VARCHAR"]')))
     ORDER BY r.run_id, r.line`,
    [JSON.stringify(alerts.map((a) => a.alert_id)), JSON.stringify(personIds)],
  );
  return rows;
}

function csv(rows: Rows): string {
  if (rows.length === 0) return "";
  const cell = (v: unknown) =>
    v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
  const cols = Object.keys(rows[0] as object);
  return stringify([cols, ...rows.map((r) => cols.map((k) => cell(r[k])))]);
}

function ftmEntities(
  e: Awaited<ReturnType<typeof entityRows>>,
  unmask: boolean,
  policy: Policy,
): FtmEntity[] {
  const ports = new Map<string, FtmPlace>(
    loadGazetteer().ports.map((p) => [p.id, { name: p.name_en, country: p.country || null }]),
  );
  const ctx = { unmask, threshold: policy.score.threshold, deadline: policy.deadline, ports };
  return [
    ...e.persons.flatMap((p) =>
      mapPerson(
        { ...(p as unknown as PersonRow), names: unmask ? (p.names as string[]) : null },
        ctx,
      ),
    ),
    ...e.sponsors.map((s) => mapSponsor(s as unknown as SponsorRow, ctx)),
    ...e.cohorts.map((k) => mapCohort({ ...(k as unknown as CohortRow), movements: null }, ctx)),
    ...e.alerts.map((a) => mapAlert(a as unknown as AlertRow)),
  ];
}

/**
 * The cited records and the case's alerts as the pack shows them. Masked, a record is cited by
 * its pseudonym, as in every other output (src/core/masking.ts), names and document numbers
 * lose their middle, and alert summaries hide the documents, names and record ids they quote.
 */
function maskCited(raw: Rows, alertRows: Rows, m: ReturnType<typeof createMasker>) {
  const ref = (r: Record<string, unknown>) => `${r.source}:${r.record_id}`;
  const refs = new Map(
    raw.map((r) => [ref(r), m.record({ recKey: r.rec_key as number, id: ref(r) })]),
  );
  const present = (k: string) => [
    ...new Set(raw.map((r) => r[k] as string | null).filter((v): v is string => !!v)),
  ];
  const hide = { docs: present("doc_number"), names: present("full_name"), records: refs };
  const records = raw.map(
    ({ rec_key: _key, source: _s, record_id: _id, ...r }): Record<string, unknown> => ({
      record: refs.get(ref({ source: _s, record_id: _id })),
      ...r,
      doc_number: m.doc(r.doc_number as string | null),
      full_name: m.name(r.full_name as string | null),
      family_name: m.name(r.family_name as string | null),
      given_name: m.name(r.given_name as string | null),
      birth_date: m.birthDate(r.birth_date as string | null),
    }),
  );
  const alerts = alertRows.map((a) => ({
    ...a,
    summary: m.unmasked ? a.summary : m.text((a.summary as string) ?? "", hide),
    record_ids: ((a.record_ids as string[] | null) ?? []).map((id) => refs.get(id) ?? id),
  }));
  return { records, alerts };
}

/** Copies the claims' evidence sources into sources/ and lists every source file, crossing
 * files by their SHA-256 only, in sources.csv. */
async function putSources(
  store: Store,
  records: Record<string, unknown>[],
  claims: Record<string, unknown>[],
  put: (name: string, data: string | Buffer) => void,
) {
  const runs = await store.json(
    `SELECT run_id, file, file_sha256 AS sha256, source, ${isoTimeSql("started_at")} FROM ingest_runs
     WHERE run_id IN (SELECT unnest(from_json(?, '["BIGINT"]'))) ORDER BY run_id`,
    [JSON.stringify([...new Set(records.map((r) => Number(r.run_id)))])],
  );
  const sourceIds = [...new Set(claims.map((x) => Number(x.source_id)))];
  const evidence = await store.all<{
    source_id: bigint;
    sha256: string;
    file_name: string;
    original: Uint8Array;
  }>(
    `SELECT source_id, sha256, file_name, original FROM evidence_sources WHERE source_id IN (SELECT unnest(from_json(?, '["BIGINT"]')))`,
    [JSON.stringify(sourceIds)],
  );
  for (const s of evidence) {
    const name = `sources/${s.source_id}-${s.file_name.replace(/[^\p{L}\p{N}._-]/gu, "_")}`;
    put(name, Buffer.from(s.original));
  }
  put(
    "sources.csv",
    csv([
      ...runs.map((r) => ({ kind: "crossings", id: r.run_id, file: r.file, sha256: r.sha256 })),
      ...evidence.map((s) => ({
        kind: "evidence",
        id: Number(s.source_id),
        file: s.file_name,
        sha256: s.sha256,
      })),
    ]),
  );
  return { runs, evidence };
}

/** Writes the pack into `out`, which must not exist or be empty. */
export async function exportCase(
  store: Store,
  caseId: string,
  out: string,
  options: { unmask?: boolean } = {},
): Promise<CaseExportResult> {
  const unmask = !!options.unmask;
  const dir = resolve(out);
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new AppError("usage", `${out} is not empty: an evidence pack goes into a new folder`);
  const c = await getCase(store, caseId);
  mkdirSync(join(dir, "sources"), { recursive: true });
  const files: CaseExportResult["files"] = [];
  const put = (name: string, data: string | Buffer) => {
    writeFileSync(join(dir, name), data);
    files.push({ path: name, sha256: sha(data), bytes: Buffer.byteLength(data) });
  };
  const e = await entityRows(store, c, unmask);
  const m = createMasker(unmask);
  const personIds = e.persons.map((p) => p.person_id as string);
  const raw = await citedRecords(store, e.alerts, personIds);
  const { records, alerts } = maskCited(raw, e.alerts, m);
  const reviews = await reviewsOf(store, itemsOf(c, "alert"));
  put("case.json", `${JSON.stringify({ ...c, reviews: [...reviews.values()] }, null, 2)}\n`);
  put("persons.csv", csv(e.persons));
  put("alerts.csv", csv(alerts));
  put("cohorts.csv", csv(e.cohorts));
  put("sponsors.csv", csv(e.sponsors));
  put("claims.csv", csv(e.claims));
  const { policy } = await readStorePolicy(store);
  put(
    "entities.ftm.json",
    ftmEntities({ ...e, alerts }, unmask, policy)
      .map((x) => `${JSON.stringify(x)}\n`)
      .join(""),
  );
  put("records.csv", csv(records));
  const { runs, evidence } = await putSources(store, records, e.claims, put);
  const scope = {
    persons: personIds,
    alerts: e.alerts.map((a) => String(a.alert_id)),
    cohorts: [
      ...new Set([
        ...e.cohorts.map((k) => String(k.cohort_id)),
        ...e.alerts.map((a) => a.cohort_id as string | null).filter((k): k is string => !!k),
      ]),
    ],
    sponsors: e.sponsors.map((x) => String(x.sponsor_key)),
    claims: e.claims.map((x) => String(x.claim_id)),
    cited: e.alerts.flatMap((a) => (a.record_ids as string[] | null) ?? []),
  };
  const report = await withCaseScope(store, scope, () =>
    buildReport(store, join(dir, "report.html"), { unmask }),
  );
  const html = readFileSync(report.out);
  files.push({ path: "report.html", sha256: sha(html), bytes: html.length });
  const audit = await listAudit(store, { caseId });
  put("audit.jsonl", audit.map((a) => `${JSON.stringify(a)}\n`).join(""));
  const counts = {
    persons: e.persons.length,
    alerts: e.alerts.length,
    cohorts: e.cohorts.length,
    sponsors: e.sponsors.length,
    claims: e.claims.length,
    records: records.length,
    source_files: runs.length + evidence.length,
    audit_entries: audit.length,
  };
  writeFileSync(
    join(dir, "manifest.json"),
    `${JSON.stringify(
      {
        case_id: c.case_id,
        title: c.title,
        generated_at: new Date().toISOString(),
        masked: !unmask,
        sources:
          "evidence sources are copied into sources/; crossing files are listed in sources.csv with their SHA-256, not copied (they hold records of persons outside the case)",
        report_scope:
          "report.html covers this case only: it is built over a copy of the case's persons with their records, stays and cohort memberships, the records its alerts cite, and its alerts, cohorts, sponsors and claims; figures in it count those, not the whole store",
        counts,
        files,
        records: records.map((r) => ({
          record: r.record,
          run_id: Number(r.run_id),
          line: Number(r.line),
          person_id: r.person_id ?? null,
        })),
        source_files: [
          ...runs.map((r) => ({ kind: "crossings", file: r.file, sha256: r.sha256 })),
          ...evidence.map((x) => ({ kind: "evidence", file: x.file_name, sha256: x.sha256 })),
        ],
        audit: audit.map((a) => ({ seq: a.seq, action: a.action, actor: a.actor, hash: a.hash })),
      },
      null,
      2,
    )}\n`,
  );
  return { case_id: c.case_id, out: dir, masked: !unmask, files, counts };
}
