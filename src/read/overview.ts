/**
 * Figures over the loaded records, for a period and place: totals, DPRK-national crossings per
 * month and per port, and persons and likely workers among them.
 */

import type { Policy } from "../core/detection/policy.js";
import type { Place } from "../core/evidence/index.js";
import type { Store } from "../db/store.js";
import { resolvePlace, varcharList } from "./places.js";
import { num } from "./section.js";

export interface RecordFilter {
  /** Local dates, YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  /** A gazetteer place name (city, port, zone, region). */
  place?: string;
}

/** A record filter as SQL over records aliased `r`, with its parameters. */
export interface RecordScope {
  sql: string;
  params: Record<string, string>;
  place: Place | undefined;
}

export function recordScope(filter: RecordFilter): RecordScope {
  const place = filter.place ? resolvePlace(filter.place) : undefined;
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (filter.from) {
    where.push("r.local_date >= $from::DATE");
    params.from = filter.from;
  }
  if (filter.to) {
    where.push("r.local_date <= $to::DATE");
    params.to = filter.to;
  }
  if (place) where.push(`list_contains(${varcharList(place.portIds)}, r.port_id)`);
  return { sql: where.length ? where.join(" AND ") : "TRUE", params, place };
}

export interface RecordTotals {
  records: number;
  dprkCrossings: number;
  dprkDocuments: number;
  firstDay: string | null;
  lastDay: string | null;
  unknownPortCrossings: number;
}

export async function readRecordTotals(store: Store, scope: RecordScope): Promise<RecordTotals> {
  const base = await store.one<Record<string, unknown>>(
    `SELECT count(*) AS records,
       count(*) FILTER (WHERE r.nationality = 'PRK') AS dprk,
       count(DISTINCT r.doc_number) FILTER (WHERE r.nationality = 'PRK') AS docs,
       CAST(min(r.local_date) AS VARCHAR) AS first_day, CAST(max(r.local_date) AS VARCHAR) AS last_day,
       count(*) FILTER (WHERE r.port_id IS NULL) AS unknown_port
     FROM records r WHERE ${scope.sql}`,
    scope.params,
  );
  return {
    records: num(base?.records),
    dprkCrossings: num(base?.dprk),
    dprkDocuments: num(base?.docs),
    firstDay: (base?.first_day as string | null) ?? null,
    lastDay: (base?.last_day as string | null) ?? null,
    unknownPortCrossings: num(base?.unknown_port),
  };
}

type Flows = { entries: number; exits: number };

/**
 * DPRK-national entries and exits per value of `key` (an SQL expression over records `r`),
 * named `name` in the rows; rows where it is null are left out.
 */
async function readDprkFlows<K extends string>(
  store: Store,
  scope: RecordScope,
  name: K,
  key: string,
  order = "",
): Promise<(Record<K, string> & Flows)[]> {
  const rows = await store.json<Record<K, string> & Flows>(
    `SELECT ${key} AS ${name}, count(*) FILTER (WHERE r.direction = 'entry') AS entries,
       count(*) FILTER (WHERE r.direction = 'exit') AS exits
     FROM records r WHERE r.nationality = 'PRK' AND ${key} IS NOT NULL AND ${scope.sql}
     GROUP BY ALL ${order}`,
    scope.params,
  );
  return rows.map((m) => ({ ...m, entries: num(m.entries), exits: num(m.exits) }));
}

/** DPRK-national entries and exits per month. */
export const readMonthlyCrossings = (store: Store, scope: RecordScope) =>
  readDprkFlows(store, scope, "month", "strftime(r.local_date, '%Y-%m')", "ORDER BY month");

/** DPRK-national entries and exits per known port. */
export const readPortFlows = (store: Store, scope: RecordScope) =>
  readDprkFlows(store, scope, "port_id", "r.port_id");

export interface WorkerCounts {
  /** DPRK nationals among the persons resolved; null before identity resolution. */
  persons: number | null;
  /** Labour score at or above the policy's threshold; null before the detection step. */
  likelyWorkers: number | null;
  /** … whose last crossing in scope is after the policy's deadline. */
  likelyWorkersAfterDeadline: number | null;
}

/** Whether analyze has resolved persons, and whether its detection step has run. */
export async function readAnalyzeState(
  store: Store,
): Promise<{ identity: boolean; detection: boolean }> {
  const row = await store.one<{ pr: boolean; runs: boolean; alerts: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM person_records) AS pr, EXISTS (SELECT 1 FROM analyze_runs) AS runs,
            EXISTS (SELECT 1 FROM alerts) AS alerts`,
  );
  return { identity: !!row?.pr, detection: !!row?.runs || !!row?.alerts };
}

export async function readWorkerCounts(
  store: Store,
  scope: RecordScope,
  policy: Policy,
): Promise<WorkerCounts> {
  const state = await readAnalyzeState(store);
  if (!state.identity)
    return { persons: null, likelyWorkers: null, likelyWorkersAfterDeadline: null };
  const row = await store.one<Record<string, unknown>>(
    `WITH pr AS (
       SELECT DISTINCT pr.person_id, max(r.local_date) OVER (PARTITION BY pr.person_id) AS last_day
       FROM person_records pr JOIN records r USING (rec_key) WHERE r.nationality = 'PRK' AND ${scope.sql})
     SELECT count(DISTINCT pr.person_id) AS persons,
       count(DISTINCT pr.person_id) FILTER (WHERE p.labor_score >= $threshold) AS workers,
       count(DISTINCT pr.person_id) FILTER (WHERE p.labor_score >= $threshold AND pr.last_day > $deadline::DATE) AS workers_after
     FROM pr JOIN persons p USING (person_id)`,
    { ...scope.params, threshold: policy.score.threshold, deadline: policy.deadline },
  );
  return {
    persons: num(row?.persons),
    likelyWorkers: state.detection ? num(row?.workers) : null,
    likelyWorkersAfterDeadline: state.detection ? num(row?.workers_after) : null,
  };
}
