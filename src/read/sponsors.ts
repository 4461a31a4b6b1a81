/** Sponsors grouped across scripts and spellings: teams, likely workers, status at the deadline. */
import { listValue } from "@duckdb/node-api";
import type { Policy } from "../core/detection/policy.js";
import { organisationKey } from "../core/evidence/index.js";
import type { Store } from "../db/store.js";
import type { RecordScope } from "./overview.js";
import { varcharList } from "./places.js";
import { missing, num, type Section } from "./section.js";

export interface SponsorView {
  sponsor: string;
  /** English gloss of the sponsor's Chinese spelling where its words are known. */
  gloss: string | null;
  /** Pinyin of the sponsor's Chinese spelling. */
  pinyin: string | null;
  names: string[];
  persons: number;
  likely_workers: number;
  teams: number;
  team_ids: string[];
  first_seen: string | null;
  last_seen: string | null;
  workers_after_deadline: number;
  status: string;
  by_month: unknown;
}

/** Every sponsor, most likely workers first. */
export async function listSponsors(store: Store): Promise<SponsorView[]> {
  return store.json<SponsorView>(
    `SELECT sponsor_key AS sponsor, gloss, pinyin, names, persons, likely_workers, len(teams) AS teams, teams AS team_ids,
            strftime(first_seen, '%Y-%m-%d') AS first_seen, strftime(last_seen, '%Y-%m-%d') AS last_seen,
            workers_after_deadline, status, by_month
     FROM sponsors ORDER BY likely_workers DESC, sponsor_key`,
  );
}

/** A sponsor as the report ranks them, over the records in scope. */
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

/** Entries per day of one sponsor's teams. */
export interface SponsorTimeline {
  label: string;
  points: [string, number][];
}

/**
 * The sponsors on DPRK-national crossings in scope, grouped by organisation key, most travel
 * documents first, with their sanctions hits and the entries per day of the first eight.
 */
export async function topSponsors(
  store: Store,
  options: { scope: RecordScope; top: number; withScores: boolean; policy: Policy },
): Promise<Section<{ rows: SponsorRow[]; timeline: SponsorTimeline[] }>> {
  const { scope, top, withScores, policy } = options;
  const rf = scope.sql;
  const p = scope.params;
  const spellings = await store.json<{ sponsor: string }>(
    `SELECT DISTINCT r.sponsor FROM records r WHERE r.nationality = 'PRK' AND r.sponsor IS NOT NULL AND trim(r.sponsor) <> '' AND ${rf}`,
    p,
  );
  if (spellings.length === 0)
    return missing("no sponsors recorded on DPRK-national crossings in the selected records");
  // One organisation in several scripts and spellings is one row: the sponsor groups analyze
  // wrote (sponsor_names, as listSponsors and the exports show them); a spelling no group holds
  // falls back to the organisation key (docs/evidence.md, "Organisations").
  const groups = new Map<string, string>();
  const named = await store.one<{ n: bigint }>(
    "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'sponsor_names'",
  );
  if (Number(named?.n ?? 0) > 0)
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
    ? `count(DISTINCT pr.person_id) FILTER (WHERE pe.labor_score >= $threshold)`
    : "NULL";
  const scoreJoin = withScores
    ? "LEFT JOIN person_records pr ON pr.rec_key = r.rec_key LEFT JOIN persons pe ON pe.person_id = pr.person_id"
    : "";
  const rows = await store.json<Record<string, unknown>>(
    `WITH labels AS (
       -- The label: the commonest Latin-script spelling (readable by every reader), else the
       -- commonest; of spellings as common, the greater, so the choice never depends on how
       -- DuckDB split the work between threads.
       SELECT k.key, arg_max(r.sponsor, ((regexp_matches(r.sponsor, '^[ -~]+$'))::INTEGER * 1e12 + n, r.sponsor)) AS label,
         count(*) AS spellings FROM (
         SELECT r.sponsor, count(*) AS n FROM records r WHERE r.nationality = 'PRK' AND ${rf} GROUP BY ALL
       ) r JOIN report_sponsor_keys k USING (sponsor) GROUP BY k.key)
     SELECT k.key, l.label, l.spellings, count(*) AS crossings,
       count(DISTINCT r.doc_number) AS documents,
       CAST(min(r.local_date) AS VARCHAR) AS first, CAST(max(r.local_date) AS VARCHAR) AS last,
       count(*) FILTER (WHERE r.direction = 'entry' AND r.local_date > $deadline::DATE) AS after,
       ${scoreSql} AS likely
     FROM records r JOIN report_sponsor_keys k USING (sponsor) JOIN labels l USING (key) ${scoreJoin}
     WHERE r.nationality = 'PRK' AND ${rf}
     GROUP BY ALL ORDER BY documents DESC, crossings DESC, key LIMIT ${top}`,
    {
      ...p,
      deadline: policy.deadline,
      ...(withScores ? { threshold: policy.score.threshold } : {}),
    },
  );
  const hitBySponsor = new Map<string, string>();
  const hs = await store.json<{ key: string; hit: string }>(
    `SELECT k.key, string_agg(DISTINCT h.list || ' ' || h.reference, ', ') AS hit
     FROM screening_hits h JOIN report_sponsor_keys k ON k.sponsor = h.subject
     WHERE h.subject_kind = 'sponsor' GROUP BY ALL`,
  );
  for (const h of hs) hitBySponsor.set(h.key, h.hit);
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
