/**
 * The cohort step's input crossings (coh_x), and the same rows kept between runs in text
 * (cohort_inputs, migration 075): the canonical crossings that bound a stay of two nights or
 * more, one row per record.
 *
 * A person's rows are a function of their own stays and crossings and, for a stay still open at
 * the end, of the logs' last day (the stay's nights count to it). An incremental run rebuilds the
 * stays of run_affected only and lengthens the open ones in place (analyze-scope.ts), so the rows
 * that can change are those of run_affected (persons merged away lose theirs) and of the persons
 * with a stay open at the end that began within two days of the last day the rows were selected
 * under (cohort_input_state): such a stay reaches two nights as the last day moves on. Those
 * persons' rows are selected again and every other person's read back from cohort_inputs, in the
 * run's integer codes. A full run, and a store whose state is empty (its first run, a case's share
 * of a store), selects every row and stores them.
 */
import type { Store } from "../../db/store.js";
import type { AnalyzeRun } from "../run.js";
import { count } from "./cohort-arrays.js";

export interface CohortInputStats {
  /** "full" when every row was selected again, else "incremental". */
  inputs_scope: "full" | "incremental";
  /** Persons whose rows were selected again (every person's on a full selection). */
  input_persons: number;
}

/**
 * Selects the input rows of the persons in `pidx` (text id → pid) and `pcode` (run_crossings's
 * person type → pid) into the temporary table `into`, in integer columns.
 */
