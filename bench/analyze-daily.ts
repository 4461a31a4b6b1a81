/**
 * node dist/bench/analyze-daily.js [--scale 11] [--seed 7] [--runs 1]: a day's file into a
 * larger store. hunchun-2019 at `--scale` is simulated once and split into its last day (the
 * day's file, ≈ 0.1–1 % of the records) and everything before it; the rest is ingested and
 * analyzed once into bench-data/daily-s<scale>-seed<seed>/ (the pristine store). Each run copies
 * that store, then times in fresh child processes under /usr/bin/time (wall, CPU, peak RSS):
 *
 * - `ingest` of the day's file, then `analyze --json` (incremental);
 * - `analyze --full --json` on a copy of the same store after the ingest, for the ratio;
 *
 * and prints per-step seconds of both and their ratio, and whether the two stores' analyze
 * tables have equal checksums (src/analyze/checksums.ts). Floors of docs/benchmarks.md: the
 * day's ingest + analyze ≤ 30 s into a 30M-record store (scale 33), and ≤ 10 % of a full
 * analyze. The load average is printed with each run: other jobs on the machine inflate
 * wall-clock times; CPU seconds are less sensitive to them.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { analyzeChecksums } from "../src/analyze/checksums.js";
import { Store, sqlString } from "../src/db/store.js";
import { repoRoot } from "../src/repo-root.js";
import { type Measured, runCli as run } from "./cached-store.js";

interface Report {
  seconds: number;
  steps: {
    step: string;
    seconds: number;
    cpu_s?: number;
    peak_rss_mb: number;
    stats: Record<string, unknown>;
  }[];
}

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "11" },
    seed: { type: "string", default: "7" },
    runs: { type: "string", default: "1" },
  },
});
const dir = join(repoRoot(), "bench-data", `daily-s${values.scale}-seed${values.seed}`);
const sim = join(dir, "sim");
const base = join(dir, "base.csv");
const day = join(dir, "day.csv");
const pristine = join(dir, "analyzed.duckdb");
const log = (line: string) => process.stderr.write(`${line}\n`);

/** base.csv (every day but the last) and day.csv (the last day), split by DuckDB as text. */
async function splitLastDay(): Promise<void> {
  const store = await Store.open(":memory:", { migrate: false });
  try {
    const src = `read_csv(${sqlString(join(sim, "crossings.csv"))}, all_varchar = true, header = true, quote = '"', escape = '"')`;
    await store.run(`CREATE TABLE t AS SELECT * FROM ${src}`);
    // The day of a time as written: the simulated sources write ISO dates first; a row whose
    // time does not start with one goes to the base.
    await store.run(
      "ALTER TABLE t ADD COLUMN day VARCHAR; UPDATE t SET day = regexp_extract(crossed_at, '^[0-9]{4}-[0-9]{2}-[0-9]{2}')",
    );
    const last = "(SELECT max(day) FROM t WHERE day <> '')";
    await store.run(
      `COPY (SELECT * EXCLUDE (day) FROM t WHERE day IS DISTINCT FROM ${last}) TO ${sqlString(base)} (HEADER)`,
    );
    await store.run(
      `COPY (SELECT * EXCLUDE (day) FROM t WHERE day = ${last}) TO ${sqlString(day)} (HEADER)`,
    );
  } finally {
    store.close();
  }
}

function removeStore(db: string): void {
  for (const f of [db, `${db}.wal`, `${db}.tmp`]) rmSync(f, { force: true, recursive: true });
}

function copyStore(from: string, to: string): void {
  removeStore(to);
  copyFileSync(from, to);
  if (existsSync(`${from}.wal`)) copyFileSync(`${from}.wal`, `${to}.wal`);
}

async function checksums(db: string): Promise<Record<string, string>> {
  const store = await Store.open(db);
  try {
    return await analyzeChecksums(store);
  } finally {
    store.close();
  }
}

