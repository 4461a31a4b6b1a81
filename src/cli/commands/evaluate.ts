import type { Command } from "commander";
import { type ClusterQuality, evaluate } from "../../evaluate/evaluate.js";
import { printJson, printLine, withCommandStore } from "../output.js";

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const f3 = (x: number) => x.toFixed(4);

function clusterLine(
  label: string,
  q: ClusterQuality | { status: string; reason: string },
): string {
  if ("status" in q) return `  ${label}: not computed (${q.reason})`;
  return `  ${label}: pairwise P ${f3(q.precision)}  R ${f3(q.recall)}  F1 ${f3(q.f1)}  | persons split ${pct(q.split_share)}  | clusters mixing persons ${pct(q.mixed_share)}  (${q.true_persons} persons, ${q.clusters} clusters)`;
}

export function register(program: Command): void {
  program
    .command("evaluate")
    .description("score the store's current results against a simulated truth directory")
    .requiredOption("--truth <dir>", "directory written by sojourn simulate")
    .option("--json", "print one JSON object")
    .action(async (opts: { truth: string; json?: boolean }, cmd: Command) => {
      const e = await withCommandStore(cmd, (store) => evaluate(store, opts.truth));
      if (opts.json) {
        printJson(e);
        return;
      }
      const c = e.coverage;
      printLine(
        `truth ${e.truth} (scenario ${String(e.scenario.scenario ?? "?")}, seed ${String(e.scenario.seed ?? "?")})`,
      );
      printLine(
        `coverage: ${c.matched} of ${c.truth_records} truth records in the store (${c.missing_from_store} missing); ` +
          `${c.reexports_linked} of ${c.truth_reexports} re-exports linked; ${c.store_records_not_in_truth} store records not in this truth`,
      );
      printLine("identity:");
      printLine(clusterLine("model", e.identity.model));
      printLine(clusterLine("baseline (document number alone)", e.identity.baseline_doc_number));
      printLine("workers:");
      if ("status" in e.workers) printLine(`  model: not computed (${e.workers.reason})`);
      else {
        const w = e.workers;
        printLine(
          `  model (labor_score ≥ ${w.threshold}): P ${f3(w.precision)}  R ${f3(w.recall)}  F1 ${f3(w.f1)}  ROC AUC ${w.roc_auc === null ? "n/a" : f3(w.roc_auc)}`,
        );
        printLine(
          `    false positives by role: ${Object.entries(w.false_positive_share_by_role)
            .map(([r, v]) => `${r} ${pct(v)}`)
            .join(", ")}`,
        );
      }
      const b = e.workers_baseline;
      printLine(`  baseline (${b.rule}): P ${f3(b.precision)}  R ${f3(b.recall)}  F1 ${f3(b.f1)}`);
      printLine(
        `    false positives by role: ${Object.entries(b.false_positive_share_by_role)
          .map(([r, v]) => `${r} ${pct(v)}`)
          .join(", ")}`,
      );
      if ("status" in e.cohorts) printLine(`cohorts: not computed (${e.cohorts.reason})`);
      else
        printLine(
          `cohorts: labour-team pairwise F1 ${f3(e.cohorts.labor_team_pairwise_f1)} (P ${f3(e.cohorts.precision)}, R ${f3(e.cohorts.recall)}); tour groups labelled labour team: ${e.cohorts.tour_groups_labelled_labor}; teams of ≥ 100 left out: ${e.cohorts.large_teams_left_out}; cohorts > 10 % from another team: ${e.cohorts.mixed_cohorts}`,
        );
      if ("status" in e.alert_ranking)
        printLine(`alert ranking: not computed (${e.alert_ranking.reason})`);
      else
        printLine(
          `alert ranking: ROC AUC of score vs worker ${e.alert_ranking.roc_auc === null ? "n/a" : f3(e.alert_ranking.roc_auc)} over ${e.alert_ranking.persons} persons; by rule: ${Object.entries(
            e.alert_ranking.by_rule,
          )
            .map(([r, v]) => `${r} ${v.roc_auc === null ? "n/a" : f3(v.roc_auc)}`)
            .join(", ")}`,
        );
      if ("status" in e.post_deadline)
        printLine(`post-deadline presence: not computed (${e.post_deadline.reason})`);
      else
        printLine(
          `post-deadline presence: P ${f3(e.post_deadline.precision)}  R ${f3(e.post_deadline.recall)}  F1 ${f3(e.post_deadline.f1)}`,
        );
    });
}
