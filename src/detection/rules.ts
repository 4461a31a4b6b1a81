/**
 * Runs every rule's SQL and writes the alerts table (one transaction, rebuilt each run). The rules
 * share det_stay, a narrow copy of stays keyed by rowid (src/core/detection/rules/rule.ts).
 */

import type { Policy } from "../core/detection/policy.js";
import { RULES, type Rule, templateSql } from "../core/detection/rules/index.js";
import type { Store } from "../db/store.js";

export async function tableNames(store: Store): Promise<Set<string>> {
  const rows = await store.all<{ t: string }>(
    "SELECT table_name AS t FROM information_schema.tables",
  );
  return new Set(rows.map((r) => r.t));
}

/** Alerts of one rule: inserted into `table` (alerts, or a staging copy), returns how many. */
export async function runRule(
  store: Store,
  rule: Rule,
  policy: Policy,
  table = "alerts",
): Promise<number> {
  const before = await count(store, table);
  await store.run(`INSERT INTO ${table}
    SELECT '${rule.id}-' || substr(md5(concat_ws('|', '${rule.id}', person_id, cohort_id, period_start::VARCHAR)), 1, 12),
           '${rule.id}', ${rule.version}, round(score::DOUBLE, 4), person_id, cohort_id,
           period_start::DATE, period_end::DATE, ${templateSql(rule.template)},
           CAST(record_ids AS VARCHAR[])
    FROM (${rule.sql(policy)})`);
  return (await count(store, table)) - before;
}

/**
 * The order the rules run in: the ones with the most evidence first. Each rule's alerts stay in
 * memory, uncommitted, until the step ends (≈ 0.5 GB after cohort-rotation's 4.6 M evidence
 * crossings at 10M records), and under analyze's memory cap a rule that runs after them spills:
 * measured at 10M, cohort-rotation took 17.7 CPU-s last and 6.8 first; long-presence 17.4 last
 * and 7.2 second; the step 33–38 CPU-s → 22.5. Readers order alerts themselves, so the
 * insertion order does not matter; stats keep the order of RULES.
 */
const RUN_ORDER = [
  "cohort-rotation",
  "long-presence",
  "visa-run",
  "overstay",
  "post-deadline-presence",
];

function rank(rule: Rule): number {
  const i = RUN_ORDER.indexOf(rule.id);
  return i >= 0 ? i : RUN_ORDER.length + RULES.indexOf(rule);
}

async function count(store: Store, table: string): Promise<number> {
  return Number((await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${table}`))?.n ?? 0);
}

export async function runRules(
  store: Store,
  policy: Policy,
  only?: readonly string[],
): Promise<Record<string, number | string>> {
  const have = await tableNames(store);
  const stats: Record<string, number | string> = {};
  await store.run("DELETE FROM alerts");
  // Rules write to a temporary copy and the alerts go in with one INSERT at the end: DuckDB
  // writes one large insert on all threads, while rows appended by many statements are written
  // at COMMIT on one (5 s of 593,000 alerts with their evidence lists at 10M records).
  await store.run("CREATE OR REPLACE TEMP TABLE det_alerts AS SELECT * FROM alerts LIMIT 0");
  const run = RULES.filter((rule) => !only || only.includes(rule.id));
  for (const rule of run) stats[rule.id] = "";
  let detStay = false; // built before the first rule that reads it
  for (const rule of [...run].sort((a, b) => rank(a) - rank(b))) {
    const missing = (rule.requires ?? []).filter((t) => !have.has(t));
    if (missing.length > 0) {
      stats[rule.id] = `skipped (no ${missing.join(", ")})`;
      continue;
    }
    if (rule.detStay && !detStay) {
      await createDetStay(store);
      detStay = true;
    }
    stats[rule.id] = await runRule(store, rule, policy, "det_alerts");
  }
  await store.run("INSERT INTO alerts SELECT * FROM det_alerts");
  await store.run("DROP TABLE det_alerts");
  // The places step after this one needs the memory more.
  await store.run("DROP TABLE IF EXISTS det_stay");
  return stats;
}

/** det_stay (src/core/detection/rules/rule.ts), built once per rules step. */
export async function createDetStay(store: Store): Promise<void> {
  // Narrow (integers, dates, two booleans for the flags the rules ask about): it sits in memory
  // beside det_rec while the rules run, under analyze's memory cap.
  await store.run(`CREATE OR REPLACE TEMP TABLE det_stay AS
    SELECT s.rowid AS sid, p.pid, s.entered_on, s.exited_on,
           coalesce(s.exited_on, b.data_end) AS until, s.days,
           list_has_any(s.flags, ['inferred-exit', 'inferred-entry', 'open-at-start']) AS guessed,
           list_contains(s.flags, 'open-at-end') AS open_end
    FROM stays s JOIN det_person p USING (person_id) CROSS JOIN det_bounds b`);
}
