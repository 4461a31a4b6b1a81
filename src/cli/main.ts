#!/usr/bin/env node
/**
 * The `sojourn` command. Each verb lives in commands/<verb>.ts and exports `register`, which
 * adds its subcommand to the program; this file only wires them up and maps errors to exit codes.
 */
import { Command, CommanderError } from "commander";
import { AppError, EXIT_CODES } from "../core/errors.js";
import { isDebug } from "./output.js";
import type { Verb } from "./verbs.js";

/**
 * Each verb's module (verbs.ts lists them). Loaded on demand: a command loads only its own module and what that imports (`screen NAME` needs neither
 * the spreadsheet reader nor the web server), help loads them all.
 */
const COMMANDS: Record<Verb, () => Promise<{ register: (program: Command) => void }>> = {
  simulate: () => import("./commands/simulate.js"),
  ingest: () => import("./commands/ingest.js"),
  rejects: () => import("./commands/rejects.js"),
  runs: () => import("./commands/runs.js"),
  ports: () => import("./commands/ports.js"),
  lists: () => import("./commands/lists.js"),
  screen: () => import("./commands/screen.js"),
  analyze: () => import("./commands/analyze.js"),
  alerts: () => import("./commands/alerts.js"),
  person: () => import("./commands/person.js"),
  export: () => import("./commands/export.js"),
  evaluate: () => import("./commands/evaluate.js"),
  evidence: () => import("./commands/evidence.js"),
  report: () => import("./commands/report.js"),
  demo: () => import("./commands/demo.js"),
  case: () => import("./commands/case.js"),
  serve: () => import("./commands/serve.js"),
  users: () => import("./commands/users.js"),
  audit: () => import("./commands/audit.js"),
};

/** Global options that take a value (`--db PATH`), so the verb is found after it. */
const VALUE_OPTIONS = new Set(["--db", "--memory", "--temp-dir", "--threads"]);

/** The verb of a command line, if it names one. */
function verbOf(argv: readonly string[]): Verb | undefined {
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i]!;
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith("-")) return Object.hasOwn(COMMANDS, a) ? (a as Verb) : undefined;
  }
  return undefined;
}

/** The program with the verb of `argv` registered, or every verb (help, unknown verbs). */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
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
        "11 % of the machine's memory, 512 MiB to 4 GiB); past it DuckDB spills to disk",
    )
    .option(
      "--temp-dir <dir>",
      "where DuckDB spills past the memory limit (default: $SOJOURN_TEMP_DIR, else <store>.tmp)",
    )
    .option("--threads <n>", "DuckDB worker threads (default: $SOJOURN_THREADS, else all cores)")
    .option("--debug", "show stack traces on errors")
    .showHelpAfterError()
    .exitOverride();
  const verb = verbOf(argv);
  const wanted = verb ? [COMMANDS[verb]] : Object.values(COMMANDS);
  for (const m of await Promise.all(wanted.map((load) => load()))) m.register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(argv);
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
