/** `sojourn runs`: every ingest run with its file, content hash, source, times and counts. */
import type { Command } from "commander";
import { listIngestRuns } from "../../read/ingest.js";
import { printJson, printTable, withCommandStore } from "../output.js";

export function register(program: Command): void {
  program
    .command("runs")
    .description("list ingest runs: file, content hash, source, times and counts")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withCommandStore(cmd, async (store) => {
        const rows = await listIngestRuns(store);
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
