#!/usr/bin/env node
/**
 * The `sojourn` command. Each verb lives in commands/<verb>.ts and exports `register`, which
 * adds its subcommand to the program; this file only wires them up and maps errors to exit codes.
 */
import { Command, CommanderError } from "commander";
import { AppError, EXIT_CODES } from "../core/errors.js";
import { register as registerAlerts } from "./commands/alerts.js";
import { register as registerAnalyze } from "./commands/analyze.js";
import { register as registerAudit } from "./commands/audit.js";
import { register as registerCase } from "./commands/case.js";
import { register as registerDemo } from "./commands/demo.js";
import { register as registerEvaluate } from "./commands/evaluate.js";
import { register as registerEvidence } from "./commands/evidence.js";
import { register as registerExport } from "./commands/export.js";
import { register as registerIngest } from "./commands/ingest.js";
import { register as registerLists } from "./commands/lists.js";
import { register as registerPerson } from "./commands/person.js";
import { register as registerPorts } from "./commands/ports.js";
import { register as registerRejects } from "./commands/rejects.js";
import { register as registerReport } from "./commands/report.js";
import { register as registerRuns } from "./commands/runs.js";
import { register as registerScreen } from "./commands/screen.js";
import { register as registerServe } from "./commands/serve.js";
import { register as registerSimulate } from "./commands/simulate.js";
import { register as registerUsers } from "./commands/users.js";
import { isDebug } from "./output.js";

export function buildProgram(): Command {
  const program = new Command("sojourn")
    .description(
      "Find and document DPRK labour abroad that continues in violation of UNSCR 2397,\n" +
        "from border-crossing records, sanctions lists and field reports.",
    )
    .version("0.1.0")
    .option("--db <path>", "DuckDB store file (default: $SOJOURN_DB, else ./sojourn.duckdb)")
    .option(
      "--memory <size>",
      "DuckDB memory limit for the whole command, e.g. 3GB (default: $SOJOURN_MEMORY_LIMIT, else\n" +
        "each command's own cap; analyze's is a share of the machine's memory)",
    )
    .option("--threads <n>", "DuckDB worker threads (default: $SOJOURN_THREADS, else all cores)")
    .option("--debug", "show stack traces on errors")
    .showHelpAfterError()
    .exitOverride();
  // In the pipeline's order: simulate → ingest → analyze → report.
  const commands = [
    registerSimulate,
    registerIngest,
    registerRejects,
    registerRuns,
    registerPorts,
    registerLists,
    registerScreen,
    registerAnalyze,
    registerAlerts,
    registerPerson,
    registerExport,
    registerEvaluate,
    registerEvidence,
    registerReport,
    registerDemo,
    registerCase,
    registerServe,
    registerUsers,
    registerAudit,
  ];
  for (const register of commands) register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : EXIT_CODES.usage;
    }
    if (err instanceof AppError) {
      process.stderr.write(`sojourn: ${err.message}\n`);
      if (isDebug(argv) && err.stack) process.stderr.write(`${err.stack}\n`);
      return EXIT_CODES[err.code];
    }
    process.stderr.write(`sojourn: internal error: ${(err as Error).message}\n`);
    if (isDebug(argv) && (err as Error).stack) process.stderr.write(`${(err as Error).stack}\n`);
    return EXIT_CODES.internal;
  }
}

// A reader that stops early (`sojourn alerts | head`) closes the pipe: that is not an error.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

// A command may already have set process.exitCode (e.g. ingest: some files failed, others
// loaded); an error's code takes precedence.
main(process.argv).then((code) => {
  if (code !== 0) process.exitCode = code;
});