const cpu = (m: Measured) => Number((m.userSeconds + m.systemSeconds).toFixed(1));
const load = () => loadavg().map((l) => Number(l.toFixed(2)));

mkdirSync(dir, { recursive: true });
if (!existsSync(pristine)) {
  if (!existsSync(join(sim, "crossings.csv"))) {
    log(`simulating hunchun-2019 at scale ${values.scale} into ${sim}…`);
    const sizes = ["--scale", values.scale, "--seed", values.seed];
    run(["simulate", "--out", sim, ...sizes, "--force", "--json"], "simulate");
  }
  await splitLastDay();
  log("ingesting and analyzing every day but the last…");
  const building = join(dir, "building.duckdb");
  removeStore(building);
  run(["--db", building, "ingest", base, "--json"], "ingest");
  run(["--db", building, "analyze", "--json"], "analyze");
  copyStore(building, pristine);
  removeStore(building);
}
run(["--db", pristine, "runs", "--json"], "migrate");
// A pristine store from an older schema gets the state later versions keep between runs (the
// identity step's document groups) from an analyze with nothing new, as a store in use would
// on its first run after the upgrade; on a current store it changes nothing.
run(["--db", pristine, "analyze", "--json"], "catch up");

const results: Record<string, unknown>[] = [];
for (let i = 0; i < Number(values.runs); i++) {
  const db = join(dir, "work-daily.duckdb");
  const full = join(dir, "work-full.duckdb");
  copyStore(pristine, db);
  const loadBefore = load();
  const ingest = run(["--db", db, "ingest", day, "--json"], "ingest (day)");
  copyStore(db, full);
  const daily = run(["--db", db, "analyze", "--json"], "analyze (day)");
  const whole = run(["--db", full, "analyze", "--full", "--json"], "analyze --full");
  const loadAfter = load();
  const d = JSON.parse(daily.out) as Report;
  const f = JSON.parse(whole.out) as Report;
  const [a, b] = [await checksums(db), await checksums(full)];
  const differ = Object.keys(a).filter((t) => t !== "analyze_runs" && a[t] !== b[t]);
  const total = ingest.seconds + daily.seconds;
  results.push({
    day_records: (JSON.parse(ingest.out) as { loaded?: number }).loaded,
    store_persons: d.steps.find((s) => s.step === "identity")?.stats.persons,
    ingest: { wall_s: Number(ingest.seconds.toFixed(1)), cpu_s: cpu(ingest) },
    analyze_day: {
      wall_s: Number(daily.seconds.toFixed(1)),
      cpu_s: cpu(daily),
      peak_rss_mb: Math.round(daily.rssMb),
    },
    analyze_full: {
      wall_s: Number(whole.seconds.toFixed(1)),
      cpu_s: cpu(whole),
      peak_rss_mb: Math.round(whole.rssMb),
    },
    cpu_ratio: Number((cpu(daily) / cpu(whole)).toFixed(3)),
    floor: {
      day_total_s: 30,
      share_of_full: 0.1,
      met: total <= 30 && daily.seconds <= 0.1 * whole.seconds,
    },
    steps: d.steps.map((s) => {
      const w = f.steps.find((x) => x.step === s.step);
      return {
        step: s.step,
        day_s: s.seconds,
        full_s: w?.seconds,
        ratio: w?.seconds ? Number((s.seconds / w.seconds).toFixed(3)) : null,
        day_cpu_s: s.cpu_s,
        full_cpu_s: w?.cpu_s,
        cpu_ratio: s.cpu_s && w?.cpu_s ? Number((s.cpu_s / w.cpu_s).toFixed(3)) : null,
        day_peak_rss_mb: s.peak_rss_mb,
      };
    }),
    scope: d.steps.find((s) => s.step === "stays")?.stats,
    rule_persons: d.steps.find((s) => s.step === "rules")?.stats.rule_persons,
    tables_equal: differ.length === 0 ? true : differ,
    load_before: loadBefore,
    load_after: loadAfter,
  });
  removeStore(db);
  removeStore(full);
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
