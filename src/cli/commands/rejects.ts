/**
 * `sojourn rejects`: rejected rows (or, with --warnings, optional fields loaded as empty) with
 * file, line, column, value and reason. Personal values are masked and raw rows left out unless
 * `--unmask`; `--out` writes them all as CSV, formula-like cells neutralised.
 */
import type { Command } from "commander";
import { AppError } from "../../core/errors.js";
import { writeCsv } from "../../export/write-csv.js";
import { listRejects } from "../../read/ingest.js";
import { printJson, printLine, withCommandStore } from "../output.js";

interface RejectsOpts {
  run?: string;
  out?: string;
  force?: boolean;
  json?: boolean;
  warnings?: boolean;
  unmask?: boolean;
  limit?: string;
}

const COLUMNS = ["run_id", "file", "line", "column", "value", "reason"];

export function register(program: Command): void {
  program
    .command("rejects")
    .description("list rejected rows with file, line, column, value and reason")
    .option("--run <id>", "only this ingest run (default: all runs)")
    .option("--out <file.csv>", "write all of them to a CSV file")
    .option("--force", "replace --out if it exists")
    .option("--warnings", "list warnings (optional fields loaded as empty) instead of rejects")
    .option("--unmask", "names, document numbers and birth dates as written, and the raw rows")
    .option("--limit <n>", "rows to print on the terminal", "50")
    .option("--json", "print JSON lines")
    .action(async (opts: RejectsOpts, cmd: Command) => {
      const runId = opts.run === undefined ? undefined : Number(opts.run);
      if (runId !== undefined && !Number.isInteger(runId)) {
        throw new AppError(
          "usage",
          `--run must be a run id (a whole number), got "${opts.run}"; see sojourn runs`,
        );
      }
      await withCommandStore(cmd, async (store) => {
        const rows = await listRejects(store, {
          run: runId,
          warnings: opts.warnings,
          unmask: opts.unmask,
        });
        if (opts.out) {
          const columns = rows[0] ? Object.keys(rows[0]) : COLUMNS;
          await writeCsv(opts.out, rows, columns, { force: opts.force });
          if (!opts.json)
            printLine(
              `${rows.length} ${opts.warnings ? "warnings" : "rejects"} written to ${opts.out}`,
            );
          return;
        }
        if (opts.json) {
          for (const r of rows) printJson(r);
          return;
        }
        if (rows.length === 0) {
          printLine(opts.warnings ? "no warnings" : "no rejected rows");
          return;
        }
        const limit = Number(opts.limit ?? 50);
        for (const r of rows.slice(0, limit)) {
          const col = r.column ? ` column ${r.column}` : "";
          const val =
            r.value !== null && r.value !== undefined ? ` value ${JSON.stringify(r.value)}` : "";
          printLine(`${r.file}:${r.line}:${col}${val}: ${r.reason}`);
        }
        if (rows.length > limit)
          printLine(`… and ${rows.length - limit} more (--out FILE.csv writes all)`);
      });
    });
}
