/**
 * Everything the report shows, read from the store. Each section is read only from the tables
 * that exist: the pipeline's stages are separate commands (ingest, analyze, lists import, screen,
 * evidence add), and a report of a store where some have not run says which command fills the
 * gap instead of failing. Masking is applied here, so nothing unmasked reaches the HTML unless
 * the analyst asked for it.
 */
import { listValue } from "@duckdb/node-api";
import { organisationKey, type Place } from "../core/evidence/index.js";
import { type Store, sqlString } from "../db/store.js";
import { compareClaims } from "../evidence/compare.js";
import { type ClaimRow, listClaims, resolvePlaceOrFail } from "../evidence/store-evidence.js";
import { type Gazetteer, loadGazetteer } from "../gazetteer/load-gazetteer.js";
import { createMasker, type Masker } from "./mask.js";

/** UNSCR 2397 (2017) op. 8: every DPRK national earning income abroad repatriated within 24
 * months of adoption on 22 Dec 2017, i.e. by 22 Dec 2019. */
export const DEADLINE = "2019-12-22";
/** PRODUCT.md §5: labor_score ≥ 0.5 means "likely an income-earning worker in the host country". */
export const LIKELY_WORKER = 0.5;

export interface ReportOptions {
  from?: string;
  to?: string;
  place?: string;
  unmask?: boolean;
  /** Rows in the top-N tables (sponsors, alerts, hits). */
  top?: number;
}

export type Section<T> = { available: true; data: T } | { available: false; reason: string };

const missing = (reason: string): { available: false; reason: string } => ({
  available: false,
  reason,
});

export interface Headline {
  records: number;
  dprkCrossings: number;
  dprkDocuments: number;
  firstDay: string | null;
  lastDay: string | null;
  persons: number | null;
  likelyWorkers: number | null;
  likelyWorkersAfterDeadline: number | null;
  presenceAfterDeadline: number | null;
  alerts: number | null;
  laborCohorts: number | null;
  sanctionedSponsors: number | null;
  claims: number | null;
}

export interface CitySeries {
  city_id: string;
  name: string;
  points: [string, number][];
}

export interface Presence {
  method: "presence-table" | "net-flow";
  series: CitySeries[];
}

export interface SponsorRow {
  key: string;
  label: string;
  spellings: number;
  crossings: number;
  documents: number;
  first: string;
  last: string;
  entriesAfterDeadline: number;
  likelyWorkers: number | null;
  sanctions: string | null;
}

export interface CohortRow {
  cohort_id: string;
  kind: string;
  members: number;
  ports: string;
  sponsors: string;
  first_seen: string | null;
  last_seen: string | null;
  movements: [string, number][];
}

export interface EvidenceRecord {
  source: string;
  record_id: string;
  date: string;
  direction: string;
  port: string;
  doc: string;
  name: string;
}

export interface AlertRow {
  alert_id: string;
  rule: string;
  rule_version: string | null;
  score: number;
  person_id: string | null;
  cohort_id: string | null;
  period_start: string | null;
  period_end: string | null;
  summary: string;
  record_count: number;
  evidence: EvidenceRecord[];
}

export interface HitRow {
  subject_kind: string;
  subject: string;
  list: string;
  reference: string;
  name: string | null;
  programmes: string | null;
  listed_on: string | null;
  score: number;
  explanation: string;
}

export interface ClaimView {
  claim: ClaimRow;
  beside: {
    method: string;
    peak: number | null;
    atEnd: number | null;
    dprkCrossings: number;
    reading: string;
    from: string;
    to: string;
  } | null;
}

export interface Quality {
  runs: Record<string, unknown>[];
  rejectsByReason: { column_name: string | null; reason: string; rows: number }[];
  warningsByColumn: { column_name: string | null; message: string; rows: number }[];
  unresolvedPorts: { port_raw: string; rows: number }[];
  identity: Record<string, number | string> | null;
  linksByReason: { reason: string; links: number }[];
  policy: { rule: string; rule_version: string | null; alerts: number }[];
  analyzeRun: {
    run_at: string;
    policy_version: string | null;
    policy_fingerprint: string | null;
  } | null;
  lists: { list: string; version: string | null; entities: number; imported_at: string }[];
  migrations: { version: number; name: string }[];
}

export interface ReportData {
  generatedAt: string;
  storePath: string;
  filters: { from: string | null; to: string | null; place: string | null };
  masked: boolean;
  headline: Headline;
  monthly: { month: string; entries: number; exits: number }[];
  presence: Section<Presence>;
  portFlows: { port_id: string; entries: number; exits: number }[];
  unknownPortCrossings: number;
  sponsors: Section<{
    rows: SponsorRow[];
    timeline: { label: string; points: [string, number][] }[];
  }>;
  cohorts: Section<CohortRow[]>;
  alerts: Section<{ rows: AlertRow[]; byRule: { rule: string; alerts: number }[]; total: number }>;
  hits: Section<HitRow[]>;
  evidence: Section<{
    sources: Record<string, unknown>[];
    claims: ClaimView[];
  }>;
  quality: Quality;
  gazetteer: Gazetteer;
}

