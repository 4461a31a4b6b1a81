/**
 * One cohort for its rotation timeline: its members with role and first and last crossing with
 * the team (who entered and left together, replacements, first-timers), its movements, and its
 * sponsors in every script with pinyin and an English gloss.
 */
import { listValue } from "@duckdb/node-api";
import { AppError } from "../core/errors.js";
import { createMasker } from "../core/masking.js";
import type { Store } from "../db/store.js";
import { num, parseJson } from "./section.js";

export interface CohortMember {
  person_id: string;
  display_name: string;
  role: string;
  first_seen: string | null;
  last_seen: string | null;
  labor_score: number;
}

export interface CohortDetail {
  cohort_id: string;
  kind: string;
  ports: string[];
  first_seen: string | null;
  last_seen: string | null;
  movements: { date: string; port: string | null; direction: string | null; members: number }[];
  members: CohortMember[];
  sponsors: { sponsor: string; gloss: string | null; pinyin: string | null; names: string[] }[];
}

export async function getCohort(
  store: Store,
  cohortId: string,
  options: { unmask?: boolean } = {},
): Promise<CohortDetail> {
  const mask = createMasker(!!options.unmask);
  const [k] = await store.json<Record<string, unknown>>(
    `SELECT cohort_id, kind, ports, sponsors, strftime(first_seen, '%Y-%m-%d') AS first_seen,
            strftime(last_seen, '%Y-%m-%d') AS last_seen, CAST(movements AS VARCHAR) AS movements
     FROM cohorts WHERE cohort_id = ?`,
    [cohortId],
  );
  if (!k) throw new AppError("not-found", `no cohort ${cohortId}`);
  const members = await store.json<CohortMember>(
    `SELECT m.person_id, p.display_name, m.role, strftime(m.first_seen, '%Y-%m-%d') AS first_seen,
            strftime(m.last_seen, '%Y-%m-%d') AS last_seen, coalesce(p.labor_score, 0)::DOUBLE AS labor_score
     FROM cohort_members m LEFT JOIN persons p USING (person_id)
     WHERE m.cohort_id = ? ORDER BY m.first_seen, m.last_seen DESC, m.person_id`,
    [cohortId],
  );
  const names = (k.sponsors as string[] | null) ?? [];
  const sponsors = await store.json<CohortDetail["sponsors"][number]>(
    `SELECT sponsor_key AS sponsor, gloss, pinyin, names FROM sponsors
     WHERE len(list_intersect(names, $names)) > 0 ORDER BY sponsor_key`,
    { names: listValue(names) },
  );
  const moves = parseJson(k.movements);
  return {
    cohort_id: String(k.cohort_id),
    kind: String(k.kind),
    ports: (k.ports as string[] | null) ?? [],
    first_seen: k.first_seen as string | null,
    last_seen: k.last_seen as string | null,
    movements: (Array.isArray(moves) ? moves : []).map((m: Record<string, unknown>) => ({
      date: String(m.date ?? m.day ?? "").slice(0, 10),
      port: (m.port as string | undefined) ?? null,
      direction: (m.direction as string | undefined) ?? null,
      members: Array.isArray(m.members) ? m.members.length : num(m.members),
    })),
    members: members.map((m) => ({ ...m, display_name: mask.name(m.display_name) })),
    sponsors,
  };
}
