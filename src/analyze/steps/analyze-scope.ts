/**
 * What an analyze run recomputes. The last complete run leaves, per person, a fingerprint of
 * their crossings and of everything their alerts rest on (analyze_person_state), and the
 * policy and the first and last day of the logs it saw (analyze_state). The next run compares:
 *
 * - a person's stays are a function of their own canonical crossings, the policy and the first
 *   and last day of the logs. Persons whose crossings changed (new records, a merge, a
 *   re-export that moved which record is canonical) are run_affected and get their stays
 *   rebuilt; a later last day only lengthens stays still open at the end, which are updated in
 *   place. A new policy, or records before the first day (stays open at the start begin on it),
 *   make the run full;
 * - a person's alerts are a function of their stays, labour score and indicators, open-stay cap,
 *   crossings and cohort memberships (with their cohorts' movements and sizes), under the
 *   policy. Persons whose fingerprint of these changed are run_rule_persons, and only their
 *   alerts are recomputed. The sanctioned-sponsor rule, which also reads the screening hits, is
 *   recomputed whole.
 *
 * Fingerprints compare text, never the run's ENUM codes, which shift when a value is added.
 */
import { policyFingerprint } from "../../core/detection/policy.js";
import type { Store } from "../../db/store.js";
import type { AnalyzeRun, AnalyzeScope } from "../run.js";

/** SQL: the hash of a crossing in run_crossings `c`, from every column the later steps read. */
const CROSSING_HASH = `hash(c.rec_key, c.crossed_at, c.local_date, c.direction, c.port::VARCHAR, c.visa_type, c.doc_type, c.sponsor::VARCHAR, c.nationality)`;

/**
 * run_person_inputs and run_affected, and the run's scope. Needs run_crossings,
 * run_person_numbers and run_bounds.
 */
export async function decideScope(run: AnalyzeRun): Promise<AnalyzeScope> {
  const { store } = run;
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE run_person_inputs AS
    SELECT p.person_id, p.pid, coalesce(c.fp, 0)::HUGEINT AS fp
    FROM run_person_numbers p
    LEFT JOIN (SELECT c.pid, sum(${CROSSING_HASH}) AS fp FROM run_crossings c GROUP BY c.pid) c USING (pid)`);
  const reason = await fullReason(run);
  if (reason) {
    await store.runPolled(`CREATE OR REPLACE TEMP TABLE run_affected AS
      SELECT person_id, pid FROM run_person_numbers`);
  } else {
    await store.runPolled(`CREATE OR REPLACE TEMP TABLE run_affected AS
      SELECT person_id, c.pid FROM run_person_inputs c
      FULL JOIN analyze_person_state s USING (person_id)
      WHERE c.fp IS DISTINCT FROM s.crossings_fp`);
  }
  const affected = await count(store, "run_affected");
  run.scope = { full: reason !== undefined, reason: reason ?? "incremental", affected };
  return run.scope;
}

/** Why the run must be full, or undefined when it can be incremental. */
async function fullReason(run: AnalyzeRun): Promise<string | undefined> {
  if (run.forceFull) return "--full";
  const state = await readState(run.store);
  if (state.policy_fingerprint === undefined) return "first run";
  if (state.policy_fingerprint !== policyFingerprint(run.policy)) return "policy changed";
  const bounds = await run.store.one<{ s: string | null }>(
    "SELECT data_start::VARCHAR AS s FROM run_bounds",
  );
  if ((bounds?.s ?? "") !== (state.data_start ?? "")) return "records before the first day";
  return undefined;
}

async function readState(store: Store): Promise<Record<string, string | undefined>> {
  const rows = await store.all<{ key: string; value: string }>(
    "SELECT key, value FROM analyze_state",
  );
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/**
 * run_rule_inputs: per person, the hash of what their alerts rest on; run_rule_persons: the
 * persons whose hash changed since the last complete run (every person on a full run), and the
 * persons merged away, whose alerts go.
 */
export async function decideRulePersons(run: AnalyzeRun): Promise<number> {
  const { store } = run;
  // A person's stays are a function of their crossings (i.fp below), the policy and the logs'
  // first day (either changing makes the run full) and, for a stay still open at the end only,
  // the last day: hashing the open stays alone sees every change of the stays, without hashing
  // every stay and its record list (3 CPU-s at 10M records).
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE run_rule_inputs AS
    WITH st AS (SELECT person_id, sum(hash(s)) AS h FROM stays s WHERE exited_on IS NULL
                GROUP BY person_id),
    size AS (SELECT cohort_id, count(*) AS n FROM cohort_members GROUP BY cohort_id),
    cm AS (SELECT m.person_id, sum(hash(m, k, size.n)) AS h
           FROM cohort_members m JOIN cohorts k USING (cohort_id) JOIN size USING (cohort_id)
           GROUP BY m.person_id)
    SELECT p.person_id,
           hash(p.labor_score, p.indicators::VARCHAR, f.open_cap, i.fp, st.h, cm.h) AS fp
    FROM persons p LEFT JOIN run_indicators f USING (person_id)
    LEFT JOIN run_person_inputs i USING (person_id) LEFT JOIN st USING (person_id)
    LEFT JOIN cm USING (person_id)`);
  if (run.scope?.full !== false) {
    await store.runPolled(
      "CREATE OR REPLACE TEMP TABLE run_rule_persons AS SELECT person_id FROM run_rule_inputs",
    );
  } else {
    await store.runPolled(`CREATE OR REPLACE TEMP TABLE run_rule_persons AS
      SELECT person_id FROM run_rule_inputs r FULL JOIN analyze_person_state s USING (person_id)
      WHERE r.fp IS DISTINCT FROM s.rules_fp`);
  }
  return count(store, "run_rule_persons");
}

/**
 * Records what this complete run saw, for the next one: the fingerprints of the persons it
 * recomputed (all of them on a full run), the policy and the logs' first and last day.
 */
export async function writeState(run: AnalyzeRun): Promise<void> {
  const { store } = run;
  // A run without the stays and rules steps saw too little to speak for the next one.
  const made = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM duckdb_tables()
    WHERE temporary AND table_name IN ('run_person_inputs', 'run_rule_inputs')`);
  if (Number(made?.n ?? 0) < 2) return;
  const rows = `SELECT person_id, i.fp AS crossings_fp, r.fp AS rules_fp
    FROM run_person_inputs i FULL JOIN run_rule_inputs r USING (person_id)`;
  if (run.scope?.full !== false) {
    await store.run("DELETE FROM analyze_person_state");
    await store.run(`INSERT INTO analyze_person_state ${rows}`);
  } else {
    const changed = `(SELECT person_id FROM run_affected UNION SELECT person_id FROM run_rule_persons)`;
    await store.run(`DELETE FROM analyze_person_state WHERE person_id IN ${changed}`);
    await store.run(
      `INSERT INTO analyze_person_state SELECT * FROM (${rows}) WHERE person_id IN ${changed}`,
    );
  }
  await store.run("DELETE FROM analyze_state");
  await store.run(
    `INSERT INTO analyze_state
     SELECT 'policy_fingerprint', ? UNION ALL
     SELECT 'data_start', coalesce(data_start::VARCHAR, '') FROM run_bounds UNION ALL
     SELECT 'data_end', coalesce(data_end::VARCHAR, '') FROM run_bounds`,
    [policyFingerprint(run.policy)],
  );
}

async function count(store: Store, table: string): Promise<number> {
  return Number((await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${table}`))?.n ?? 0);
}
