/**
 * Overview tables: what the overview page and a port's persons need, computed at the end of
 * analyze (after the read tables) so that neither scans the records per request. The record
 * figures (totals, crossings per port) also change with an ingest: they are used only while no
 * ingest run has started since they were built (`last_run_id`), the worker counts only under
 * the policy they were counted with; otherwise the reads compute them live (overview.ts).
 *
 * | table             | holds                                                      |
 * |-------------------|------------------------------------------------------------|
 * | read_overview     | one row: record totals, persons and likely workers         |
 * | read_port_flows   | DPRK-national entries and exits per known port             |
 * | read_port_persons | per port, the DPRK nationals who crossed there, sorted by port, labour score ↓ |
 */
import type { Policy } from "../core/detection/policy.js";
import type { Store } from "../db/store.js";
import {
  type RecordTotals,
  readPortFlows,
  readRecordTotals,
  recordScope,
  type WorkerCounts,
} from "./overview.js";
import { num } from "./section.js";

/** Rebuilds the overview tables from the records and analyze results under `policy`. */
export async function buildOverviewTables(store: Store, policy: Policy): Promise<void> {
  const scope = recordScope({});
  const lastRun = await store.one<{ id: bigint | null }>(
    "SELECT max(run_id) AS id FROM ingest_runs",
  );
  const totals = await readRecordTotals(store, scope);
  await store.run(`CREATE OR REPLACE TEMP TABLE ot_port_persons AS
    SELECT r.port_id, pr.person_id, count(*) AS crossings, min(r.local_date) AS first_day,
           max(r.local_date) AS last_day
    FROM records r JOIN person_records pr USING (rec_key) WHERE r.nationality = 'PRK' GROUP BY ALL`);
  const workers = await store.one<Record<string, unknown>>(
    `SELECT count(*) AS persons,
       count(*) FILTER (WHERE p.labor_score >= $threshold) AS workers,
       count(*) FILTER (WHERE p.labor_score >= $threshold AND w.last_day > $deadline::DATE) AS workers_after
     FROM (SELECT person_id, max(last_day) AS last_day FROM ot_port_persons GROUP BY ALL) w
     JOIN persons p USING (person_id)`,
    { threshold: policy.score.threshold, deadline: policy.deadline },
  );
  await store.run("DELETE FROM read_overview");
  await store.run(
    `INSERT INTO read_overview VALUES (?, ?, ?::DATE, ?, ?, ?, ?::DATE, ?::DATE, ?, ?, ?, ?)`,
    [
      lastRun?.id ?? null,
      policy.score.threshold,
      policy.deadline,
      totals.records,
      totals.dprkCrossings,
      totals.dprkDocuments,
      totals.firstDay,
      totals.lastDay,
      totals.unknownPortCrossings,
      num(workers?.persons),
      num(workers?.workers),
      num(workers?.workers_after),
    ],
  );
  const flows = await readPortFlows(store, scope);
  await store.run("DELETE FROM read_port_flows");
  for (const f of flows)
    await store.run("INSERT INTO read_port_flows VALUES (?, ?, ?)", [
      f.port_id,
      f.entries,
      f.exits,
    ]);
  await store.run(`CREATE OR REPLACE TABLE read_port_persons AS
    SELECT o.port_id, o.person_id, p.display_name, p.birth_date,
           coalesce(p.labor_score, 0)::DOUBLE AS labor_score, o.crossings, o.first_day, o.last_day
    FROM ot_port_persons o JOIN persons p USING (person_id) WHERE o.port_id IS NOT NULL
    ORDER BY o.port_id, labor_score DESC, o.crossings DESC, o.person_id`);
  await store.run("DROP TABLE ot_port_persons");
}

/** The overview's figures over every record, when the tables match the store and `policy`. */
export interface OverviewFigures {
  totals: RecordTotals;
  workers: WorkerCounts;
  flows: { port_id: string; entries: number; exits: number }[];
}

/** The overview tables' figures, or null when they are missing or out of date. */
export async function readOverviewFigures(
  store: Store,
  policy: Policy,
): Promise<OverviewFigures | null> {
  const [row] = await store.json<Record<string, unknown>>(
    `SELECT *, CAST(first_day AS VARCHAR) AS first_day, CAST(last_day AS VARCHAR) AS last_day
     FROM read_overview
     WHERE last_run_id IS NOT DISTINCT FROM (SELECT max(run_id) FROM ingest_runs)
       AND threshold = $threshold AND deadline = $deadline::DATE`,
    { threshold: policy.score.threshold, deadline: policy.deadline },
  );
  if (!row) return null;
  const flows = await store.json<{ port_id: string; entries: number; exits: number }>(
    "SELECT * FROM read_port_flows",
  );
  return {
    totals: {
      records: num(row.records),
      dprkCrossings: num(row.dprk),
      dprkDocuments: num(row.docs),
      firstDay: (row.first_day as string | null) ?? null,
      lastDay: (row.last_day as string | null) ?? null,
      unknownPortCrossings: num(row.unknown_port),
    },
    workers: {
      persons: num(row.persons),
      likelyWorkers: num(row.workers),
      likelyWorkersAfterDeadline: num(row.workers_after),
    },
    flows: flows.map((f) => ({ port_id: f.port_id, entries: num(f.entries), exits: num(f.exits) })),
  };
}

/** Whether an analyze run built the overview tables. */
export async function overviewTablesBuilt(store: Store): Promise<boolean> {
  const row = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM read_overview");
  return Number(row?.n ?? 0) > 0;
}
