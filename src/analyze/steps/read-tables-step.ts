/**
 * The read-tables step, last of a run: lays the run's results out for browsing reads
 * (src/read/read-tables.ts), so the server answers an alert page or a person's detail from a
 * few row groups while the next ingest or analyze writes. Skipped when the run changed nothing
 * and the tables are already there.
 *
 * Incremental like the steps before it: when the run was incremental and the tables match the
 * last complete run, only the rows of the persons this run may have changed are rebuilt: the
 * records of those whose crossings it recomputed (run_affected) or who have records newer than
 * the tables; the read_persons rows of those and of run_rule_persons; every alert of the
 * former, and of the latter the alerts that are new, changed or gone. A person's stays are read
 * from `stays` itself.
 */

import { buildOverviewTables, overviewTablesBuilt } from "../../read/overview-tables.js";
import {
  buildReadTables,
  type ChangedPersons,
  type ReadTablesStats,
  readTablesBuilt,
} from "../../read/read-tables.js";
import type { AnalyzeRun } from "../run.js";
import type { AnalyzeStep } from "../step.js";
import { unchanged } from "./stays-step.js";

export const readTablesStep: AnalyzeStep<ReadTablesStats | { skipped: true }> = {
  id: "read-tables",
  description: "alert list and person detail tables for browsing reads",
  stages: ["read tables"],
  reads: [
    "alerts",
    "records",
    "person_records",
    "person_links",
    "person_names",
    "person_documents",
    "stays",
    "analyze_runs",
    "run_affected",
    "run_rule_persons",
    "persons",
  ],
  // The read_* tables and read_tables_meta (src/read/read-tables.ts lists them), which no other
  // step reads.
  writes: [],
  consumes: "affected persons",
  async run(run, stage) {
    if (unchanged(run) && (await upToDate(run)) && (await overviewTablesBuilt(run.store)))
      return { skipped: true };
    return stage("read tables", async () => {
      const persons = await changedPersons(run);
      const build = async () => {
        const stats = await buildReadTables(run.store, undefined, persons);
        await buildOverviewTables(run.store, run.policy);
        return stats;
      };
      return persons ? run.store.withCleanup(build, `DROP TABLE ${persons}`) : build();
    });
  },
};

/**
 * Whether the read tables were built after the last complete run. A run that failed in this
 * step has still recorded itself complete (the places step records the run), so on the next
 * run, which finds its inputs unchanged, the tables from before it must not be kept.
 */
async function upToDate(run: AnalyzeRun): Promise<boolean> {
  if (!(await readTablesBuilt(run.store))) return false;
  const row = await run.store.one<{ ok: boolean | null }>(`SELECT
      (SELECT max(built_at) FROM read_tables_meta) >=
      (SELECT max(run_at) FROM analyze_runs WHERE NOT skipped) AS ok`);
  return row?.ok === true;
}

/**
 * A temporary table of the persons whose rows to rebuild (ChangedPersons), or undefined for all
 * of them: on a
 * full run, when the tables are missing, or when they were built before the last complete run
 * (one that stopped before this step, `--until`), so they do not match it.
 */
async function changedPersons(run: AnalyzeRun): Promise<ChangedPersons | undefined> {
  const { store } = run;
  if (run.scope?.full !== false || !(await readTablesBuilt(store))) return undefined;
  const current = await store.one<{
    ok: boolean;
  }>(`SELECT (SELECT max(built_at) FROM read_tables_meta) >=
      (SELECT run_at FROM analyze_runs WHERE NOT skipped ORDER BY run_at DESC LIMIT 1 OFFSET 1) AS ok`);
  if (current?.ok !== true) return undefined;
  const tables = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM duckdb_tables()
    WHERE temporary AND table_name IN ('run_affected', 'run_rule_persons')`);
  if (Number(tables?.n ?? 0) < 2) return undefined;
  await store.run(`CREATE OR REPLACE TEMP TABLE rt_persons AS
    WITH records AS (
      SELECT person_id FROM run_affected WHERE person_id IS NOT NULL
      UNION SELECT person_id FROM person_records
        WHERE rec_key > (SELECT coalesce(max(last_key), -1) FROM read_person_keys)),
    alerts AS (SELECT person_id FROM records UNION SELECT person_id FROM run_rule_persons)
    SELECT person_id, person_id IN (SELECT person_id FROM records) AS records,
           person_id IN (SELECT person_id FROM alerts) AS alerts
    FROM alerts`);
  return "rt_persons";
}
