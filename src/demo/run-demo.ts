/**
 * `sojourn demo`: Sojourn's main job end to end on simulated port logs. Each stage runs the
 * `sojourn` command a user would type (a child process of the same CLI, with --json), so the
 * demo exercises exactly the shipped commands and prints them. A stage whose command is not
 * in this build is skipped and said so. A failing stage stops the demo if later stages cannot
 * run without it (simulate, ingest, report); otherwise the demo goes on, the report shows what
 * exists, and the failure is in the summary (and the exit code).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { AppError } from "../core/errors.js";
import { repoRoot } from "../repo-root.js";

export interface DemoOptions {
  out: string;
  scale: number;
  seed: number;
  /** Commands this build has (top-level names), to skip stages that are not built yet. */
  available: ReadonlySet<string>;
  /** Replace a non-empty --out that was not made by the demo. */
  force?: boolean;
  onStage?: (stage: DemoStage) => void;
}

export interface DemoStage {
  stage: string;
  command: string;
  status: "ok" | "skipped" | "failed";
  seconds: number;
  detail: string;
}

export interface DemoResult {
  out: string;
  store: string;
  report: string | null;
  scale: number;
  seed: number;
  seconds: number;
  stages: DemoStage[];
}

/** The default scale: ~43,000 crossing rows and ~1,300 persons, a whole demo well under two
 * minutes on a loaded 2-core machine (docs/report.md gives the measurements). */
export const DEMO_SCALE = 0.05;
export const DEMO_SEED = 2397;
const MARKER = "demo.json";

interface EvidenceManifest {
  reports: {
    file: string;
    publisher: string;
    published: string;
    reliability: string;
    credibility: string;
  }[];
}

function cliEntry(): string {
  return fileURLToPath(new URL("../cli/main.js", import.meta.url));
}

function runJson(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cliEntry(), ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_TEST_CONTEXT: undefined },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
  });
}

function parseLast(stdout: string): Record<string, unknown> {
  const line = stdout.trim().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return {};
  }
}

const n = (v: unknown): string =>
  typeof v === "number" ? v.toLocaleString("en-US") : String(v ?? "?");

