/**
 * Likely workers present per day and city: from the detection step's presence table, else the
 * net flow of DPRK-national entries minus exits (the evidence module's "net-flow" estimate).
 */
import type { Place } from "../core/evidence/index.js";
import type { Store } from "../db/store.js";
import { type Gazetteer, loadGazetteer } from "../gazetteer/load-gazetteer.js";
import type { RecordFilter } from "./overview.js";
import { resolvePlace } from "./places.js";
import { missing, num, type Section } from "./section.js";

export interface CitySeries {
  city_id: string;
  name: string;
  points: [string, number][];
}

export interface Presence {
  method: "presence-table" | "net-flow";
  series: CitySeries[];
}

function cityOf(gazetteer: Gazetteer, placeId: string): string {
  const port = gazetteer.ports.find((p) => p.id === placeId);
  return port?.city_id || placeId;
}

function cityName(gazetteer: Gazetteer, cityId: string): string {
  return gazetteer.cities.find((c) => c.id === cityId)?.name_en ?? cityId;
}

export async function readPresence(
  store: Store,
  filter: RecordFilter,
  gazetteer: Gazetteer = loadGazetteer(),
): Promise<Section<Presence>> {
  const options = filter;
  const place: Place | undefined = filter.place ? resolvePlace(filter.place) : undefined;
  const inWindow = (day: string) =>
    (!options.from || day >= options.from) && (!options.to || day <= options.to);
  const wantCity = (city: string) => !place || place.cityIds.includes(city) || place.id === city;
  const byCity = new Map<string, Map<string, number>>();
  let method: Presence["method"];
  const rows = await store.json<{ day: string; place_id: string; n: number }>(
    "SELECT CAST(day AS VARCHAR) AS day, place_id, sum(likely_workers) AS n FROM presence GROUP BY ALL",
  );
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
    // Without the detection step's presence table (empty), the crude running balance of
    // DPRK-national entries minus exits per city since the first record (the evidence module's "net-flow" estimate).
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

/** The Monday (YYYY-MM-DD) of the ISO week of `day`. */
export function weekStart(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/**
 * Daily presence as weekly means: for each city and ISO week (Monday to Sunday), the mean of
 * the daily values the week has, dated by its Monday. A week cut by the period's ends is
 * averaged over the days it has. One-day dips (a team out for a day to renew its papers) stay
 * visible as a lower week instead of a spike to zero.
 */
export function weeklyPresence(presence: Presence): Presence {
  return {
    method: presence.method,
    series: presence.series.map((s) => {
      const weeks = new Map<string, { sum: number; days: number }>();
      for (const [day, n] of s.points) {
        const w = weekStart(day);
        const acc = weeks.get(w) ?? { sum: 0, days: 0 };
        acc.sum += n;
        acc.days += 1;
        weeks.set(w, acc);
      }
      return {
        ...s,
        points: [...weeks.entries()]
          .sort((a, b) => a[0].localeCompare(b[0]))
          .map(([w, { sum, days }]) => [w, Math.round((sum / days) * 10) / 10] as [string, number]),
      };
    }),
  };
}