/** Column names per table in the store, to decide which sections can be read. */
async function schemaOf(store: Store): Promise<Map<string, Set<string>>> {
  const rows = await store.json<{ table_name: string; column_name: string }>(
    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'",
  );
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    let s = out.get(r.table_name);
    if (!s) {
      s = new Set();
      out.set(r.table_name, s);
    }
    s.add(r.column_name);
  }
  return out;
}

function has(schema: Map<string, Set<string>>, table: string, cols: readonly string[]): boolean {
  const s = schema.get(table);
  return !!s && cols.every((c) => s.has(c));
}

/** A literal VARCHAR[] (typed even when empty, which a bound empty list cannot be). */
function varcharList(values: readonly string[]): string {
  return `[${values.map(sqlString).join(", ")}]::VARCHAR[]`;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

export async function gatherReport(store: Store, options: ReportOptions = {}): Promise<ReportData> {
  const top = options.top ?? 15;
  const mask = createMasker(!!options.unmask);
  const gazetteer = loadGazetteer();
  const schema = await schemaOf(store);
  const place: Place | undefined = options.place ? resolvePlaceOrFail(options.place) : undefined;
  // The record filter, shared by every query on records (aliased r).
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (options.from) {
    where.push("r.local_date >= $from::DATE");
    params.from = options.from;
  }
  if (options.to) {
    where.push("r.local_date <= $to::DATE");
    params.to = options.to;
  }
  if (place) {
    where.push(`list_contains(${varcharList(place.portIds)}, r.port_id)`);
  }
  const rf = where.length ? where.join(" AND ") : "TRUE";
  const p = params as Parameters<Store["json"]>[1];

  const base = await store.one<Record<string, unknown>>(
    `SELECT count(*) AS records,
       count(*) FILTER (WHERE r.nationality = 'PRK') AS dprk,
       count(DISTINCT r.doc_number) FILTER (WHERE r.nationality = 'PRK') AS docs,
       CAST(min(r.local_date) AS VARCHAR) AS first_day, CAST(max(r.local_date) AS VARCHAR) AS last_day,
       count(*) FILTER (WHERE r.port_id IS NULL) AS unknown_port
     FROM records r WHERE ${rf}`,
    p,
  );

  const monthly = (
    await store.json<{ month: string; entries: number; exits: number }>(
      `SELECT strftime(r.local_date, '%Y-%m') AS month,
         count(*) FILTER (WHERE r.direction = 'entry') AS entries,
         count(*) FILTER (WHERE r.direction = 'exit') AS exits
       FROM records r WHERE r.nationality = 'PRK' AND r.local_date IS NOT NULL AND ${rf}
       GROUP BY ALL ORDER BY month`,
      p,
    )
  ).map((m) => ({ month: m.month, entries: num(m.entries), exits: num(m.exits) }));

  const portFlows = (
    await store.json<{ port_id: string; entries: number; exits: number }>(
      `SELECT r.port_id, count(*) FILTER (WHERE r.direction = 'entry') AS entries,
         count(*) FILTER (WHERE r.direction = 'exit') AS exits
       FROM records r WHERE r.nationality = 'PRK' AND r.port_id IS NOT NULL AND ${rf} GROUP BY ALL`,
      p,
    )
  ).map((f) => ({ port_id: f.port_id, entries: num(f.entries), exits: num(f.exits) }));

  const presence = await gatherPresence(store, schema, gazetteer, options, place);

  // Identity.
  const identityReady =
    has(schema, "persons", ["person_id", "labor_score"]) &&
    has(schema, "person_records", ["rec_key", "person_id"]) &&
    num((await store.one<{ n: number }>("SELECT count(*) AS n FROM person_records"))?.n) > 0;
  // Labour scores mean something only once the detection step has run (they default to 0).
  const detectionReady =
    (has(schema, "analyze_runs", ["run_at"]) &&
      num((await store.one<{ n: number }>("SELECT count(*) AS n FROM analyze_runs"))?.n) > 0) ||
    (has(schema, "alerts", ["alert_id"]) &&
      num((await store.one<{ n: number }>("SELECT count(*) AS n FROM alerts"))?.n) > 0);
  let persons: number | null = null;
  let likelyWorkers: number | null = null;
  let likelyAfter: number | null = null;
  if (identityReady) {
    const row = await store.one<Record<string, unknown>>(
      `WITH pr AS (
         SELECT DISTINCT pr.person_id, max(r.local_date) OVER (PARTITION BY pr.person_id) AS last_day
         FROM person_records pr JOIN records r USING (rec_key) WHERE r.nationality = 'PRK' AND ${rf})
       SELECT count(DISTINCT pr.person_id) AS persons,
         count(DISTINCT pr.person_id) FILTER (WHERE p.labor_score >= ${LIKELY_WORKER}) AS workers,
         count(DISTINCT pr.person_id) FILTER (WHERE p.labor_score >= ${LIKELY_WORKER} AND pr.last_day > DATE '${DEADLINE}') AS workers_after
       FROM pr JOIN persons p USING (person_id)`,
      p,
    );
    persons = num(row?.persons);
    if (detectionReady) {
      likelyWorkers = num(row?.workers);
      likelyAfter = num(row?.workers_after);
    }
  }

  let presenceAfterDeadline: number | null = null;
  if (presence.available && presence.data.method === "presence-table") {
    const day = "2019-12-23";
    presenceAfterDeadline = presence.data.series.reduce(
      (s, c) => s + (c.points.find((pt) => pt[0] === day)?.[1] ?? 0),
      0,
    );
    if (!presence.data.series.some((c) => c.points.some((pt) => pt[0] === day)))
      presenceAfterDeadline = null;
  }

  const alerts = await gatherAlerts(store, schema, mask, rf, p, top);
  const cohorts = await gatherCohorts(store, schema, gazetteer, top);
  const hits = await gatherHits(store, schema, mask, top * 2);
  const sponsors = await gatherSponsors(store, schema, rf, p, top, identityReady && detectionReady);
  const evidence = await gatherEvidence(store, schema, place);
  const quality = await gatherQuality(store, schema);

  const laborCohorts =
    cohorts.available && has(schema, "cohorts", ["kind"])
      ? num(
          (
            await store.one<{ n: number }>(
              "SELECT count(*) AS n FROM cohorts WHERE kind = 'labor-team'",
            )
          )?.n,
        )
      : null;

  return {
    generatedAt: new Date().toISOString(),
    storePath: store.path,
    filters: { from: options.from ?? null, to: options.to ?? null, place: place?.name ?? null },
    masked: !mask.unmasked,
    headline: {
      records: num(base?.records),
      dprkCrossings: num(base?.dprk),
      dprkDocuments: num(base?.docs),
      firstDay: (base?.first_day as string | null) ?? null,
      lastDay: (base?.last_day as string | null) ?? null,
      persons,
      likelyWorkers,
      likelyWorkersAfterDeadline: likelyAfter,
      presenceAfterDeadline,
      alerts: alerts.available ? alerts.data.total : null,
      laborCohorts,
      sanctionedSponsors: hits.available
        ? new Set(hits.data.filter((h) => h.subject_kind === "sponsor").map((h) => h.subject)).size
        : null,
      claims: evidence.available ? evidence.data.claims.length : null,
    },
    monthly,
    presence,
    portFlows,
    unknownPortCrossings: num(base?.unknown_port),
    sponsors,
    cohorts,
    alerts,
    hits,
    evidence,
    quality,
    gazetteer,
  };
}

/** The city a presence place id belongs to: a city id, or a port's city_id. */
function cityOf(gazetteer: Gazetteer, placeId: string): string {
  const port = gazetteer.ports.find((p) => p.id === placeId);
  return port?.city_id || placeId;
}

function cityName(gazetteer: Gazetteer, cityId: string): string {
  return gazetteer.cities.find((c) => c.id === cityId)?.name_en ?? cityId;
}

async function gatherPresence(
  store: Store,
  schema: Map<string, Set<string>>,
  gazetteer: Gazetteer,
  options: ReportOptions,
  place: Place | undefined,
): Promise<Section<Presence>> {
  const inWindow = (day: string) =>
    (!options.from || day >= options.from) && (!options.to || day <= options.to);
  const wantCity = (city: string) => !place || place.cityIds.includes(city) || place.id === city;
  const byCity = new Map<string, Map<string, number>>();
  let method: Presence["method"];
  const rows = has(schema, "presence", ["day", "place_id", "likely_workers"])
    ? await store.json<{ day: string; place_id: string; n: number }>(
        "SELECT CAST(day AS VARCHAR) AS day, place_id, sum(likely_workers) AS n FROM presence GROUP BY ALL",
      )
    : [];
  if (rows.length > 0) {
    method = "presence-table";
    // A city's own rows win over its ports' rows, so nobody is counted twice.
    const cityLevel = new Set(
      rows.filter((r) => gazetteer.cities.some((c) => c.id === r.place_id)).map((r) => r.place_id),
    );
    for (const r of rows) {
      const city = cityOf(gazetteer, r.place_id);
      if (city !== r.place_id && cityLevel.has(city)) continue;
      let m = byCity.get(city);
      if (!m) {
        m = new Map();
        byCity.set(city, m);
      }
      m.set(r.day, (m.get(r.day) ?? 0) + num(r.n));
    }
  } else {
    // Without the detection step's presence table (missing or empty), the crude running balance of DPRK-national entries minus
    // exits per city since the first record (the evidence module's "net-flow" estimate).
    method = "net-flow";
    const flows = await store.json<{ day: string; port_id: string; delta: number }>(
      `SELECT CAST(local_date AS VARCHAR) AS day, port_id,
         sum(CASE WHEN direction = 'entry' THEN 1 ELSE -1 END) AS delta
       FROM records WHERE nationality = 'PRK' AND port_id IS NOT NULL AND local_date IS NOT NULL
       GROUP BY ALL ORDER BY day`,
    );
    if (flows.length === 0) return missing("no DPRK-national crossings loaded: run sojourn ingest");
    const deltas = new Map<string, Map<string, number>>();
    for (const r of flows) {
      const city = cityOf(gazetteer, r.port_id);
      let m = deltas.get(city);
      if (!m) {
        m = new Map();
        deltas.set(city, m);
      }
      m.set(r.day, (m.get(r.day) ?? 0) + num(r.delta));
    }
    for (const [city, m] of deltas) {
      let running = 0;
      const out = new Map<string, number>();
      for (const day of [...m.keys()].sort()) {
        running += m.get(day) ?? 0;
        out.set(day, running);
      }
      // People already inside when the logs start leave before they are seen entering, which
      // drives the balance below zero; the lowest point is taken as nobody present.
      const low = Math.min(0, ...out.values());
      for (const [day, v] of out) out.set(day, v - low);
      byCity.set(city, out);
    }
  }
  const series: CitySeries[] = [];
  for (const [city, m] of byCity) {
    if (!wantCity(city)) continue;
    const points = [...m.entries()]
      .filter(([d]) => inWindow(d))
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([d, n]) => [d, Math.round(n * 10) / 10] as [string, number]);
    if (points.length) series.push({ city_id: city, name: cityName(gazetteer, city), points });
  }
  series.sort(
    (a, b) =>
      Math.max(...b.points.map((x) => x[1])) - Math.max(...a.points.map((x) => x[1])) ||
      a.name.localeCompare(b.name),
  );
  if (series.length === 0) return missing("no presence in the selected period and place");
  return { available: true, data: { method, series } };
}

