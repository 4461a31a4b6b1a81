/**
 * node dist/bench/identity.js [--scale 11] [--seed 7] [--runs 1]: identity resolution
 * (`sojourn analyze`, identity step) on ~10M simulated records (hunchun-2019 at scale 11 gives
 * ≈ 9.8M rows). Floor (issue: identity): ≤ 60 s and peak RSS ≤ 4 GB on the 2-core machine.
 *
 * The scenario and its ingested store are cached under bench-data/ (simulating and ingesting
 * take minutes); each run copies the pristine store and times `analyze` in a fresh child
 * process under /usr/bin/time (peak RSS). A second analyze on the same copy measures the
 * no-op rerun.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "../src/repo-root.js";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "11" },
    seed: { type: "string", default: "7" },
    runs: { type: "string", default: "1" },
  },
});
const cli = join(repoRoot(), "dist", "src", "cli", "main.js");
const dir = join(repoRoot(), "bench-data", `identity-s${values.scale}-seed${values.seed}`);
const sim = join(dir, "sim");
const pristine = join(dir, "ingested.duckdb");
mkdirSync(dir, { recursive: true });

function run(argv: string[], label: string): { seconds: number; rssMb: number; out: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, cli, ...argv], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
    env: { ...process.env, TZ: "UTC" },
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${label} failed: ${r.stderr}`);
  const rssKb = Number(r.stderr.trim().split("\n").pop());
  return { seconds, rssMb: rssKb / 1024, out: r.stdout };
}

if (!existsSync(join(sim, "crossings.csv"))) {
  process.stderr.write(`simulating hunchun-2019 at scale ${values.scale} into ${sim}…\n`);
  run(
    ["simulate", "--out", sim, "--scale", values.scale, "--seed", values.seed, "--force", "--json"],
    "simulate",
  );
}
if (!existsSync(pristine)) {
  process.stderr.write("ingesting…\n");
  run(["--db", pristine, "ingest", join(sim, "crossings.csv"), "--json"], "ingest");
}

const results: Record<string, unknown>[] = [];
for (let i = 0; i < Number(values.runs); i++) {
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
