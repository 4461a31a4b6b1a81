import type { Command } from "commander";
import { printJson, printTable, withCommandStore } from "../output.js";

export function register(program: Command): void {
  program
    .command("runs")
    .description("list ingest runs: file, content hash, source, times and counts")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withCommandStore(cmd, async (store) => {
        const rows = await store.json(
          `SELECT run_id, file, left(file_sha256, 12) AS sha256, source, format, status, strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started,
             round(epoch(finished_at) - epoch(started_at), 1) AS seconds, read, loaded, duplicates, rejected, reexports, warnings, parse_path, error
           FROM ingest_runs ORDER BY run_id`,
        );
        if (opts.json) printJson(rows);
        else
          printTable(rows, [
            "run_id",
            "file",
            "sha256",
            "source",
            "status",
            "started",
            "seconds",
            "read",
            "loaded",
            "duplicates",
            "rejected",
            "reexports",
          ]);
      });
    });
}