async function gatherSponsors(
  store: Store,
  schema: Map<string, Set<string>>,
  rf: string,
  p: Parameters<Store["json"]>[1],
  top: number,
  withScores: boolean,
): Promise<ReportData["sponsors"]> {
  const spellings = await store.json<{ sponsor: string }>(
    `SELECT DISTINCT r.sponsor FROM records r WHERE r.nationality = 'PRK' AND r.sponsor IS NOT NULL AND trim(r.sponsor) <> '' AND ${rf}`,
    p,
  );
  if (spellings.length === 0)
    return missing("no sponsors recorded on DPRK-national crossings in the selected records");
  // One organisation in several scripts and spellings is one row: the sponsor groups analyze
  // wrote (sponsor_names, the groups `sojourn sponsors` and the exports show); a spelling no
  // group holds falls back to the organisation key (docs/evidence.md, "Organisations").
  const groups = new Map<string, string>();
  if (has(schema, "sponsor_names", ["spelling", "sponsor_key"]))
    for (const g of await store.json<{ spelling: string; sponsor_key: string }>(
      "SELECT spelling, sponsor_key FROM sponsor_names",
    ))
      groups.set(g.spelling, `group:${g.sponsor_key}`);
  const keys = spellings.map((s) => {
    const k = groups.get(s.sponsor) ?? organisationKey(s.sponsor).key;
    return k || s.sponsor;
  });
  await store.run(
    "CREATE OR REPLACE TEMP TABLE report_sponsor_keys (sponsor VARCHAR, key VARCHAR)",
  );
  await store.run(
    "INSERT INTO report_sponsor_keys SELECT unnest($s::VARCHAR[]), unnest($k::VARCHAR[])",
    { s: listValue(spellings.map((s) => s.sponsor)), k: listValue(keys) },
  );
  const scoreSql = withScores
    ? `count(DISTINCT pr.person_id) FILTER (WHERE pe.labor_score >= ${LIKELY_WORKER})`
    : "NULL";
  const scoreJoin = withScores
    ? "LEFT JOIN person_records pr ON pr.rec_key = r.rec_key LEFT JOIN persons pe ON pe.person_id = pr.person_id"
    : "";
  const rows = await store.json<Record<string, unknown>>(
    `WITH labels AS (
       -- The label: the commonest Latin-script spelling (readable by every reader), else the commonest.
       SELECT k.key, arg_max(r.sponsor, (regexp_matches(r.sponsor, '^[ -~]+$'))::INTEGER * 1e12 + n) AS label,
         count(*) AS spellings FROM (
         SELECT r.sponsor, count(*) AS n FROM records r WHERE r.nationality = 'PRK' AND ${rf} GROUP BY ALL
       ) r JOIN report_sponsor_keys k USING (sponsor) GROUP BY k.key)
     SELECT k.key, l.label, l.spellings, count(*) AS crossings,
       count(DISTINCT r.doc_number) AS documents,
       CAST(min(r.local_date) AS VARCHAR) AS first, CAST(max(r.local_date) AS VARCHAR) AS last,
       count(*) FILTER (WHERE r.direction = 'entry' AND r.local_date > DATE '${DEADLINE}') AS after,
       ${scoreSql} AS likely
     FROM records r JOIN report_sponsor_keys k USING (sponsor) JOIN labels l USING (key) ${scoreJoin}
     WHERE r.nationality = 'PRK' AND ${rf}
     GROUP BY ALL ORDER BY documents DESC, crossings DESC, key LIMIT ${top}`,
    p,
  );
  const hitBySponsor = new Map<string, string>();
  if (has(schema, "screening_hits", ["subject_kind", "subject", "list", "reference"])) {
    const hs = await store.json<{ key: string; hit: string }>(
      `SELECT k.key, string_agg(DISTINCT h.list || ' ' || h.reference, ', ') AS hit
       FROM screening_hits h JOIN report_sponsor_keys k ON k.sponsor = h.subject
       WHERE h.subject_kind = 'sponsor' GROUP BY ALL`,
    );
    for (const h of hs) hitBySponsor.set(h.key, h.hit);
  }
  const out: SponsorRow[] = rows.map((r) => ({
    key: String(r.key),
    label: String(r.label),
    spellings: num(r.spellings),
    crossings: num(r.crossings),
    documents: num(r.documents),
    first: String(r.first),
    last: String(r.last),
    entriesAfterDeadline: num(r.after),
    likelyWorkers: r.likely === null ? null : num(r.likely),
    sanctions: hitBySponsor.get(String(r.key)) ?? null,
  }));
  const timelineKeys = out.slice(0, 8).map((s) => s.key);
  const days = await store.json<{ key: string; day: string; n: number }>(
    `SELECT k.key, CAST(r.local_date AS VARCHAR) AS day, count(*) AS n
     FROM records r JOIN report_sponsor_keys k USING (sponsor)
     WHERE r.nationality = 'PRK' AND r.direction = 'entry' AND list_contains(${varcharList(timelineKeys)}, k.key) AND ${rf}
     GROUP BY ALL ORDER BY day`,
    p,
  );
  const timeline = out.slice(0, 8).map((s) => ({
    label: s.label,
    points: days.filter((d) => d.key === s.key).map((d) => [d.day, num(d.n)] as [string, number]),
  }));
  await store.run("DROP TABLE IF EXISTS report_sponsor_keys");
  return { available: true, data: { rows: out, timeline } };
}

