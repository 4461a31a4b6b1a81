/**
 * `sojourn person ID`: one resolved person — names in every script, documents, every record,
 * and why each record belongs (same document, re-export, document typo, passport renewal).
 * Masked unless `--unmask` (src/core/masking.ts).
 */
import type { Command } from "commander";
import { getPerson } from "../../read/persons.js";
import { printJson, printLine, printTable, withCommandStore } from "../output.js";

export function register(program: Command): void {
  program
    .command("person")
    .description("show a resolved person: names, documents, records and why each record was linked")
    .argument("<person_id>", "person id (P-…) as printed by analyze or export")
    .option("--json", "print JSON")
    .option(
      "--unmask",
      "full names, document numbers, birth dates and record ids (for a case file)",
    )
    .action(async (personId: string, opts: { json?: boolean; unmask?: boolean }, cmd: Command) => {
      const { cohorts: _cohorts, ...view } = await withCommandStore(cmd, (store) =>
        getPerson(store, personId, { unmask: opts.unmask }),
      );
      if (opts.json) {
        printJson(view);
        return;
      }
      const p = view.person;
      printLine(`${p.person_id}  ${p.display_name ?? ""}`);
      printLine(
        `born ${p.birth_date ?? "unknown"}  sex ${p.sex ?? "unknown"}  nationality ${p.nationality ?? "unknown"}  labour score ${p.labor_score ?? 0}`,
      );
      printLine();
      printLine("names");
      printTable(view.names, ["name", "script", "count"]);
      printLine();
      printLine("documents");
      printTable(view.documents, ["doc_number", "nationality", "first_seen", "last_seen"]);
      printLine();
      printLine(`links between documents (${view.links.length})`);
      for (const l of view.links) {
        const ev = l.evidence as { summary?: string } | null;
        printLine(`  ${l.reason}: ${l.record_a} ~ ${l.record_b}: ${ev?.summary ?? ""}`);
      }
      printLine();
      printLine(`stays (${view.stays.length})`);
      printTable(view.stays, ["entered_on", "exited_on", "days", "port_in", "port_out", "flags"]);
      printLine();
      printLine(`alerts (${view.alerts.length})`);
      for (const a of view.alerts)
        printLine(`  ${a.rule} ${a.period_start}–${a.period_end ?? ""}: ${a.summary}`);
      printLine();
      printLine(`records (${view.records.length})`);
      printTable(view.records, [
        "date",
        "direction",
        "port",
        "doc_number",
        "name",
        "birth_date",
        "sex",
        "source",
        "record_id",
        "linked_by",
        "linked_to",
      ]);
    });
}
