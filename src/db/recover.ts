/**
 * Ingest appends a file's rows in one transaction and sorts them in a second (see
 * src/ingest/ingest-file.ts); between the two its run is 'running'. A process killed there
 * leaves rows no one has checked. They are dropped the next time the store is opened, before
 * anything reads them, and the run is marked failed — so every reader sees either all of a
 * file or none of it, and the rerun starts clean. DuckDB lets one process at a time open a
 * store for writing, so a 'running' run seen at open belongs to a process that is gone.
 */
import type { SqlRunner } from "./sql-runner.js";

/** Removes every row a run wrote (records, rejects, warnings). */
export async function discardRun(store: SqlRunner, runId: number): Promise<void> {
  for (const table of ["records", "rejects", "record_warnings"])
    await store.run(`DELETE FROM ${table} WHERE run_id = ${runId}`);
}

/** Drops the rows of runs a crash left unfinished; returns their run ids. */
export async function discardInterruptedRuns(store: SqlRunner): Promise<number[]> {
  const runs = await store.all<{ run_id: bigint }>(
    "SELECT run_id FROM ingest_runs WHERE status = 'running' ORDER BY run_id",
  );
  if (runs.length === 0) return [];
  const ids = runs.map((r) => Number(r.run_id));
  await store.transaction(async () => {
    for (const id of ids) await discardRun(store, id);
    await store.run(
      `UPDATE ingest_runs SET status = 'failed', finished_at = now(),
         error = 'interrupted before its rows were sorted; nothing from it was kept'
       WHERE run_id IN (${ids.join(", ")})`,
    );
  });
  return ids;
}
