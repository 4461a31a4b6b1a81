/**
 * `sojourn export <kind> --format jsonl|csv|parquet|ftm --out FILE`: the export contract, or
 * FollowTheMoney entities for Aleph and OpenSanctions tools (src/export, docs/export.md);
 * masked unless `--unmask`.
 */
import type { Command } from "commander";
import { EXPORTS } from "../../export/kinds.js";
import { EXPORT_FORMATS, exportFormatOf, writeExport } from "../../export/write-export.js";
import { printJson, printLine, withCommandStore } from "../output.js";

interface ExportOpts {
  out: string;
  format?: string;
  unmask?: boolean;
  force?: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  const exportCmd = program
    .command("export")
    .description(
      "write results in the export contract (docs/export.md), or as FollowTheMoney entities (--format ftm)",
    );
  for (const kind of EXPORTS) {
    exportCmd
      .command(kind.name)
      .description(kind.description)
      .requiredOption("--out <file>", "output file")
      .option(
        "--format <format>",
        `${EXPORT_FORMATS.join(" | ")} (default: from --out, else jsonl)`,
      )
      .option(
        "--unmask",
        "full names, document numbers, birth dates and record ids, for a case file (default: masked — K**, *******86, birth year, records as r<run>:<line>; in ftm no names or documents at all)",
      )
      .option("--force", "replace --out if it exists")
      .option("--json", "print a JSON summary")
      .action(async (opts: ExportOpts, cmd: Command) => {
        const format = exportFormatOf(opts.out, opts.format);
        const r = await withCommandStore(cmd, (store) =>
          writeExport(store, kind, format, opts.out, { unmask: opts.unmask, force: opts.force }),
        );
        const masked = !opts.unmask;
        if (opts.json) return printJson({ export: kind.name, format, out: opts.out, masked, ...r });
        if (format === "ftm")
          printLine(
            `${r.rows} ${kind.name} written to ${opts.out} (ftm, ${r.entities} entities, ${masked ? "masked" : "UNMASKED"})`,
          );
        else
          printLine(
            `${r.rows} ${kind.name} written to ${opts.out} (${format}${masked ? "" : ", UNMASKED"})`,
          );
      });
  }
}
