import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { stringify } from "csv-stringify/sync";
import { AppError } from "../../core/errors.js";
import { printJson, printLine, withCommandStore } from "../output.js";

interface RejectsOpts {
  run?: string;
  out?: string;
  json?: boolean;
  warnings?: boolean;
  limit?: string;
}

export function register(program: Command): void {
  program
    .command("rejects")
    .description("list rejected rows with file, line, column, value and reason")
    .option("--run <id>", "only this ingest run (default: all runs)")
    .option("--out <file.csv>", "write all of them to a CSV file")
    .option("--warnings", "list warnings (optional fields loaded as empty) instead of rejects")
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
        if (runId !== undefined) {
          const run = await store.one("SELECT run_id FROM ingest_runs WHERE run_id = ?", [runId]);
          if (!run) throw new AppError("not-found", `no ingest run ${runId}; see sojourn runs`);
        }
        const where = runId === undefined ? "" : `WHERE run_id = ${runId}`;
        const rows = opts.warnings
          ? await store.json(
              `SELECT run_id, file, line, column_name AS column, value, message AS reason FROM record_warnings ${where} ORDER BY run_id, line`,
            )
          : await store.json(
              `SELECT run_id, file, line, column_name AS column, value, reason, raw FROM rejects ${where} ORDER BY run_id, line`,
            );
        if (opts.out) {
          writeFileSync(
            opts.out,
            stringify(rows, {
              header: true,
              columns: Object.keys(
                rows[0] ?? { run_id: 0, file: 0, line: 0, column: 0, value: 0, reason: 0 },
              ),
            }),
          );
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
