/**
 * The rules step: runs every rule's SQL (src/core/detection/rules/, one file per rule id) and
 * rebuilds the alerts table. The rules that read stays share det_stay, a narrow copy of them
 * (src/core/detection/rules/rule.ts), built once here and dropped at the end.
 */
import type { Policy } from "../../core/detection/policy.js";
import { RULES, type Rule, templateSql } from "../../core/detection/rules/index.js";
import type { Store } from "../../db/store.js";
import type { AnalyzeStep } from "../step.js";
import { unchanged } from "./stays-step.js";

export const rulesStep: AnalyzeStep<Record<string, number> | { skipped: true }> = {
  id: "rules",
  description:
    "alerts: overstay, visa-run, long-presence, post-deadline-presence, cohort-rotation, sanctioned-sponsor",
  stages: ["rules"],
  reads: [
    "records",
    "stays",
    "persons",
    "cohorts",
    "cohort_members",
    "screening_hits",
    "run_crossings",
    "run_person_numbers",
    "run_bounds",
    "run_indicators",
  ],
  writes: ["alerts"],
  async run(run, stage) {
    if (unchanged(run)) return { skipped: true };
    return stage("rules", () => runRules(run.store, run.policy));
  },
};

/**
 * The order the rules run in: the ones with the most evidence first. Each rule's alerts stay in
 * memory, uncommitted, until the step ends (about 0.5 GB after cohort-rotation's evidence at 10M
 * records), and under analyze's memory cap a rule that runs after them spills: cohort-rotation
 * and long-presence take less than half the CPU when they run first. Readers order alerts
 * themselves, so the insertion order does not matter; stats keep the order of RULES.
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

async function runRules(store: Store, policy: Policy): Promise<Record<string, number>> {
  const stats: Record<string, number> = {};
  await store.run("DELETE FROM alerts");
  // Rules write to a temporary copy and the alerts go in with one INSERT at the end: DuckDB
  // writes one large insert on all threads, while rows appended by many statements are written
  // at COMMIT on one.
  await store.run("CREATE OR REPLACE TEMP TABLE det_alerts AS SELECT * FROM alerts LIMIT 0");
  for (const rule of RULES) stats[rule.id] = 0;
  let detStay = false; // built before the first rule that reads it
  for (const rule of [...RULES].sort((a, b) => rank(a) - rank(b))) {
    if (rule.detStay && !detStay) {
      await createDetStay(store);
      detStay = true;
    }
    stats[rule.id] = await runRule(store, rule, policy);
  }
  await store.run("INSERT INTO alerts SELECT * FROM det_alerts");
  await store.run("DROP TABLE det_alerts");
  await store.run("DROP TABLE IF EXISTS det_stay");
  return stats;
}

/** Alerts of one rule, inserted into det_alerts; returns how many. */
async function runRule(store: Store, rule: Rule, policy: Policy): Promise<number> {
  const before = await count(store, "det_alerts");
  await store.run(`INSERT INTO det_alerts
    SELECT '${rule.id}-' || substr(md5(concat_ws('|', '${rule.id}', person_id, cohort_id, period_start::VARCHAR)), 1, 12),
           '${rule.id}', ${rule.version}, round(score::DOUBLE, 4), person_id, cohort_id,
           period_start::DATE, period_end::DATE, ${templateSql(rule.template)},
           CAST(record_ids AS VARCHAR[])
    FROM (${rule.sql(policy)})`);
  return (await count(store, "det_alerts")) - before;
}

async function count(store: Store, table: string): Promise<number> {
  return Number((await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${table}`))?.n ?? 0);
}

/** det_stay (src/core/detection/rules/rule.ts), built once per rules step. */
async function createDetStay(store: Store): Promise<void> {
  // Narrow (integers, dates, two booleans for the flags the rules ask about): it sits in memory
  // beside run_crossings while the rules run, under analyze's memory cap.
  await store.run(`CREATE OR REPLACE TEMP TABLE det_stay AS
    SELECT s.rowid AS sid, p.pid, s.entered_on, s.exited_on,
           coalesce(s.exited_on, b.data_end) AS until, s.days,
           list_has_any(s.flags, ['inferred-exit', 'inferred-entry', 'open-at-start']) AS guessed,
           list_contains(s.flags, 'open-at-end') AS open_end
    FROM stays s JOIN run_person_numbers p USING (person_id) CROSS JOIN run_bounds b`);
}