/** Refuses an output folder that holds something other than an earlier demo. */
function prepareOut(out: string, force: boolean): void {
  if (existsSync(out)) {
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes(MARKER) && !force)
      throw new AppError(
        "usage",
        `${out} is not empty and was not made by sojourn demo (no ${MARKER}); choose another --out or add --force`,
      );
    // Only what the demo itself writes is removed, so a rerun starts from a fresh store.
    for (const name of ["sojourn.duckdb", "sojourn.duckdb.wal", "sim", "report.html", MARKER])
      rmSync(join(out, name), { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
  // Marks the folder as the demo's at once, so a rerun after a failed stage may clear it.
  writeFileSync(join(out, MARKER), `${JSON.stringify({ status: "running" })}\n`);
}

/** One stage: the command it runs and how its JSON result is told. */
interface Plan {
  stage: string;
  needs: string;
  /** Later stages cannot run without it. */
  essential?: boolean;
  args: string[];
  detail: (r: Record<string, unknown>) => string;
}

/** The demo's stages in order, each a command a user would type. */
function demoPlan(
  options: DemoOptions,
  paths: { store: string; sim: string; reportPath: string },
): Plan[] {
  const { store, sim, reportPath } = paths;
  const lists = join(repoRoot(), "data", "lists");
  const evidenceDir = join(repoRoot(), "data", "demo-evidence");
  const manifest = JSON.parse(
    readFileSync(join(evidenceDir, "reports.json"), "utf8"),
  ) as EvidenceManifest;
  const db = ["--db", store];
  return [
    {
      stage: "simulate",
      needs: "simulate",
      essential: true,
      args: [
        "simulate",
        "--out",
        sim,
        "--scale",
        String(options.scale),
        "--seed",
        String(options.seed),
        "--force",
        "--json",
      ],
      detail: (r) => {
        const c = (r.counts ?? {}) as Record<string, unknown>;
        return `${r.scenario ?? "hunchun-2019"}: ${n(c.rows)} crossing rows, ${n(c.persons)} persons (${n((c.persons_by_role as Record<string, unknown> | undefined)?.worker)} workers)`;
      },
    },
    {
      stage: "ingest",
      needs: "ingest",
      essential: true,
      args: [...db, "ingest", join(sim, "crossings.csv"), "--json"],
      detail: (r) =>
        `${n(r.loaded)} loaded, ${n(r.duplicates)} duplicates, ${n(r.rejected)} rejected`,
    },
    {
      stage: "analyze",
      needs: "analyze",
      args: [...db, "analyze", "--json"],
      detail: (r) => {
        const steps = (r.steps ?? []) as { step: string }[];
        return `steps: ${steps.map((s) => s.step).join(", ") || "none"}`;
      },
    },
    {
      stage: "lists import UN",
      needs: "lists",
      args: [...db, "lists", "import", join(lists, "un_sc_consolidated_2026-02-27.xml"), "--json"],
      detail: (r) => `${r.list} ${r.version}: ${n(r.entities)} entries (${n(r.dprk)} DPRK-related)`,
    },
    {
      stage: "lists import OFAC",
      needs: "lists",
      args: [
        ...db,
        "lists",
        "import",
        join(lists, "ofac_sdn_2024-05-03.csv"),
        join(lists, "ofac_alt_2025-02.csv"),
        join(lists, "ofac_add_2025-02.csv"),
        "--json",
      ],
      detail: (r) => `${r.list} ${r.version}: ${n(r.entities)} entries (${n(r.dprk)} DPRK-related)`,
    },
    {
      stage: "screen sponsors",
      needs: "screen",
      args: [...db, "screen", "--sponsors", "--json"],
      detail: (r) =>
        `${n(r.subjects)} sponsors screened, ${n(r.subjectsWithHits)} with a match ≥ ${r.threshold}`,
    },
    ...manifest.reports.map((e) => ({
      stage: `evidence add ${e.file}`,
      needs: "evidence",
      args: [
        ...db,
        "evidence",
        "add",
        join(evidenceDir, e.file),
        "--publisher",
        e.publisher,
        "--published",
        e.published,
        "--reliability",
        e.reliability,
        "--credibility",
        e.credibility,
        "--json",
      ],
      detail: (r: Record<string, unknown>) =>
        `grade ${r.grade}, ${n(r.suggested)} claims suggested`,
    })),
    {
      stage: "report",
      needs: "report",
      essential: true,
      args: [...db, "report", "--out", reportPath, "--json"],
      detail: (r) =>
        `${((Number(r.bytes) || 0) / 1e6).toFixed(1)} MB, ${r.masked ? "masked" : "unmasked"}`,
    },
  ];
}

/** Runs one stage (or skips it when this build lacks its command). */
async function runStage(step: Plan, options: DemoOptions): Promise<DemoStage> {
  const command = `sojourn ${step.args
    .filter((a) => a !== "--json")
    .map(quoteArg)
    .join(" ")}`;
  if (!options.available.has(step.needs))
    return {
      stage: step.stage,
      command,
      status: "skipped",
      seconds: 0,
      detail: `this build has no "sojourn ${step.needs}" command`,
    };
  const t0 = performance.now();
  const r = await runJson(step.args);
  const seconds = (performance.now() - t0) / 1000;
  if (r.code !== 0)
    return {
      stage: step.stage,
      command,
      status: "failed",
      seconds,
      detail: failureLine(r.stderr) || `exit code ${r.code}`,
    };
  return {
    stage: step.stage,
    command,
    status: "ok",
    seconds,
    detail: step.detail(parseLast(r.stdout)),
  };
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const out = resolve(options.out);
  prepareOut(out, !!options.force);
  const store = join(out, "sojourn.duckdb");
  const sim = join(out, "sim");
  const reportPath = join(out, "report.html");
  const stages: DemoStage[] = [];
  const started = performance.now();
  for (const step of demoPlan(options, { store, sim, reportPath })) {
    const s = await runStage(step, options);
    stages.push(s);
    options.onStage?.(s);
    if (s.status === "failed" && step.essential)
      throw new AppError(
        "internal",
        `demo stage "${step.stage}" failed (${s.command}): ${s.detail}`,
      );
  }
  const result: DemoResult = {
    out,
    store,
    report: existsSync(reportPath) ? reportPath : null,
    scale: options.scale,
    seed: options.seed,
    seconds: (performance.now() - started) / 1000,
    stages,
  };
  writeFileSync(join(out, MARKER), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

/** The line of a failed command's stderr that says what went wrong (not a stack frame). */
function failureLine(stderr: string): string {
  const lines = stderr
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("at ") && !/^Node\.js v/.test(l));
  return (
    lines.find((l) => l.startsWith("sojourn:")) ??
    lines.find((l) => /Error/.test(l)) ??
    lines[0] ??
    ""
  ).slice(0, 300);
}

/** Shell-quoted, and relative to the working folder where that is shorter. */
function quoteArg(arg: string): string {
  const cwd = `${process.cwd()}/`;
  const a = arg.startsWith(cwd) ? arg.slice(cwd.length) : arg;
  return /^[\w./:=@+-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`;
}
