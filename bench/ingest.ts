/**
 * npm run bench:ingest [-- --rows N]: `sojourn ingest` against DuckDB's bare read_csv of the
 * same file into a table, in the same run, each in a fresh process and a fresh store file.
 * Floor (issue: foundation): ingest ≤ 1.5× bare read_csv, peak RSS ≤ 3 GB, on 10M rows.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../src/repo-root.js";
import { generateCrossings } from "./generate-crossings.js";

const args = process.argv.slice(2);
const rows = Number(args[args.indexOf("--rows") + 1] ?? 0) || 10_000_000;
const dir = join(repoRoot(), "bench-data");
mkdirSync(dir, { recursive: true });
const file = process.env.BENCH_FILE ?? join(dir, `crossings-${rows}.csv`);
if (!existsSync(file)) {
  process.stderr.write(`generating ${rows} rows into ${file}…\n`);
  await generateCrossings(file, rows);
}

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
const cli = join(repoRoot(), "dist", "src", "cli", "main.js");
const baseline = measure("baseline", [bare, "$DB", file]);
const ingest = measure("ingest", [cli, "--db", "$DB", "ingest", file, "--json"]);
const summary = JSON.parse(ingest.out);
const result = {
  rows,
  file_mb: Math.round(statSync(file).size / 1e6),
  bare_read_csv_s: Number(baseline.seconds.toFixed(2)),
  bare_read_csv_rss_mb: Math.round(baseline.rssMb),
  ingest_s: Number(ingest.seconds.toFixed(2)),
  ingest_rss_mb: Math.round(ingest.rssMb),
  ratio: Number((ingest.seconds / baseline.seconds).toFixed(2)),
  // CPU seconds (user + system) are the steadier comparison on a busy machine.
  bare_read_csv_cpu_s: Number(baseline.cpuSeconds.toFixed(1)),
  ingest_cpu_s: Number(ingest.cpuSeconds.toFixed(1)),
  cpu_ratio: Number((ingest.cpuSeconds / baseline.cpuSeconds).toFixed(2)),
  loaded: summary.loaded,
  rejected: summary.rejected,
  parse_path: summary.files?.[0]?.parse_path,
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
