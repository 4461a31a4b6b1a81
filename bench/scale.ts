/**
 * node dist/bench/scale.js --scale 110 [--seed 7] [--memory SIZE]: the whole main job at a
 * given size, each command in a fresh process under /usr/bin/time (wall, CPU, peak RSS):
 * `simulate` (once; kept in bench-data/scale-s<scale>-seed<seed>/sim), `ingest` into a fresh
 * store, `analyze`, `report`, and the four exports (persons, alerts, cohorts, stays).
 *
 * Disk: the simulated CSV, the store after each command, and the peak size of DuckDB's spill
 * directory (`<store>.tmp`, sampled every second while a command runs), so docs/benchmarks.md
 * can say what disk a store of this size and its spill need. The per-step seconds and CPU of
 * `analyze` come from its own `--json` report. Prints one JSON object; progress on stderr.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "../src/repo-root.js";
import { SOJOURN_CLI } from "./sojourn-cli.js";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "110" },
    seed: { type: "string", default: "7" },
    memory: { type: "string" },
  },
});
const dir = join(repoRoot(), "bench-data", `scale-s${values.scale}-seed${values.seed}`);
const sim = join(dir, "sim");
const csv = join(sim, "crossings.csv");
const db = join(dir, "store.duckdb");
const out = join(dir, "out");
const log = (line: string) => process.stderr.write(`${line}\n`);
const load = () => loadavg().map((l) => Number(l.toFixed(2)));
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** Bytes under `path` (a file or a directory tree); 0 when it does not exist. */
function sizeOf(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

interface Timed {
  command: string;
  wall_s: number;
  cpu_s: number;
  peak_rss_mb: number;
  peak_spill_mb: number;
  store_mb: number;
  load_before: number[];
  stdout: string;
}

/** Runs `sojourn ARGV` under /usr/bin/time, sampling the spill directory's size each second. */
function timed(command: string, argv: string[]): Promise<Timed> {
  const loadBefore = load();
  const t0 = process.hrtime.bigint();
  const global = values.memory ? ["--memory", values.memory] : [];
  const child = spawn(
    "/usr/bin/time",
    ["-f", "%U %S %M", process.execPath, SOJOURN_CLI, ...global, ...argv],
    { env: { ...process.env, TZ: "UTC" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  let spill = 0;
  const sampler = setInterval(() => {
    spill = Math.max(spill, sizeOf(`${db}.tmp`));
  }, 1000);
  return new Promise((resolve, reject) => {
    child.on("close", (status) => {
      clearInterval(sampler);
      if (status !== 0) return reject(new Error(`${command} failed (${status}): ${stderr}`));
      const [user = "0", system = "0", rssKb = "0"] = stderr.trim().split("\n").pop()!.split(" ");
      const result: Timed = {
        command,
        wall_s: Number((Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)),
        cpu_s: Number((Number(user) + Number(system)).toFixed(1)),
        peak_rss_mb: Math.round(Number(rssKb) / 1024),
        peak_spill_mb: mb(spill),
        store_mb: mb(sizeOf(db) + sizeOf(`${db}.wal`)),
        load_before: loadBefore,
        stdout,
      };
      log(`${command}: ${result.wall_s} s, ${result.cpu_s} CPU-s, ${result.peak_rss_mb} MB`);
      resolve(result);
    });
  });
}

mkdirSync(dir, { recursive: true });
if (!existsSync(csv)) {
  log(`simulating hunchun-2019 at scale ${values.scale} into ${sim}…`);
  const sizes = ["--scale", values.scale, "--seed", values.seed];
  await timed("simulate", ["simulate", "--out", sim, ...sizes, "--force", "--json"]);
}
for (const f of [db, `${db}.wal`, `${db}.tmp`, out]) rmSync(f, { force: true, recursive: true });
mkdirSync(out, { recursive: true });

const runs: Timed[] = [];
runs.push(await timed("ingest", ["--db", db, "ingest", csv, "--json"]));
runs.push(await timed("analyze", ["--db", db, "analyze", "--json"]));
const report = join(out, "report.html");
runs.push(await timed("report", ["--db", db, "report", "--out", report, "--json"]));
const exports: Record<string, number> = { report: mb(sizeOf(report)) };
for (const what of ["persons", "alerts", "cohorts", "stays"]) {
  const file = join(out, `${what}.csv`);
  runs.push(await timed(`export ${what}`, ["--db", db, "export", what, "--out", file]));
  exports[what] = mb(sizeOf(file));
}

interface AnalyzeReport {
  seconds: number;
  steps: {
    step: string;
    seconds: number;
    cpu_s?: number;
    peak_rss_mb: number;
    peak_js_mb?: number;
  }[];
}
const analyzed = JSON.parse(runs[1]!.stdout) as AnalyzeReport;
const { files: _files, ...ingested } = JSON.parse(runs[0]!.stdout) as Record<string, unknown>;
console.log(
  JSON.stringify(
    {
      scale: Number(values.scale),
      seed: Number(values.seed),
      csv_mb: mb(sizeOf(csv)),
      ingest: ingested,
      commands: runs.map(({ stdout: _stdout, ...rest }) => rest),
      analyze_steps: analyzed.steps.map((s) => ({
        step: s.step,
        seconds: s.seconds,
        cpu_s: s.cpu_s,
        peak_rss_mb: s.peak_rss_mb,
        peak_js_mb: s.peak_js_mb,
      })),
      output_mb: exports,
    },
    null,
    2,
  ),
);
