import type { Command } from "commander";
import { ANALYZE_STEPS, runPipeline } from "../../analyze/pipeline.js";
import { loadPolicyFile } from "../../analyze/policy-file.js";
import { createRun } from "../../analyze/run.js";
import { AppError } from "../../core/errors.js";
import {
  createProgress,
  printJson,
  printLine,
  printTable,
  storeSettings,
  withCommandStore,
} from "../output.js";

export function register(program: Command): void {
  program
    .command("analyze")
    .description(
      "run the analysis pipeline on the loaded records: identity resolution (persons), then\n" +
        "the later steps; incremental — each step recomputes only what the records loaded since\n" +
        "the last run can change, and a rerun changes nothing",
    )
    .option("--policy <file>", "detection policy (JSON; docs/policy.md), default built in")
    .option(
      "--until <step>",
      `stop after this step: ${ANALYZE_STEPS.map((s) => s.id).join(", ")} (default: all)`,
    )
    .option(
      "--full",
      "recompute everything, not only what the records loaded since the last run can change",
    )
    .option("--json", "print one JSON object with per-step stats and timings")
    .action(
      async (
        opts: { json?: boolean; policy?: string; until?: string; full?: boolean },
        cmd: Command,
      ) => {
        const last =
          opts.until === undefined
            ? ANALYZE_STEPS.length - 1
            : ANALYZE_STEPS.findIndex((s) => s.id === opts.until);
        if (last < 0) {
          throw new AppError(
            "usage",
            `--until ${opts.until}: unknown step; expected one of ${ANALYZE_STEPS.map((s) => s.id).join(", ")}`,
          );
        }
        // Validated before any step runs, so an invalid policy changes nothing.
        const policy = opts.policy ? loadPolicyFile(opts.policy) : undefined;
        const progress = createProgress({ json: opts.json });
        const result = await withCommandStore(cmd, async (store) => {
          let started = false;
          try {
            const run = createRun(store, {
              policy,
              // The limit --memory / SOJOURN_MEMORY_LIMIT gives the store is kept, never raised.
              fixedMemoryLimit: storeSettings(cmd).memoryLimit,
              full: opts.full === true,
              onStage(done, total) {
                if (!started) {
                  progress.start(total, "analyze");
                  started = true;
                }
                progress.update(done);
              },
            });
            return await runPipeline(run, ANALYZE_STEPS.slice(0, last + 1));
          } finally {
            progress.stop();
          }
        });
        if (opts.json) {
          printJson(result);
          return;
        }
        for (const step of result.steps) {
          printLine(
            `${step.step} (${step.seconds.toFixed(1)} s${step.memory_limit_retry ? `; rerun with ${step.memory_limit_retry} of memory after running out` : ""})`,
          );
          printTable(
            // A stat that is a record (CPU seconds per stage or rule) prints as "name value, …".
            Object.entries(step.stats).map(([k, v]) => ({
              stat: k,
              value:
                v !== null && typeof v === "object" && !Array.isArray(v)
                  ? Object.entries(v)
                      .map(([name, n]) => `${name} ${n}`)
                      .join(", ")
                  : v,
            })),
            ["stat", "value"],
          );
          printLine();
          printTable(
            step.stages.map((s) => ({ stage: s.stage, seconds: s.seconds.toFixed(2) })),
            ["stage", "seconds"],
          );
          printLine();
        }
        printLine(`total ${result.seconds.toFixed(1)} s`);
      },
    );
}
