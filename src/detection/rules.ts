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

/** Alerts of one rule: inserted, returns how many. */
export async function runRule(store: Store, rule: Rule, policy: Policy): Promise<number> {
  const before = await count(store);
  await store.run(`INSERT INTO alerts
    SELECT '${rule.id}-' || substr(md5(concat_ws('|', '${rule.id}', person_id, cohort_id, period_start::VARCHAR)), 1, 12),
           '${rule.id}', ${rule.version}, round(score::DOUBLE, 4), person_id, cohort_id,
           period_start::DATE, period_end::DATE, ${templateSql(rule.template)},
           CAST(record_ids AS VARCHAR[])
    FROM (${rule.sql(policy)})`);
  return (await count(store)) - before;
}

async function count(store: Store): Promise<number> {
  return Number((await store.one<{ n: bigint }>("SELECT count(*) AS n FROM alerts"))?.n ?? 0);
}

export async function runRules(
  store: Store,
  policy: Policy,
  only?: readonly string[],
): Promise<Record<string, number | string>> {
  const have = await tableNames(store);
  const stats: Record<string, number | string> = {};
  await store.run("DELETE FROM alerts");
  await createDetStay(store);
  for (const rule of RULES) {
    if (only && !only.includes(rule.id)) continue;
    const missing = (rule.requires ?? []).filter((t) => !have.has(t));
    if (missing.length > 0) {
      stats[rule.id] = `skipped (no ${missing.join(", ")})`;
      continue;
    }
    stats[rule.id] = await runRule(store, rule, policy);
  }
  // The places step after this one needs the memory more.
  await store.run("DROP TABLE det_stay");
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
