/**
 * The rules step: runs every rule's SQL (src/core/detection/rules/, one file per rule id) and
 * rebuilds the alerts table. The rules that read stays share det_stay, a narrow copy of them
 * (src/core/detection/rules/rule.ts), built once here and dropped at the end.
 */
import {
  alertOwnScoreSql,
  alertScoreSql,
  CENSORED_NOTE,
} from "../../core/detection/alert-score.js";
import type { Policy } from "../../core/detection/policy.js";
import { RULES, type Rule, templateSql } from "../../core/detection/rules/index.js";
import { sanctionedSponsor } from "../../core/detection/rules/sanctioned-sponsor.js";
import { type Store, sqlString } from "../../db/store.js";
import { commitScratch } from "../commit-scratch.js";
import { cpuClock } from "../cpu-clock.js";
import type { AnalyzeStep } from "../step.js";
import { decideRulePersons } from "./analyze-scope.js";
import { unchanged } from "./stays-step.js";

/**
 * Alerts written per rule id, the persons whose alerts were recomputed, and the CPU seconds of
 * the process (DuckDB's threads included) per rule and for det_stay, by which a rule's cost is
 * compared across scales.
 */
type RulesStats = Record<string, number | Record<string, number>>;

export const rulesStep: AnalyzeStep<RulesStats | { skipped: true }> = {
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
    "run_person_inputs",
    "analyze_person_state",
  ],
  writes: ["alerts", "run_rule_inputs", "run_rule_persons"],
  consumes: "affected persons",
  async run(run, stage) {
    if (unchanged(run)) return { skipped: true };
    return stage("rules", async () => {
      const persons = await decideRulePersons(run);
      return {
        ...(await runRules(run.store, run.policy, run.scope?.full !== false)),
        rule_persons: persons,
      };
    });
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

/**
 * Every rule's alerts, for every person (`full`) or for the persons in run_rule_persons: their
 * alerts go and are found again (the sanctioned-sponsor rule, which reads the screening hits
 * too, always for everyone). Stats count the alerts written.
 */
async function runRules(store: Store, policy: Policy, full: boolean): Promise<RulesStats> {
  const stats: Record<string, number> = {};
  const cpu: Record<string, number> = {};
  const clock = cpuClock();
  const whole = (rule: Rule) => full || rule.id === sanctionedSponsor.id;
  // Rules write to a temporary copy and the alerts go in with one INSERT at the end: DuckDB
  // writes one large insert on all threads, while rows appended by many statements are written
  // at COMMIT on one. The temporary tables are committed before the statements that read them
  // (commit-scratch.ts), and the alerts are replaced in one transaction.
  await store.run("CREATE OR REPLACE TEMP TABLE det_alerts AS SELECT * FROM alerts LIMIT 0");
  await createDetMember(store, full);
  await commitScratch(store);
  for (const rule of RULES) stats[rule.id] = 0;
  let detStay = false; // built before the first rule that reads it
  for (const rule of [...RULES].sort((a, b) => rank(a) - rank(b))) {
    if (rule.detStay && !detStay) {
      clock();
      await createDetStay(store, full);
      await commitScratch(store);
      cpu.det_stay = clock();
      detStay = true;
    }
    clock();
    stats[rule.id] = await runRule(store, rule, policy, "det_alerts", !whole(rule));
    cpu[rule.id] = clock();
  }
  await commitScratch(store);
  await store.run(
    full
      ? "DELETE FROM alerts"
      : `DELETE FROM alerts WHERE rule = '${sanctionedSponsor.id}'
           OR person_id IN (SELECT person_id FROM run_rule_persons)`,
  );
  await store.runPolled("INSERT INTO alerts SELECT * FROM det_alerts");
  await store.run("DROP TABLE det_alerts");
  await store.run("DROP TABLE IF EXISTS det_stay");
  await store.run("DROP TABLE det_member");
  return { ...stats, cpu_seconds: cpu };
}

/**
 * Alerts of one rule, inserted into `table` (det_alerts while the step runs; `alerts` when the
 * sanctioned-sponsor rule is refreshed after a list import); returns how many.
 */
export async function runRule(
  store: Store,
  rule: Rule,
  policy: Policy,
  table = "det_alerts",
  onlyRulePersons = false,
): Promise<number> {
  const before = await count(store, table);
  // The score ranks the alert among all alerts: the rule's strength, the records behind it, the
  // person's labour score, lowered when censored (src/core/detection/alert-score.ts). The
  // insert writes the alert's own part; an update then adds the person's, on narrow columns: a
  // join to persons in the insert hashed whichever side DuckDB thought smaller, often the
  // alerts with their evidence lists (15 % of the cohort-rotation rule at 2M records).
  const own = alertOwnScoreSql({ strength: "a.score", records: "len(a.record_keys)" });
  await store.runPolled(`INSERT INTO ${table}
    SELECT '${rule.id}-' || substr(md5(concat_ws('|', '${rule.id}', a.person_id, a.cohort_id, a.period_start::VARCHAR)), 1, 12),
           '${rule.id}', ${rule.version}, ${own}, a.person_id, a.cohort_id,
           a.period_start::DATE, a.period_end::DATE,
           ${templateSql(rule.template)} || CASE WHEN a.censored THEN ${sqlString(CENSORED_NOTE)} ELSE '' END,
           coalesce(a.censored, false),
           CAST(a.record_keys AS BIGINT[])
    FROM (${rule.sql(policy)}) a
    ${onlyRulePersons ? "WHERE a.person_id IN (SELECT person_id FROM run_rule_persons)" : ""}`);
  const score = alertScoreSql({
    own: "t.score",
    laborScore: "(SELECT p.labor_score FROM persons p WHERE p.person_id = t.person_id)",
    censored: "t.censored",
  });
  await store.runPolled(
    `UPDATE ${table} t SET score = round(${score}, 4) WHERE t.rule = '${rule.id}'`,
  );
  return (await count(store, table)) - before;
}

async function count(store: Store, table: string): Promise<number> {
  return Number((await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${table}`))?.n ?? 0);
}

/**
 * det_stay (src/core/detection/rules/rule.ts), built once per rules step: the stays of every
 * person (`full`), else of the persons in run_rule_persons only, so the rules that read it work
 * on those alone.
 */
async function createDetStay(store: Store, full: boolean): Promise<void> {
  // Narrow (integers, dates, two booleans for the flags the rules ask about): it sits in memory
  // beside run_crossings while the rules run, under analyze's memory cap.
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE det_stay AS
    SELECT s.rowid AS sid, p.pid, s.entered_on, s.exited_on,
           coalesce(s.exited_on, b.data_end) AS until, s.days,
           list_has_any(s.flags, ['inferred-exit', 'inferred-entry', 'open-at-start']) AS guessed,
           list_contains(s.flags, 'open-at-end') AS open_end
    FROM stays s JOIN run_person_numbers p USING (person_id) CROSS JOIN run_bounds b
    ${full ? "" : "WHERE s.person_id IN (SELECT person_id FROM run_rule_persons)"}`);
}

/**
 * det_member (src/core/detection/rules/rule.ts): the cohort members with their person in
 * run_crossings's person type (a connection-local ENUM of the stays step, text when there are no
 * persons) — of every person (`full`), else of the persons in run_rule_persons only, as det_stay.
 * An empty copy of that column gives the type, and the insert casts the 212,000
 * members' ids (at 10M records) instead of a join casting 10M crossings' persons to text; the
 * type holds the persons of run_person_numbers, and a member outside them has no crossings.
 */
async function createDetMember(store: Store, full: boolean): Promise<void> {
  await store.run(`CREATE OR REPLACE TEMP TABLE det_member AS
    SELECT person_id AS pe, 0::BIGINT AS mid, ''::VARCHAR AS cohort_id FROM run_crossings LIMIT 0`);
  await store.runPolled(
    `INSERT INTO det_member SELECT person_id, rowid, cohort_id FROM cohort_members
     WHERE person_id IN (SELECT person_id FROM run_person_numbers)
     ${full ? "" : "AND person_id IN (SELECT person_id FROM run_rule_persons)"}`,
  );
}
