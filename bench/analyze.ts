/**
 * node dist/bench/analyze.js [--scale 11] [--seed 7] [--runs 1]: `sojourn analyze` end to end
 * (identity → stays → cohorts → scores → rules → places → read tables) on ~10M simulated
 * records (hunchun-2019 at scale 11 gives ≈ 9.8M rows). Target: ≤ 75 s and peak RSS ≤ 4 GB on
 * a 2-core machine (docs/benchmarks.md).
 *
 * Uses the same cached scenario and ingested store as bench/identity.ts (bench-data/); each run
 * copies the pristine store — analyze is incremental, so a second run on the same copy skips —
 * and times `analyze --json` in a fresh child process under /usr/bin/time (wall, CPU, peak RSS).
 * The per-step and per-stage seconds and peak RSS come from analyze's own report. The load
 * average before and after is printed with each run: other jobs on the machine inflate
 * wall-clock times, and a figure taken under load says so.
 */
import { copyFileSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { cachedStore, runCli as run } from "./cached-store.js";

const { dir, pristine, runs } = cachedStore();

interface Report {
  seconds: number;
  steps: {
    step: string;
    seconds: number;
    cpu_s?: number;
    peak_rss_mb: number;
    memory_limit_retry?: string;
    stages: { stage: string; seconds: number; peak_rss_mb?: number }[];
    stats: Record<string, unknown>;
  }[];
}

const load = () => loadavg().map((l) => Number(l.toFixed(2)));
const results: Record<string, unknown>[] = [];
for (let i = 0; i < runs; i++) {
  const db = join(dir, "work-analyze.duckdb");
  for (const f of [db, `${db}.wal`, `${db}.tmp`]) rmSync(f, { force: true, recursive: true });
  copyFileSync(pristine, db);
  const loadBefore = load();
  const first = run(["--db", db, "analyze", "--json"], "analyze");
  const loadAfter = load();
  const rerun = run(["--db", db, "analyze", "--json"], "analyze (rerun)");
  const report = JSON.parse(first.out) as Report;
  const identity = report.steps.find((s) => s.step === "identity");
  const seconds = Number(first.seconds.toFixed(1));
  const peak = Math.round(first.rssMb);
  results.push({
    records: identity?.stats.new_records,
    persons: identity?.stats.persons,
    wall_s: seconds,
    cpu_s: Number((first.userSeconds + first.systemSeconds).toFixed(1)),
    peak_rss_mb: peak,
    floor: { wall_s: 75, peak_rss_mb: 4096, met: seconds <= 75 && peak <= 4096 },
    load_before: loadBefore,
    load_after: loadAfter,
    steps: report.steps.map((s) => ({
      step: s.step,
      seconds: s.seconds,
      cpu_s: s.cpu_s,
      peak_rss_mb: s.peak_rss_mb,
      ...(s.memory_limit_retry ? { memory_limit_retry: s.memory_limit_retry } : {}),
      stages: s.stages,
    })),
    stats: Object.fromEntries(report.steps.map((s) => [s.step, s.stats])),
    rerun_wall_s: Number(rerun.seconds.toFixed(2)),
    rerun_rss_mb: Math.round(rerun.rssMb),
  });
  for (const f of [db, `${db}.wal`, `${db}.tmp`]) rmSync(f, { force: true, recursive: true });
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
