/** Cohorts: groups that cross together, with members by role (labour teams, tour groups). */
import type { Store } from "../db/store.js";
import { type Gazetteer, loadGazetteer } from "../gazetteer/load-gazetteer.js";
import { missing, num, parseJson, type Section } from "./section.js";

export interface CohortQuery {
  kind?: string;
  /** Also each cohort's member ids and movements. */
  withMembers?: boolean;
}

export interface CohortView {
  cohort_id: string;
  kind: string;
  ports: string[];
  sponsors: string[];
  first_seen: string | null;
  last_seen: string | null;
  /** Number of movements. */
  movements: number;
  members: number;
  core: number;
  stragglers: number;
  replacements: number;
  first_timers: number;
  person_ids?: string[];
  movement_list?: unknown;
}

/** Cohorts by kind, then most members first. */
export async function listCohorts(store: Store, q: CohortQuery = {}): Promise<CohortView[]> {
  return store.json<CohortView>(
    `SELECT k.cohort_id, k.kind, k.ports, k.sponsors, strftime(k.first_seen, '%Y-%m-%d') AS first_seen,
            strftime(k.last_seen, '%Y-%m-%d') AS last_seen, json_array_length(k.movements) AS movements,
            count(m.person_id) AS members,
            count(m.person_id) FILTER (WHERE m.role = 'core') AS core,
            count(m.person_id) FILTER (WHERE m.role = 'straggler') AS stragglers,
            count(m.person_id) FILTER (WHERE m.role = 'replacement') AS replacements,
            count(m.person_id) FILTER (WHERE m.role = 'first-timer') AS first_timers
            ${q.withMembers ? ", list(m.person_id ORDER BY m.person_id) AS person_ids, any_value(k.movements) AS movement_list" : ""}
     FROM cohorts k LEFT JOIN cohort_members m USING (cohort_id)
     WHERE $kind IS NULL OR k.kind = $kind GROUP BY ALL ORDER BY k.kind, members DESC, k.cohort_id`,
    { kind: q.kind ?? null },
  );
}

/** A cohort as the report's table shows it. */
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

/** The largest cohorts, labour teams first, with port names and movements as (day, people). */
export async function topCohorts(
  store: Store,
  top: number,
  gazetteer: Gazetteer = loadGazetteer(),
): Promise<Section<CohortRow[]>> {
  const rows = await store.json<Record<string, unknown>>(
    `SELECT c.cohort_id, c.kind, (SELECT count(*) FROM cohort_members m WHERE m.cohort_id = c.cohort_id) AS members,
       CAST(to_json(c.ports) AS VARCHAR) AS ports, CAST(to_json(c.sponsors) AS VARCHAR) AS sponsors,
       CAST(c.first_seen AS VARCHAR) AS first_seen, CAST(c.last_seen AS VARCHAR) AS last_seen,
       CAST(to_json(c.movements) AS VARCHAR) AS movements
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

/** Cohorts of one kind. */
export async function countCohorts(store: Store, kind?: string): Promise<number> {
  const row = await store.one<{ n: bigint }>(
    "SELECT count(*) AS n FROM cohorts WHERE $kind IS NULL OR kind = $kind",
    { kind: kind ?? null },
  );
  return Number(row?.n ?? 0);
}
