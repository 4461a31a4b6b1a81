/**
 * `sojourn simulate`: seeded synthetic port logs with ground truth, for development, demos,
 * tests and benchmarks (docs/scenarios.md).
 */
import { spawn } from "node:child_process";
import { getHeapStatistics } from "node:v8";
import type { Command } from "commander";
import { AppError } from "../../core/errors.js";
import { PARAM_SPECS, type Params, parseOverride } from "../../sim/params.js";
import { SCENARIO_NAMES, SCENARIOS } from "../../sim/scenarios.js";
import { DEFAULT_SCENARIO, DEFAULT_SEED, OUTPUT_FORMATS, simulate } from "../../sim/simulate.js";
import { VARIETY_LEVELS } from "../../sim/variety.js";
import { createProgress, printJson, printLine, printTable } from "../output.js";

interface SimulateCliOptions {
  scenario: string;
  out?: string;
  scale: string;
  seed: string;
  format: string;
  set: string[];
  variety: string;
  force?: boolean;
  json?: boolean;
  list?: boolean;
}

/** The generator's live heap stays around 50 MB, but V8 lets an uncapped heap grow with the
 * volume written; a capped heap keeps peak RSS flat at any scale (docs/scenarios.md). The cap
 * can only be set at start-up, so an uncapped process re-runs itself once with it. */
const HEAP_CAP_MB = 384;

async function rerunWithHeapCap(): Promise<boolean> {
  if (
    process.env.SOJOURN_SIM_CAPPED ||
    getHeapStatistics().heap_size_limit <= 2 * HEAP_CAP_MB * 2 ** 20
  ) {
    return false;
  }
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${HEAP_CAP_MB}`, ...process.argv.slice(1)],
    {
      stdio: "inherit",
      env: { ...process.env, SOJOURN_SIM_CAPPED: "1" },
    },
  );
  const code = await new Promise<number>((resolve) =>
    child.on("exit", (c, signal) => resolve(c ?? (signal ? 130 : 1))),
  );
  if (code !== 0) process.exitCode = code;
  return true;
}

function parseNumber(name: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value)) {
    throw new AppError("usage", `--${name} must be a number, got "${raw}"`);
  }
  return value;
}

export function register(program: Command): void {
  program
    .command("simulate")
    .description("write a simulated scenario (port logs + ground truth) to a directory")
    .option("--scenario <name>", `scenario: ${SCENARIO_NAMES.join(", ")}`, DEFAULT_SCENARIO)
    .option("--out <dir>", "output directory (created; must be empty unless --force)")
    .option("--scale <x>", "population multiplier (1 = realistic volume)", "1")
    .option("--seed <n>", "random seed (same seed, same bytes)", String(DEFAULT_SEED))
    .option("--format <format>", `crossings file format: ${OUTPUT_FORMATS.join(", ")}`, "csv")
    .option(
      "--set <key=value>",
      "override a parameter, e.g. noise.lost=0.02 (repeatable; see --list)",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option(
      "--variety <level>",
      `how varied the rendering is: ${VARIETY_LEVELS.join(", ")} (high: more name spellings and scripts, ports in every language, re-exports, dirty rows; docs/scenarios.md)`,
      "normal",
    )
    .option("--force", "replace a non-empty output directory")
    .option("--list", "list scenarios and parameters with their defaults, then exit")
    .option("--json", "print a JSON summary")
    .action(async (opts: SimulateCliOptions) => {
      if (opts.list) {
        const rows = PARAM_SPECS.map((s) => ({
          parameter: s.key,
          ...Object.fromEntries(SCENARIO_NAMES.map((n) => [n, SCENARIOS[n].defaults[s.key]])),
          meaning: s.help,
        }));
        if (opts.json) printJson({ scenarios: SCENARIO_NAMES, parameters: rows });
        else {
          for (const n of SCENARIO_NAMES) printLine(`${n}: ${SCENARIOS[n].summary}`);
          printLine();
          printTable(rows);
        }
        return;
      }
      if (!opts.out) throw new AppError("usage", "simulate needs --out <dir>");
      if (await rerunWithHeapCap()) return;
      const overrides: Params = {};
      for (const text of opts.set) {
        const [key, value] = parseOverride(text);
        overrides[key] = value;
      }
      const progress = createProgress({ json: opts.json });
      let started = false;
      const summary = await simulate({
        scenario: opts.scenario,
        out: opts.out,
        scale: parseNumber("scale", opts.scale),
        seed: parseNumber("seed", opts.seed),
        format: opts.format,
        force: opts.force,
        variety: opts.variety,
        overrides,
        onProgress: (done, total) => {
          if (!started) {
            progress.start(total, "simulating");
            started = true;
          }
          progress.update(done);
        },
      });
      if (started) progress.stop();
      if (opts.json) {
        printJson(summary);
        return;
      }
      const c = summary.counts;
      printLine(
        `wrote ${summary.out} (${summary.scenario}, scale ${summary.scale}, seed ${summary.seed})`,
      );
      printLine(
        `  ${c.rows} crossing rows (${c.original} original, ${c.duplicate} duplicate, ${c.reexport} re-exported${c.dirty ? `, ${c.dirty} dirty` : ""}; ${c.lost} lost)`,
      );
      printLine(
        `  ${c.persons} persons (${Object.entries(c.persons_by_role)
          .map(([r, k]) => `${k} ${r}`)
          .join(", ")}); ${c.workers_after_deadline} workers present after the deadline`,
      );
      printLine(`  ${c.cohorts} cohorts, ${c.employers} organisations`);
    });
}