async function selectRows(store: Store, into: string, pidx: string, pcode: string): Promise<void> {
  // Records of crossings that bound a stay of ≥ 2 nights (not inferred ends), in integer
  // columns, with the time of day where the log recorded one (minutes since the epoch: the
  // clock of one port is all a gap needs), a sponsor key and spelling and a visa type. Both
  // sides of the stay-end match are put in integers first: a join on person and port names
  // would hash and compare strings for 10M records against 5M stay ends.
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE ${into} AS
    WITH b AS (SELECT * FROM run_bounds),
    e AS (
      SELECT s.person_id, s.port_in AS port, s.entered_on AS d, false AS out FROM stays s, b
      WHERE coalesce(s.exited_on, b.data_end) - s.entered_on >= 2 AND s.port_in IS NOT NULL
        AND NOT list_has_any(s.flags, ['inferred-entry', 'open-at-start'])
      UNION ALL
      SELECT s.person_id, s.port_out, s.exited_on, true FROM stays s
      WHERE s.exited_on - s.entered_on >= 2 AND s.port_out IS NOT NULL
        AND NOT list_has_any(s.flags, ['inferred-exit'])),
    ends AS (SELECT p.pid, cp.pno, e.d, e.out FROM e JOIN ${pidx} p USING (person_id)
             JOIN coh_port cp USING (port)),
    r AS (SELECT p.pid, cp.pno, cp.cno, r.local_date AS d, r.direction = 'exit' AS out, r.rec_key,
                 r.crossed_at, r.sponsor, r.visa_type, r.doc_type
          FROM run_crossings r JOIN ${pcode} p ON p.pe = r.person_id JOIN coh_port cp USING (port))
    SELECT r.pid, r.pno, r.cno, r.d, r.out,
           -- IN, not a LEFT JOIN: the optimizer, without statistics on the temporary tables,
           -- built the join's hash table on the 5.7M crossings instead of the 1.1M date-only
           -- records (≈ 2 CPU-s at 10M); an IN list is always built on the subquery.
           CASE WHEN r.rec_key NOT IN (SELECT rec_key FROM records WHERE time_precision = 'date'::time_precision_code)
                THEN (epoch(r.crossed_at) // 60)::INTEGER END AS minute,
           sk.sk, sk.spid, vk.vk
    FROM r SEMI JOIN ends USING (pid, pno, d, out)
    LEFT JOIN coh_sk sk ON sk.sponsor = r.sponsor
    LEFT JOIN coh_vk vk ON vk.visa_type IS NOT DISTINCT FROM r.visa_type
                         AND vk.doc_type IS NOT DISTINCT FROM r.doc_type`);
}

/** Appends the rows of `table` (coh_x's columns) to cohort_inputs, in text. */
async function storeRows(store: Store, table: string): Promise<void> {
  await store.runPolled(`INSERT INTO cohort_inputs
    SELECT p.person_id, cp.port_text, x.d, x.out, x.minute, sk.sponsor_text, vk.visa_text, vk.doc_text
    FROM ${table} x JOIN coh_pidx p USING (pid) JOIN coh_port cp USING (pno)
    LEFT JOIN coh_sk sk USING (spid) LEFT JOIN coh_vk vk USING (vk)`);
}

/**
 * coh_x, the crossings findCohorts counts over, with cohort_inputs brought up to date (see the
 * module's doc). Needs the step's codes (coh_pidx, coh_pcode, coh_port, coh_sk, coh_vk).
 */
export async function cohortCrossings(run: AnalyzeRun): Promise<CohortInputStats> {
  const { store } = run;
  const state = await store.one<{ n: bigint; moved: boolean | null }>(`
    SELECT count(*) AS n, bool_or(s.data_end IS DISTINCT FROM b.data_end) AS moved
    FROM cohort_input_state s, run_bounds b`);
  let stats: CohortInputStats;
  if (run.scope?.full !== false || Number(state?.n ?? 0) !== 1) {
    await selectRows(store, "coh_x", "coh_pidx", "coh_pcode");
    await store.run("DELETE FROM cohort_inputs");
    await storeRows(store, "coh_x");
    stats = { inputs_scope: "full", input_persons: await count(store, "coh_pidx") };
  } else {
    const persons = await refreshRows(store, state?.moved === true);
    await store.runPolled(`CREATE OR REPLACE TEMP TABLE coh_x AS
      SELECT p.pid, cp.pno, cp.cno, c.d, c.out, c.minute, sk.sk, sk.spid, vk.vk
      FROM cohort_inputs c JOIN coh_pidx p USING (person_id) JOIN coh_port cp ON cp.port_text = c.port
      LEFT JOIN coh_sk sk ON sk.sponsor_text = c.sponsor
      LEFT JOIN coh_vk vk ON vk.visa_text IS NOT DISTINCT FROM c.visa_type
                           AND vk.doc_text IS NOT DISTINCT FROM c.doc_type`);
    stats = { inputs_scope: "incremental", input_persons: persons };
  }
  await store.run("DELETE FROM cohort_input_state");
  await store.run("INSERT INTO cohort_input_state SELECT data_end FROM run_bounds");
  return stats;
}

/** Selects again the rows of the persons that may have changed; returns how many there are. */
async function refreshRows(store: Store, lastDayMoved: boolean): Promise<number> {
  // The persons: run_affected, and those with a stay open at the end that began within two days
  // of either last day (the two selections differ only where a stay's nights to the last day
  // cross two).
  const open = lastDayMoved
    ? `UNION SELECT s.person_id FROM stays s, run_bounds b, cohort_input_state st
       WHERE s.exited_on IS NULL AND s.entered_on > least(b.data_end, st.data_end) - 2`
    : "";
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE coh_rp AS
    SELECT person_id FROM run_affected ${open}`);
  await store.run("DELETE FROM cohort_inputs WHERE person_id IN (SELECT person_id FROM coh_rp)");
  // The persons that still exist, in the step's codes.
  await store.run(
    "CREATE OR REPLACE TEMP TABLE coh_rpidx AS SELECT * FROM coh_pidx SEMI JOIN coh_rp USING (person_id)",
  );
  await store.run(
    "CREATE OR REPLACE TEMP TABLE coh_rpcode AS SELECT * FROM coh_pcode WHERE pid IN (SELECT pid FROM coh_rpidx)",
  );
  await selectRows(store, "coh_sel", "coh_rpidx", "coh_rpcode");
  await storeRows(store, "coh_sel");
  const n = await count(store, "coh_rp");
  for (const t of ["coh_sel", "coh_rpcode", "coh_rpidx", "coh_rp"])
    await store.run(`DROP TABLE ${t}`);
  return n;
}
