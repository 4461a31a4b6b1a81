/**
 * `sojourn report --out report.html` — the compliance report: one self-contained HTML file
 * (no network) with headline figures, presence over time, the crossings map, sponsors and
 * cohorts, alerts with their evidence, sanctions matches, evidence claims and data quality.
 */
import type { Command } from "commander";
import { AppError } from "../../core/errors.js";
import { buildReport } from "../../report/build-report.js";
import { printJson, printLine, printTable, withCommandStore } from "../output.js";

interface ReportOpts {
  out: string;
  from?: string;
  to?: string;
  place?: string;
  unmask?: boolean;
  force?: boolean;
  top: string;
  json?: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function register(program: Command): void {
  program
    .command("report")
    .description(
      "write the compliance report: one self-contained HTML file that works offline\n" +
        "(pseudonymous ids, masked document numbers and names unless --unmask)",
    )
    .requiredOption("--out <file.html>", "where to write the report")
    .option("--from <YYYY-MM-DD>", "only records on or after this local date")
    .option("--to <YYYY-MM-DD>", "only records on or before this local date")
    .option("--place <place>", "a city, port, zone or region of the gazetteer (e.g. Hunchun)")
    .option("--unmask", "show full document numbers, names and record ids (for a case file)")
    .option("--force", "replace --out if it exists")
    .option("--top <n>", "rows in the top-N tables", "15")
    .option("--json", "print a JSON summary")
    .action(async (opts: ReportOpts, cmd: Command) => {
      for (const [flag, v] of [
        ["--from", opts.from],
        ["--to", opts.to],
      ] as const)
        if (v !== undefined && (!DAY.test(v) || Number.isNaN(Date.parse(v))))
          throw new AppError("usage", `${flag} "${v}": expected a date YYYY-MM-DD`);
      if (opts.from && opts.to && opts.from > opts.to)
        throw new AppError("usage", `--from ${opts.from} is after --to ${opts.to}`);
      const top = Number(opts.top);
      if (!Number.isInteger(top) || top < 1 || top > 500)
        throw new AppError("usage", `--top "${opts.top}": expected a whole number from 1 to 500`);
      const r = await withCommandStore(cmd, (store) =>
        buildReport(store, opts.out, {
          from: opts.from,
          to: opts.to,
          place: opts.place,
          unmask: !!opts.unmask,
          force: !!opts.force,
          top,
        }),
      );
      if (opts.json) return printJson(r);
      printTable(
        Object.entries(r.sections).map(([section, status]) => ({ section, status })),
        ["section", "status"],
      );
      printLine();
      printLine(
        `report: ${r.out} (${(r.bytes / 1e6).toFixed(1)} MB, ${r.masked ? "masked" : "UNMASKED"}, ${r.seconds.toFixed(1)} s)`,
      );
    });
}
