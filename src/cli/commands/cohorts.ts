/** `sojourn cohorts [--kind K] [--json]`: groups that cross together, with members by role. */
import type { Command } from "commander";
import { listCohorts } from "../../read/cohorts.js";
import { printJson, printTable, withCommandStore } from "../output.js";

export function registerCohorts(program: Command): void {
  program
    .command("cohorts")
    .description("list cohorts: labour teams, tour groups, unknown; members by role, sponsors")
    .option("--kind <kind>", "labor-team | tour-group | unknown")
    .option("--json", "print JSON with members and movements")
    .action(async (opts: { kind?: string; json?: boolean }, cmd: Command) => {
      const rows = await withCommandStore(cmd, (store) =>
        listCohorts(store, { kind: opts.kind, withMembers: opts.json }),
      );
      if (opts.json) return printJson(rows);
      printTable(rows, [
        "cohort_id",
        "kind",
        "members",
        "core",
        "stragglers",
        "replacements",
        "first_timers",
        "movements",
        "first_seen",
        "last_seen",
        "ports",
        "sponsors",
      ]);
    });
}
