/**
 * `sojourn alerts [--rule R] [--json]` and, registered from here so main.ts wires detection in
 * one place: `sojourn cohorts` and `sojourn sponsors`.
 */
import type { Command } from "commander";
import { RULES } from "../../core/detection/rules/index.js";
import { AppError } from "../../core/errors.js";
import { listAlerts } from "../../read/alerts.js";
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
    .option("--unmask", "cite records by their record ids (default: by ingest run and line)")
    .action(
      async (
        opts: { rule?: string; person?: string; limit: string; json?: boolean; unmask?: boolean },
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
        const { items: rows } = await withCommandStore(cmd, (store) =>
          listAlerts(store, {
            rule: opts.rule,
            person: opts.person,
            limit: opts.json ? 0 : limit,
            unmask: opts.unmask,
          }),
        );
        if (opts.json) return printJson(rows);
        for (const a of rows) {
          printLine(
            `${a.alert_id}  ${a.rule} v${a.rule_version}  score ${a.score}  ${a.person_id ?? a.cohort_id}`,
          );
          printLine(`  ${a.summary}`);
          const ids = a.record_ids;
          printLine(
            `  evidence: ${ids.slice(0, 8).join(", ")}${ids.length > 8 ? ` … (${ids.length})` : ""}`,
          );
        }
        if (rows.length === 0) printLine("no alerts (run sojourn analyze first?)");
      },
    );
  registerCohorts(program);
  registerSponsors(program);
}
