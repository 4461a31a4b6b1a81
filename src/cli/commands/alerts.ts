/**
 * `sojourn alerts [--rule R] [--json]` and, registered from here so main.ts wires detection in
 * one place: `sojourn cohorts` and `sojourn sponsors`.
 */
import type { Command } from "commander";
import { RULES } from "../../core/detection/rules/index.js";
import { AppError } from "../../core/errors.js";
import { printJson, printLine, withCommandStore } from "../output.js";
import { registerCohorts } from "./cohorts.js";
import { registerSponsors } from "./sponsors.js";

export function register(program: Command): void {
  program
    .command("alerts")
    .description("list rule alerts with their explanation and evidence records")
    .option("--rule <rule>", `only this rule: ${RULES.map((r) => r.id).join(", ")}`)
    .option("--person <id>", "only this person")
    .option("--limit <n>", "at most n alerts (default 50; 0 = all)", "50")
    .option("--json", "print JSON (all matching alerts)")
    .action(
      async (
        opts: { rule?: string; person?: string; limit: string; json?: boolean },
        cmd: Command,
      ) => {
        if (opts.rule && !RULES.some((r) => r.id === opts.rule))
          throw new AppError(
            "usage",
            `--rule ${opts.rule}: unknown rule; expected one of ${RULES.map((r) => r.id).join(", ")}`,
          );
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 0)
          throw new AppError("usage", `--limit ${opts.limit}: expected a whole number ≥ 0`);
        const filter = { rule: opts.rule ?? null, person: opts.person ?? null };
        const where =
          "($rule IS NULL OR rule = $rule) AND ($person IS NULL OR person_id = $person)";
        // Strongest first: the score ranks alerts across rules (src/core/detection/alert-score.ts).
        const { rows, total } = await withCommandStore(cmd, async (store) => ({
          rows: await store.json(
            `SELECT alert_id, rule, rule_version, score, censored, person_id, cohort_id,
                    strftime(period_start, '%Y-%m-%d') AS period_start,
                    strftime(period_end, '%Y-%m-%d') AS period_end, summary, record_ids
             FROM alerts WHERE ${where}
             ORDER BY score DESC, rule, alert_id ${opts.json || limit === 0 ? "" : `LIMIT ${limit}`}`,
            filter,
          ),
          total: Number(
            (
              await store.one<{ n: bigint }>(
                `SELECT count(*) AS n FROM alerts WHERE ${where}`,
                filter,
              )
            )?.n ?? 0,
          ),
        }));
        if (opts.json) return printJson(rows);
        for (const a of rows) {
          printLine(
            `${a.alert_id}  ${a.rule} v${a.rule_version}  score ${a.score}${a.censored ? " (censored)" : ""}  ${a.person_id ?? a.cohort_id}`,
          );
          printLine(`  ${a.summary}`);
          const ids = a.record_ids as string[];
          printLine(
            `  evidence: ${ids.slice(0, 8).join(", ")}${ids.length > 8 ? ` … (${ids.length})` : ""}`,
          );
        }
        if (rows.length === 0) printLine("no alerts (run sojourn analyze first?)");
        else if (total > rows.length)
          printLine(
            `${total - rows.length} more alert${total - rows.length === 1 ? "" : "s"} not shown (of ${total}); --limit 0 shows all`,
          );
      },
    );
  registerCohorts(program);
  registerSponsors(program);
}

/** The detection part of `sojourn person ID`: stays and alerts, for the person command to show. */
