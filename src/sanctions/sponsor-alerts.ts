/**
 * The sanctioned-sponsor rule run again on the current screening hits, with the policy of the
 * last analyze run — so a sponsor that screening (`screen --sponsors`) or a list import
 * (refresh-after-import.ts) finds on a list surfaces as alerts without a second analyze. The rule
 * runs through the rules step's runRule, so its alerts carry the ranked score and the censored
 * column like every other alert.
 */
import { readLastPolicy } from "../analyze/last-policy.js";
import { runRule } from "../analyze/steps/rules-step.js";
import { RULES } from "../core/detection/rules/index.js";
import type { Store } from "../db/store.js";
import { rebuildAlertReadTables } from "../read/read-tables.js";

export async function tableNames(store: Store): Promise<Set<string>> {
  const rows = await store.all<{ t: string }>(
    "SELECT table_name AS t FROM information_schema.tables",
  );
  return new Set(rows.map((r) => r.t));
}

/**
 * Replaces the sanctioned-sponsor alerts; returns how many there are, or null when analyze has
 * not run (no alerts table or no policy to run the rule with). Call it inside the transaction
 * that wrote the hits.
 */
export async function rebuildSponsorAlerts(store: Store): Promise<number | null> {
  const rule = RULES.find((r) => r.id === "sanctioned-sponsor");
  const have = await tableNames(store);
  if (!rule || !have.has("alerts") || !have.has("analyze_runs")) return null;
  const policy = await readLastPolicy(store);
  if (!policy) return null;
  // The rules step's run_crossings, read from the stored records and persons.
  await store.run(`CREATE OR REPLACE TEMP VIEW run_crossings AS
    SELECT pr.person_id, r.rec_key, r.crossed_at, r.local_date, r.sponsor
    FROM records r JOIN person_records pr USING (rec_key)
    WHERE r.canonical_key IS NULL AND r.direction IN ('entry', 'exit') AND r.local_date IS NOT NULL`);
  await store.run("DELETE FROM alerts WHERE rule = ?", [rule.id]);
  await runRule(store, rule, policy, "alerts");
  await store.run("DROP VIEW run_crossings");
  await rebuildAlertReadTables(store);
  const n = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM alerts WHERE rule = ?", [
    rule.id,
  ]);
  return Number(n?.n ?? 0);
}
