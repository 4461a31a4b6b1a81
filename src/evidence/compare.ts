/**
 * Claims beside the crossing data. For a place (a city means its crossings, via
 * data/gazetteer/ports.csv city_id) and a period, what the records of DPRK nationals show:
 * crossings, entries, exits, distinct document numbers, and a presence estimate.
 *
 * The presence estimate is pluggable (PresenceEstimator). Until the analytics that tell likely
 * workers apart exist, the estimate is the running balance of entries minus exits through
 * the place's crossings since the first record ("net-flow"): crude (a person may enter at
 * one port and leave by another, and logs have gaps), but it is what the records alone say.
 * When a table or view `presence(day DATE, place_id VARCHAR, likely_workers DOUBLE)` exists
 * (place_id a gazetteer port or city id), it is used instead ("presence-table"). See
 * docs/evidence.md, "Claims vs data".
 */

import { listValue } from "@duckdb/node-api";
import type { Place } from "../core/evidence/index.js";
import type { Store } from "../db/store.js";
import { type ClaimRow, listClaims, resolvePlaceOrFail } from "./store-evidence.js";

export interface PresenceEstimate {
  method: "net-flow" | "presence-table";
  /** Estimated persons present on the day before the period, on its last day, and at most. */
  atStart: number | null;
  atEnd: number | null;
  peak: number | null;
}

export interface PresenceEstimator {
  method: PresenceEstimate["method"];
  estimate(store: Store, place: Place, from: string, to: string): Promise<PresenceEstimate>;
}

export const netFlowPresence: PresenceEstimator = {
  method: "net-flow",
  async estimate(store, place, from, to) {
    const [row] = await store.json<{
      at_start: number | null;
      at_end: number | null;
      peak: number | null;
    }>(
      `WITH daily AS (
         SELECT local_date AS day, sum(CASE direction WHEN 'entry' THEN 1 WHEN 'exit' THEN -1 ELSE 0 END) AS net
         FROM records WHERE nationality = 'PRK' AND port_id IN (SELECT unnest($ports::VARCHAR[])) AND local_date <= $to::DATE
         GROUP BY local_date),
       running AS (SELECT day, sum(net) OVER (ORDER BY day) AS present FROM daily)
       SELECT (SELECT last(present ORDER BY day) FROM running WHERE day < $from::DATE) AS at_start,
              (SELECT last(present ORDER BY day) FROM running) AS at_end,
              (SELECT max(present) FROM running WHERE day >= $from::DATE) AS peak`,
      { ports: listValue(place.portIds), from, to },
    );
    const num = (v: number | null | undefined) =>
      v === null || v === undefined ? null : Number(v);
    const atStart = num(row?.at_start) ?? 0;
    const atEnd = num(row?.at_end);
    return {
      method: "net-flow",
      atStart,
      atEnd: atEnd ?? atStart,
      peak: Math.max(num(row?.peak) ?? atStart, atStart),
    };
  },
};

export const presenceTable: PresenceEstimator = {
  method: "presence-table",
  async estimate(store, place, from, to) {
    const ids = listValue([place.id, ...place.portIds, ...place.cityIds]);
    const [row] = await store.json<{
      at_start: number | null;
      at_end: number | null;
      peak: number | null;
    }>(
      `WITH daily AS (SELECT day, sum(likely_workers) AS present FROM presence
         WHERE place_id IN (SELECT DISTINCT unnest($ids::VARCHAR[])) GROUP BY day)
       SELECT (SELECT present FROM daily WHERE day = $from::DATE - 1) AS at_start,
              (SELECT present FROM daily WHERE day = $to::DATE) AS at_end,
              (SELECT max(present) FROM daily WHERE day BETWEEN $from::DATE AND $to::DATE) AS peak`,
      { ids, from, to },
    );
    const num = (v: number | null | undefined) =>
      v === null || v === undefined ? null : Number(v);
    return {
      method: "presence-table",
      atStart: num(row?.at_start),
      atEnd: num(row?.at_end),
      peak: num(row?.peak),
    };
  },
};

/** The presence table once an analysis has filled it, else the net-flow estimate. */
export async function choosePresenceEstimator(store: Store): Promise<PresenceEstimator> {
  const cols = await store.all<{ column_name: string }>(
    "SELECT column_name FROM information_schema.columns WHERE table_name = 'presence'",
  );
  const names = new Set(cols.map((c) => c.column_name));
  if (!["day", "place_id", "likely_workers"].every((c) => names.has(c))) return netFlowPresence;
  // The table exists from the schema on; it counts only once `sojourn analyze` has filled it.
  const [filled] = await store.all<{ n: bigint }>(
    "SELECT count(*) AS n FROM (SELECT 1 FROM presence LIMIT 1)",
  );
  return Number(filled?.n ?? 0) > 0 ? presenceTable : netFlowPresence;
}

