/**
 * node dist/bench/identity.js [--scale 11] [--seed 7] [--runs 1]: identity resolution
 * (`sojourn analyze`, identity step) on ~10M simulated records (hunchun-2019 at scale 11 gives
 * ≈ 9.8M rows). Target: ≤ 60 s and peak RSS ≤ 4 GB on a 2-core machine (docs/benchmarks.md).
 *
 * The scenario and its ingested store are cached under bench-data/ (simulating and ingesting
 * take minutes); each run copies the pristine store and times `analyze` in a fresh child
 * process under /usr/bin/time (peak RSS). A second analyze on the same copy measures the
 * no-op rerun.
 */
import { copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { cachedStore, runCli as run } from "./cached-store.js";

const { dir, pristine, runs } = cachedStore();

const results: Record<string, unknown>[] = [];
for (let i = 0; i < runs; i++) {
  const db = join(dir, "work.duckdb");
  rmSync(db, { force: true });
  rmSync(`${db}.wal`, { force: true });
  copyFileSync(pristine, db);
  const first = run(["--db", db, "analyze", "--until", "identity", "--json"], "analyze");
  const rerun = run(["--db", db, "analyze", "--until", "identity", "--json"], "analyze (rerun)");
  const report = JSON.parse(first.out) as {
    steps: { step: string; seconds: number; stages: unknown[]; stats: Record<string, number> }[];
  };
  const identity = report.steps.find((s) => s.step === "identity")!;
  results.push({
    records: identity.stats.new_records,
    persons: identity.stats.persons,
    analyze_wall_s: Number(first.seconds.toFixed(2)),
    identity_step_s: identity.seconds,
    peak_rss_mb: Math.round(first.rssMb),
    rerun_wall_s: Number(rerun.seconds.toFixed(2)),
    rerun_rss_mb: Math.round(rerun.rssMb),
    stages: identity.stages,
    stats: identity.stats,
  });
  rmSync(db, { force: true });
  rmSync(`${db}.wal`, { force: true });
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
