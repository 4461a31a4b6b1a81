/** `sojourn sponsors [--json]`: per sponsor (grouped across spellings) teams, workers, status. */
import type { Command } from "commander";
import { listSponsors } from "../../read/sponsors.js";
import { printJson, printTable, withCommandStore } from "../output.js";

export function registerSponsors(program: Command): void {
  program
    .command("sponsors")
    .description(
      "sponsors as recorded, grouped across scripts and spellings: teams, likely workers\nover time, and whether they ceased before the deadline or continued after it",
    )
    .option("--json", "print JSON (with every spelling and workers per month)")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const rows = await withCommandStore(cmd, listSponsors);
      if (opts.json) return printJson(rows);
      printTable(
        rows.map((r) => ({ ...r, spellings: r.names.length })),
        [
          "sponsor",
          "spellings",
          "persons",
          "likely_workers",
          "teams",
          "first_seen",
          "last_seen",
          "workers_after_deadline",
          "status",
        ],
      );
    });
}