export interface DataView {
  place_id: string;
  ports: string[];
  from: string;
  to: string;
  /** Records of any nationality at these ports in the period: 0 means no data, not no people. */
  records_in_period: number;
  dprk_crossings: number;
  dprk_entries: number;
  dprk_exits: number;
  distinct_documents: number;
  presence: PresenceEstimate;
}

export async function dataFor(
  store: Store,
  place: Place,
  from: string,
  to: string,
  estimator?: PresenceEstimator,
): Promise<DataView> {
  const [row] = await store.json<Record<string, number>>(
    `SELECT count(*) AS records_in_period,
       count(*) FILTER (WHERE nationality = 'PRK') AS dprk_crossings,
       count(*) FILTER (WHERE nationality = 'PRK' AND direction = 'entry') AS dprk_entries,
       count(*) FILTER (WHERE nationality = 'PRK' AND direction = 'exit') AS dprk_exits,
       count(DISTINCT doc_number) FILTER (WHERE nationality = 'PRK') AS distinct_documents
     FROM records WHERE port_id IN (SELECT unnest($ports::VARCHAR[])) AND local_date BETWEEN $from::DATE AND $to::DATE`,
    { ports: listValue(place.portIds), from, to },
  );
  const est = estimator ?? (await choosePresenceEstimator(store));
  return {
    place_id: place.id,
    ports: place.portIds,
    from,
    to,
    records_in_period: Number(row?.records_in_period ?? 0),
    dprk_crossings: Number(row?.dprk_crossings ?? 0),
    dprk_entries: Number(row?.dprk_entries ?? 0),
    dprk_exits: Number(row?.dprk_exits ?? 0),
    distinct_documents: Number(row?.distinct_documents ?? 0),
    presence: await est.estimate(store, place, from, to),
  };
}

/** Ratio beyond which a count and the data are said to disagree (the corroboration tolerance). */
const TOLERANCE = 1.5;

export interface ClaimBesideData {
  claim: ClaimRow;
  period_basis: "claim" | "published-month" | "requested";
  data: DataView;
  /** worker_count only: how the claimed count sits against the presence estimate. */
  reading: "no-data" | "data-lower" | "data-higher" | "consistent" | "not-a-count";
}

function monthOf(date: string): [string, string] {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return [`${date.slice(0, 7)}-01`, `${date.slice(0, 7)}-${String(last).padStart(2, "0")}`];
}

export async function compareClaims(
  store: Store,
  options: { place: string; from?: string; to?: string; claimIds?: number[] },
): Promise<{ place: Place; period: DataView | null; claims: ClaimBesideData[] }> {
  const place = resolvePlaceOrFail(options.place);
  const estimator = await choosePresenceEstimator(store);
  const claims = (
    await listClaims(store, { place: options.place, claimIds: options.claimIds })
  ).filter((c) => {
    if (!options.from && !options.to) return true;
    const start = c.period_start ?? c.published;
    const end = c.period_end ?? c.published;
    if (!start || !end) return true;
    return (!options.to || start <= options.to) && (!options.from || end >= options.from);
  });
  const period =
    options.from && options.to
      ? await dataFor(store, place, options.from, options.to, estimator)
      : null;
  const out: ClaimBesideData[] = [];
  for (const claim of claims) {
    let from: string | undefined;
    let to: string | undefined;
    let basis: ClaimBesideData["period_basis"];
    if (claim.period_start && claim.period_end) {
      [from, to, basis] = [claim.period_start, claim.period_end, "claim"];
    } else if (claim.published) {
      [from, to] = monthOf(claim.published);
      basis = "published-month";
    } else {
      [from, to, basis] = [options.from, options.to, "requested"];
    }
    if (!from || !to) {
      const range = await store.one<{ lo: string | null; hi: string | null }>(
        "SELECT CAST(min(local_date) AS VARCHAR) AS lo, CAST(max(local_date) AS VARCHAR) AS hi FROM records",
      );
      from = range?.lo ?? "1900-01-01";
      to = range?.hi ?? "1900-01-01";
      basis = "requested";
    }
    const claimPlace = claim.place_id ? resolvePlaceOrFail(claim.place_id) : place;
    const data = await dataFor(store, claimPlace, from, to, estimator);
    out.push({ claim, period_basis: basis, data, reading: readCount(claim, data) });
  }
  return { place, period, claims: out };
}

function readCount(claim: ClaimRow, data: DataView): ClaimBesideData["reading"] {
  if (claim.kind !== "worker_count") return "not-a-count";
  if (data.records_in_period === 0) return "no-data";
  const estimate = data.presence.peak ?? data.presence.atEnd ?? 0;
  const lo = claim.value_min ?? 0;
  const hi = claim.value_max ?? Number.POSITIVE_INFINITY;
  if (estimate * TOLERANCE < lo) return "data-lower";
  if (estimate > hi * TOLERANCE) return "data-higher";
  return "consistent";
}
