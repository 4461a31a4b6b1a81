/** `sojourn cohorts [--kind K] [--json]`: groups that cross together, with members by role. */
import type { Command } from "commander";
import { printJson, printTable, withCommandStore } from "../output.js";

export function registerCohorts(program: Command): void {
  program
    .command("cohorts")
    .description("list cohorts: labour teams, tour groups, unknown; members by role, sponsors")
    .option("--kind <kind>", "labor-team | tour-group | unknown")
    .option("--json", "print JSON with members and movements")
    .action(async (opts: { kind?: string; json?: boolean }, cmd: Command) => {
      const rows = await withCommandStore(cmd, (store) =>
        store.json(
          `SELECT k.cohort_id, k.kind, k.ports, k.sponsors, strftime(k.first_seen, '%Y-%m-%d') AS first_seen,
                  strftime(k.last_seen, '%Y-%m-%d') AS last_seen, json_array_length(k.movements) AS movements,
                  count(m.person_id) AS members,
                  count(m.person_id) FILTER (WHERE m.role = 'core') AS core,
                  count(m.person_id) FILTER (WHERE m.role = 'straggler') AS stragglers,
                  count(m.person_id) FILTER (WHERE m.role = 'replacement') AS replacements,
                  count(m.person_id) FILTER (WHERE m.role = 'first-timer') AS first_timers
                  ${opts.json ? ", list(m.person_id ORDER BY m.person_id) AS person_ids, any_value(k.movements) AS movement_list" : ""}
           FROM cohorts k LEFT JOIN cohort_members m USING (cohort_id)
           WHERE $kind IS NULL OR k.kind = $kind GROUP BY ALL ORDER BY k.kind, members DESC`,
          { kind: opts.kind ?? null },
        ),
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