async function gatherCohorts(
  store: Store,
  schema: Map<string, Set<string>>,
  gazetteer: Gazetteer,
  top: number,
): Promise<ReportData["cohorts"]> {
  if (!has(schema, "cohorts", ["cohort_id", "kind"]))
    return missing("cohorts not available: run sojourn analyze (detection step)");
  const c = schema.get("cohorts")!;
  const members = has(schema, "cohort_members", ["cohort_id"])
    ? "(SELECT count(*) FROM cohort_members m WHERE m.cohort_id = c.cohort_id)"
    : "NULL";
  const col = (name: string, expr: string) => (c.has(name) ? expr : "NULL");
  const rows = await store.json<Record<string, unknown>>(
    `SELECT c.cohort_id, c.kind, ${members} AS members,
       ${col("ports", "CAST(to_json(c.ports) AS VARCHAR)")} AS ports,
       ${col("sponsors", "CAST(to_json(c.sponsors) AS VARCHAR)")} AS sponsors,
       ${col("first_seen", "CAST(c.first_seen AS VARCHAR)")} AS first_seen,
       ${col("last_seen", "CAST(c.last_seen AS VARCHAR)")} AS last_seen,
       ${col("movements", "CAST(to_json(c.movements) AS VARCHAR)")} AS movements
     FROM cohorts c ORDER BY (c.kind = 'labor-team') DESC, members DESC NULLS LAST, c.cohort_id LIMIT ${top}`,
  );
  if (rows.length === 0) return missing("no cohorts found: run sojourn analyze (detection step)");
  const portName = (id: string) => gazetteer.ports.find((p) => p.id === id)?.name_en ?? id;
  return {
    available: true,
    data: rows.map((r) => ({
      cohort_id: String(r.cohort_id),
      kind: String(r.kind),
      members: num(r.members),
      ports: listText(r.ports, portName),
      sponsors: listText(r.sponsors, (s) => s),
      first_seen: (r.first_seen as string | null)?.slice(0, 10) ?? null,
      last_seen: (r.last_seen as string | null)?.slice(0, 10) ?? null,
      movements: movementPoints(r.movements),
    })),
  };
}

