/**
 * `sojourn demo` — the main job in one command: simulate the default scenario, ingest, analyze,
 * import the bundled sanctions lists, screen the sponsors, add the demo reports to the evidence
 * base, and write the compliance report. Prints what each stage did and where the report is.
 */
import type { Command } from "commander";
import { AppError, EXIT_CODES } from "../../core/errors.js";
import { DEMO_SCALE, DEMO_SEED, runDemo } from "../../demo/run-demo.js";
import { printJson, printLine, printTable } from "../output.js";
import { VERBS } from "../verbs.js";

interface DemoOpts {
  scale: string;
  seed: string;
  out: string;
  force?: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command("demo")
    .description(
      "run the main job end to end on simulated port logs (scenario hunchun-2019) and write\n" +
        "the compliance report: simulate, ingest, analyze, lists import, screen, evidence add, report",
    )
    .option("--scale <x>", "simulation scale (1 = realistic volume)", String(DEMO_SCALE))
    .option("--seed <n>", "simulation seed", String(DEMO_SEED))
    .option("--out <dir>", "output folder (store, simulated logs, report)", "./sojourn-demo")
    .option("--force", "use --out even if it holds files the demo did not make")
    .option("--json", "print one JSON summary")
    .action(async (opts: DemoOpts, cmd: Command) => {
      const scale = Number(opts.scale);
      if (!Number.isFinite(scale) || scale <= 0 || scale > 1000)
        throw new AppError("usage", `--scale "${opts.scale}": expected a number in (0, 1000]`);
      if (!/^\d+$/.test(opts.seed))
        throw new AppError("usage", `--seed "${opts.seed}": expected a whole number`);
      const globalDb = cmd.optsWithGlobals().db as string | undefined;
      if (globalDb)
        throw new AppError("usage", "sojourn demo keeps its own store in --out; drop --db");
      // The verbs this build ships: the program itself has only `demo` registered, since a
      // command loads just its own module.
      const available = new Set<string>(VERBS);
      const result = await runDemo({
        out: opts.out,
        scale,
        seed: Number(opts.seed),
        available,
        force: !!opts.force,
        onStage: opts.json
          ? undefined
          : (s) =>
              process.stderr.write(
                `${s.status === "ok" ? "✓" : s.status === "skipped" ? "–" : "✗"} ${s.stage} (${s.seconds.toFixed(1)} s)\n`,
              ),
      });
      const failed = result.stages.filter((s) => s.status === "failed");
      if (failed.length) process.exitCode = EXIT_CODES.internal;
      if (opts.json) return printJson(result);
      printLine();
      printTable(
        result.stages.map((s) => ({
          stage: s.stage,
          status: s.status,
          seconds: s.seconds.toFixed(1),
          result: s.detail,
        })),
        ["stage", "status", "seconds", "result"],
      );
      printLine();
      const skipped = result.stages.filter((s) => s.status === "skipped");
      if (skipped.length)
        printLine(`skipped (not in this build): ${skipped.map((s) => s.stage).join(", ")}`);
      for (const f of failed) printLine(`FAILED ${f.stage}: ${f.detail}`);
      printLine(`total ${result.seconds.toFixed(1)} s · store ${result.store}`);
      printLine(`report: ${result.report ?? "not written"}`);
    });
}
