/**
 * npm run bench:ingest [-- --rows N] [-- --runs K] [-- --simulate-scale S]: `sojourn ingest`
 * against DuckDB's bare read_csv of the same file into a table, in the same run, each in a
 * fresh process and a fresh store file. With --runs K the two alternate K times and the ratio
 * reported is the median of the K pairs (each pair is printed too): on a shared 2-core machine
 * one pair can be off by 10-20 % either way. With --simulate-scale S the files are two
 * simulations at that scale (seed 7), the default rendering and `--variety high` (varied names
 * and ports, re-exports, dirty rows), measured in the same run; otherwise a generated file of N
 * rows (or BENCH_FILE). Target: ingest ≤ 1.3× bare read_csv, peak RSS ≤ 3 GB, on 10M rows.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../src/repo-root.js";
import { generateCrossings } from "./generate-crossings.js";
import { SOJOURN_CLI } from "./sojourn-cli.js";

const FLOOR = { ratio: 1.3, rssMb: 3072 };
const args = process.argv.slice(2);
const option = (name: string) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1] ?? 0) : 0;
const rows = option("--rows") || 10_000_000;
const runs = option("--runs") || 1;
const simulateScale = option("--simulate-scale");
const dir = join(repoRoot(), "bench-data");
mkdirSync(dir, { recursive: true });
function measure(
  label: string,
  argv: string[],
): { seconds: number; cpuSeconds: number; rssMb: number; out: string } {
  const db = join(dir, `${label}.duckdb`);
  rmSync(db, { force: true });
  rmSync(`${db}.wal`, { force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    "/usr/bin/time",
    ["-f", "%U %S %M", process.execPath, ...argv.map((a) => a.replace("$DB", db))],
    {
      encoding: "utf8",
      maxBuffer: 1 << 26,
    },
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${label} failed: ${r.stderr}`);
  const [user, sys, rssKb] = (r.stderr.trim().split("\n").pop() ?? "").split(" ").map(Number);
  rmSync(db, { force: true });
  rmSync(`${db}.wal`, { force: true });
  return {
    seconds,
    cpuSeconds: (user ?? 0) + (sys ?? 0),
    rssMb: (rssKb ?? 0) / 1024,
    out: r.stdout,
  };
}

const bare = join(repoRoot(), "dist", "bench", "bare-read-csv.js");

/** The simulation at `scale` with `variety`, written once into bench-data/. */
function simulated(scale: number, variety: "normal" | "high"): string {
  const out = join(dir, `sim-s${scale}-seed7-${variety}`);
  const file = join(out, "crossings.csv");
  if (existsSync(file)) return file;
  process.stderr.write(`simulating scale ${scale} (${variety} variety) into ${out}…\n`);
  const r = spawnSync(
    process.execPath,
    [
      SOJOURN_CLI,
      "simulate",
      "--scale",
      String(scale),
      "--seed",
      "7",
      "--variety",
      variety,
      "--out",
      out,
      "--force",
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  if (r.status !== 0) throw new Error(`simulate failed (${variety})`);
  return file;
}

async function benchFiles(): Promise<string[]> {
  if (simulateScale > 0)
    return [simulated(simulateScale, "normal"), simulated(simulateScale, "high")];
  const file = process.env.BENCH_FILE ?? join(dir, `crossings-${rows}.csv`);
  if (!existsSync(file)) {
    process.stderr.write(`generating ${rows} rows into ${file}…\n`);
    await generateCrossings(file, rows);
  }
  return [file];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return Number((s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2).toFixed(2));
};
async function benchFile(file: string) {
  const pairs = [];
  let summary: { loaded?: number; rejected?: number; files?: { parse_path?: string }[] } = {};
  for (let i = 0; i < runs; i++) {
    const baseline = measure("baseline", [bare, "$DB", file]);
    const ingest = measure("ingest", [SOJOURN_CLI, "--db", "$DB", "ingest", file, "--json"]);
    summary = JSON.parse(ingest.out);
    pairs.push({
      bare_read_csv_s: Number(baseline.seconds.toFixed(2)),
      bare_read_csv_rss_mb: Math.round(baseline.rssMb),
      ingest_s: Number(ingest.seconds.toFixed(2)),
      ingest_rss_mb: Math.round(ingest.rssMb),
      ratio: Number((ingest.seconds / baseline.seconds).toFixed(2)),
      // CPU seconds (user + system) are the steadier comparison on a busy machine.
      bare_read_csv_cpu_s: Number(baseline.cpuSeconds.toFixed(1)),
      ingest_cpu_s: Number(ingest.cpuSeconds.toFixed(1)),
      cpu_ratio: Number((ingest.cpuSeconds / baseline.cpuSeconds).toFixed(2)),
    });
  }
  const ratio = median(pairs.map((p) => p.ratio));
  const rssMb = Math.max(...pairs.map((p) => p.ingest_rss_mb));
  return {
    file,
    file_mb: Math.round(statSync(file).size / 1e6),
    runs,
    ratio,
    cpu_ratio: median(pairs.map((p) => p.cpu_ratio)),
    ingest_rss_mb: rssMb,
    floor: {
      ratio: FLOOR.ratio,
      rss_mb: FLOOR.rssMb,
      met: ratio <= FLOOR.ratio && rssMb <= FLOOR.rssMb,
    },
    pairs,
    loaded: summary.loaded,
    rejected: summary.rejected,
    parse_path: summary.files?.[0]?.parse_path,
  };
}

const results = [];
for (const file of await benchFiles()) results.push(await benchFile(file));
process.stdout.write(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