function parseJson(v: unknown): unknown {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function listText(v: unknown, map: (s: string) => string): string {
  const parsed = parseJson(v);
  if (Array.isArray(parsed)) return parsed.map((x) => map(String(x))).join(", ");
  return parsed === null || parsed === undefined ? "" : String(parsed);
}

/** Cohort movements as (day, people) points, whatever the detection step's JSON shape: an
 * array of objects with a date-like field and a count-like field, or of date strings. */
function movementPoints(v: unknown): [string, number][] {
  const parsed = parseJson(v);
  if (!Array.isArray(parsed)) return [];
  const out: [string, number][] = [];
  for (const m of parsed) {
    if (typeof m === "string" && /^\d{4}-\d{2}-\d{2}/.test(m)) out.push([m.slice(0, 10), 1]);
    else if (m && typeof m === "object") {
      const o = m as Record<string, unknown>;
      const day = ["day", "date", "on", "crossed_on", "local_date", "at"]
        .map((k) => o[k])
        .find((x) => typeof x === "string" && /^\d{4}-\d{2}-\d{2}/.test(x)) as string | undefined;
      const n = ["members", "count", "persons", "n", "size"]
        .map((k) => o[k])
        .find((x) => typeof x === "number" || (Array.isArray(x) && x.length > 0));
      if (day)
        out.push([day.slice(0, 10), Array.isArray(n) ? n.length : typeof n === "number" ? n : 1]);
    }
  }
  return out;
}

async function gatherAlerts(
  store: Store,
  schema: Map<string, Set<string>>,
  mask: Masker,
  rf: string,
  p: Parameters<Store["json"]>[1],
  top: number,
): Promise<ReportData["alerts"]> {
  if (!has(schema, "alerts", ["alert_id", "rule", "score"]))
    return missing("alerts not available: run sojourn analyze (detection step)");
  const c = schema.get("alerts")!;
  const col = (name: string, expr = `a.${name}`) => (c.has(name) ? expr : "NULL");
  const total = num((await store.one<{ n: number }>("SELECT count(*) AS n FROM alerts"))?.n);
  if (total === 0) return missing("no alerts in the store: run sojourn analyze (detection step)");
  void rf;
  void p;
  const byRule = (
    await store.json<{ rule: string; alerts: number }>(
      "SELECT rule, count(*) AS alerts FROM alerts GROUP BY ALL ORDER BY alerts DESC, rule",
    )
  ).map((r) => ({ rule: r.rule, alerts: num(r.alerts) }));
  // The strongest alerts of each rule, so one prolific rule does not fill the table. Every
  // rule's strongest alert is taken first, then each rule's second …, so the table spans
  // every rule; the rows taken are shown strongest first.
  const rows = await store.json<Record<string, unknown>>(
    `SELECT * EXCLUDE (rank_in_rule) FROM (
       SELECT CAST(a.alert_id AS VARCHAR) AS alert_id, a.rule, ${col("rule_version", "CAST(a.rule_version AS VARCHAR)")} AS rule_version,
         a.score, ${col("person_id")} AS person_id, ${col("cohort_id", "CAST(a.cohort_id AS VARCHAR)")} AS cohort_id,
         ${col("period_start", "CAST(a.period_start AS VARCHAR)")} AS period_start,
         ${col("period_end", "CAST(a.period_end AS VARCHAR)")} AS period_end,
         ${col("summary")} AS summary, ${col("record_ids", "CAST(to_json(a.record_ids) AS VARCHAR)")} AS record_ids,
         row_number() OVER (PARTITION BY a.rule ORDER BY a.score DESC, a.alert_id) AS rank_in_rule
       FROM alerts a
       QUALIFY rank_in_rule <= ${Math.max(3, Math.ceil(top / 3))}
       ORDER BY rank_in_rule, a.score DESC, a.rule, a.alert_id LIMIT ${top})
     ORDER BY score DESC, rule, alert_id`,
  );
  const out: AlertRow[] = [];
  for (const r of rows) {
    const ids = parseJson(r.record_ids);
    const list = Array.isArray(ids) ? ids.map((x) => String(x)) : [];
    const evidence = await evidenceRecords(store, list.slice(0, 200), mask);
    const docs = evidence.map((e) => e.rawDoc);
    out.push({
      alert_id: String(r.alert_id),
      rule: String(r.rule),
      rule_version: (r.rule_version as string | null) ?? null,
      score: num(r.score),
      person_id: (r.person_id as string | null) ?? null,
      cohort_id: (r.cohort_id as string | null) ?? null,
      period_start: (r.period_start as string | null)?.slice(0, 10) ?? null,
      period_end: (r.period_end as string | null)?.slice(0, 10) ?? null,
      summary: mask.text(String(r.summary ?? ""), docs),
      record_count: list.length,
      evidence: evidence.slice(0, 6).map(({ rawDoc: _raw, ...e }) => e),
    });
  }
  return { available: true, data: { rows: out, byRule, total } };
}

/** The input records an alert cites, whether it cites them by rec_key or by record_id. */
async function evidenceRecords(
  store: Store,
  ids: string[],
  mask: Masker,
): Promise<(EvidenceRecord & { rawDoc: string })[]> {
  if (ids.length === 0) return [];
  const keys = ids.filter((x) => /^\d{1,18}$/.test(x));
  const rows = await store.json<Record<string, unknown>>(
    `SELECT r.source, r.record_id, CAST(r.local_date AS VARCHAR) AS day, r.direction,
       r.port_id, r.port_raw, r.doc_number,
       coalesce(r.full_name, trim(coalesce(r.family_name, '') || ' ' || coalesce(r.given_name, ''))) AS name
     FROM records r
     WHERE list_contains([${keys.join(", ")}]::BIGINT[], r.rec_key) OR list_contains(${varcharList(ids)}, r.record_id)
        OR list_contains(${varcharList(ids)}, r.source || ':' || r.record_id)
     ORDER BY r.crossed_at, r.rec_key`,
  );
  return rows.map((r) => ({
    source: String(r.source),
    record_id: String(r.record_id),
    date: String(r.day),
    direction: String(r.direction),
    port: portLabel(r.port_id as string | null, r.port_raw as string | null),
    doc: mask.doc(r.doc_number as string),
    name: mask.name(r.name as string),
    rawDoc: String(r.doc_number ?? ""),
  }));
}

function portLabel(id: string | null, raw: string | null): string {
  if (!id) return raw ?? "";
  const port = loadGazetteer().ports.find((p) => p.id === id);
  return port ? port.name_en.replace(/\s*\(.*\)\s*/g, " ").trim() : id;
}

async function gatherHits(
  store: Store,
  schema: Map<string, Set<string>>,
  mask: Masker,
  top: number,
): Promise<ReportData["hits"]> {
  if (!has(schema, "screening_hits", ["subject_kind", "subject", "list", "reference", "score"]))
    return missing(
      "sanctions screening not available: run sojourn lists import, then sojourn screen --sponsors",
    );
  const lists = num(
    (await store.one<{ n: number }>("SELECT count(*) AS n FROM sanction_entities"))?.n,
  );
  if (lists === 0)
    return missing(
      "no sanctions list imported: run sojourn lists import FILE, then sojourn screen --sponsors",
    );
  const rows = await store.json<Record<string, unknown>>(
    `SELECT h.subject_kind, h.subject, h.list, h.reference, e.primary_name AS name,
       array_to_string(e.programmes, ', ') AS programmes, e.listed_on, max(h.score) AS score,
       arg_max(CAST(h.explanation AS VARCHAR), h.score) AS explanation
     FROM screening_hits h LEFT JOIN sanction_entities e USING (list, reference)
     GROUP BY ALL ORDER BY score DESC, h.subject, h.list, h.reference LIMIT ${top}`,
  );
  // An empty hit table after screening is a result (no match), not a gap.
  return {
    available: true,
    data: rows.map((r) => {
      const kind = String(r.subject_kind);
      let subject = String(r.subject);
      if (kind === "person") {
        const [name = "", birth = "", nat = ""] = subject.split("|");
        subject = [mask.name(name), mask.birthDate(birth), nat].filter(Boolean).join(" · ");
      }
      return {
        subject_kind: kind,
        subject,
        list: String(r.list),
        reference: String(r.reference),
        name: (r.name as string | null) ?? null,
        programmes: (r.programmes as string | null) ?? null,
        listed_on: (r.listed_on as string | null) ?? null,
        score: num(r.score),
        explanation: explanationText(r.explanation),
      };
    }),
  };
}

function explanationText(v: unknown): string {
  const parsed = parseJson(v);
  if (Array.isArray(parsed))
    return parsed.map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join("; ");
  if (parsed && typeof parsed === "object") {
    const o = parsed as Record<string, unknown>;
    for (const k of ["explanation", "summary", "reasons", "features"]) {
      if (Array.isArray(o[k]))
        return (o[k] as unknown[])
          .map((x) => (typeof x === "string" ? x : JSON.stringify(x)))
          .join("; ");
      if (typeof o[k] === "string") return o[k] as string;
    }
    return JSON.stringify(parsed);
  }
  return String(parsed ?? "");
}

async function gatherEvidence(
  store: Store,
  schema: Map<string, Set<string>>,
  place: Place | undefined,
): Promise<ReportData["evidence"]> {
  if (!has(schema, "evidence_sources", ["source_id"]))
    return missing("evidence base not available: run sojourn evidence add REPORT");
  const sources = await store.json<Record<string, unknown>>(
    `SELECT CAST(s.source_id AS INTEGER) AS source_id, coalesce(s.title, s.file_name) AS title, s.publisher,
       CAST(s.published AS VARCHAR) AS published, s.reliability || s.credibility AS grade, s.media_type,
       left(s.sha256, 12) AS sha256, strftime(s.captured_at, '%Y-%m-%d %H:%M') AS captured,
       (SELECT count(*) FROM evidence_claims c WHERE c.source_id = s.source_id AND c.status <> 'rejected') AS claims
     FROM evidence_sources s ORDER BY s.published NULLS LAST, s.source_id`,
  );
  if (sources.length === 0)
    return missing("no reports in the evidence base: run sojourn evidence add REPORT");
  const claims = (await listClaims(store, { status: "all" }))
    .filter((c) => c.status !== "rejected")
    .filter(
      (c) =>
        !place ||
        !c.place_id ||
        place.id === c.place_id ||
        place.cityIds.includes(c.place_id) ||
        place.portIds.includes(c.place_id),
    );
  const views: ClaimView[] = [];
  for (const claim of claims) {
    let beside: ClaimView["beside"] = null;
    if (claim.kind === "worker_count" && claim.place_id) {
      const cmp = await compareClaims(store, { place: claim.place_id, claimIds: [claim.claim_id] });
      const b = cmp.claims[0];
      if (b)
        beside = {
          method: b.data.presence.method,
          peak: b.data.presence.peak,
          atEnd: b.data.presence.atEnd,
          dprkCrossings: b.data.dprk_crossings,
          reading: b.reading,
          from: b.data.from,
          to: b.data.to,
        };
    }
    views.push({ claim, beside });
  }
  return { available: true, data: { sources, claims: views } };
}

async function gatherQuality(store: Store, schema: Map<string, Set<string>>): Promise<Quality> {
  const runs = await store.json<Record<string, unknown>>(
    `SELECT CAST(run_id AS INTEGER) AS run_id, file, source, left(file_sha256, 12) AS sha256, status, read, loaded, duplicates,
       rejected, reexports, warnings, parse_path, strftime(started_at, '%Y-%m-%d %H:%M') AS started
     FROM ingest_runs ORDER BY run_id`,
  );
  const rejectsByReason = (
    await store.json<{ column_name: string | null; reason: string; rows: number }>(
      "SELECT column_name, reason, count(*) AS rows FROM rejects GROUP BY ALL ORDER BY rows DESC, reason LIMIT 20",
    )
  ).map((r) => ({ ...r, rows: num(r.rows) }));
  const warningsByColumn = (
    await store.json<{ column_name: string | null; message: string; rows: number }>(
      "SELECT column_name, message, count(*) AS rows FROM record_warnings GROUP BY ALL ORDER BY rows DESC, message LIMIT 20",
    )
  ).map((r) => ({ ...r, rows: num(r.rows) }));
  const unresolvedPorts = (
    await store.json<{ port_raw: string; rows: number }>(
      "SELECT port_raw, count(*) AS rows FROM records WHERE port_id IS NULL GROUP BY ALL ORDER BY rows DESC, port_raw LIMIT 20",
    )
  ).map((r) => ({ ...r, rows: num(r.rows) }));
  let identity: Quality["identity"] = null;
  let linksByReason: Quality["linksByReason"] = [];
  if (has(schema, "person_records", ["person_id"]) && has(schema, "persons", ["person_id"])) {
    const row = await store.one<Record<string, unknown>>(
      `SELECT (SELECT count(*) FROM persons) AS persons,
         (SELECT count(*) FROM person_records) AS records_resolved,
         (SELECT count(*) FROM records) AS records_loaded,
         (SELECT count(*) FROM (SELECT person_id FROM person_documents GROUP BY person_id HAVING count(DISTINCT doc_number) > 1)) AS persons_with_several_documents,
         (SELECT count(*) FROM (SELECT person_id FROM person_names GROUP BY person_id HAVING count(DISTINCT script) > 1)) AS persons_named_in_several_scripts`,
    );
    if (row && num(row.persons) > 0) {
      identity = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, num(v)]));
      identity.records_per_person = (num(row.records_resolved) / num(row.persons)).toFixed(1);
      if (has(schema, "person_links", ["reason"]))
        linksByReason = (
          await store.json<{ reason: string; links: number }>(
            // "same document" links are derived (src/analyze/identity.ts): every resolved
            // original record with a document number but its document's first one.
            `SELECT reason, count(*) AS links FROM person_links WHERE reason <> 'same document'
             GROUP BY ALL
             UNION ALL
             SELECT 'same document', count(*) - count(DISTINCT (coalesce(nationality, ''), doc_number))
             FROM records WHERE canonical_key IS NULL AND doc_number IS NOT NULL
               AND run_id IN (SELECT run_id FROM identity_runs)
             HAVING count(*) > count(DISTINCT (coalesce(nationality, ''), doc_number))
             ORDER BY links DESC`,
          )
        ).map((r) => ({ reason: r.reason, links: num(r.links) }));
    }
  }
  const policy = has(schema, "alerts", ["rule"])
    ? (
        await store.json<{ rule: string; rule_version: string | null; alerts: number }>(
          `SELECT rule, ${has(schema, "alerts", ["rule_version"]) ? "CAST(rule_version AS VARCHAR)" : "NULL"} AS rule_version, count(*) AS alerts
           FROM alerts GROUP BY ALL ORDER BY rule`,
        )
      ).map((r) => ({ ...r, alerts: num(r.alerts) }))
    : [];
  const analyzeRun = has(schema, "analyze_runs", ["run_at", "policy_version"])
    ? ((await store.one<{
        run_at: string;
        policy_version: string | null;
        policy_fingerprint: string | null;
      }>(
        `SELECT strftime(run_at, '%Y-%m-%d %H:%M') AS run_at, policy_version,
           ${has(schema, "analyze_runs", ["policy_fingerprint"]) ? "left(policy_fingerprint, 12)" : "NULL"} AS policy_fingerprint
         FROM analyze_runs ORDER BY run_at DESC LIMIT 1`,
      )) ?? null)
    : null;
  const lists = has(schema, "sanction_imports", ["list", "version"])
    ? (
        await store.json<{
          list: string;
          version: string | null;
          entities: number;
          imported_at: string;
        }>(
          `SELECT list, version, entities, strftime(imported_at, '%Y-%m-%d %H:%M') AS imported_at FROM sanction_imports
           QUALIFY row_number() OVER (PARTITION BY list ORDER BY import_id DESC) = 1 ORDER BY list`,
        )
      ).map((r) => ({ ...r, entities: num(r.entities) }))
    : [];
  const migrations = (
    await store.json<{ version: number; name: string }>(
      "SELECT version, name FROM schema_migrations ORDER BY version",
    )
  ).map((m) => ({ version: num(m.version), name: m.name }));
  return {
    runs,
    rejectsByReason,
    warningsByColumn,
    unresolvedPorts,
    identity,
    linksByReason,
    policy,
    analyzeRun,
    lists,
    migrations,
  };
}
