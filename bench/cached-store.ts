/**
 * The ~10M-record store the identity and analyze benchmarks share: hunchun-2019 at
 * `--scale` (11 gives ≈ 9.8M rows) and `--seed`, simulated and ingested once into
 * bench-data/identity-s<scale>-seed<seed>/ (that takes minutes), then copied per run; and the
 * CLI run in a child process under /usr/bin/time (wall, CPU, peak RSS).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "../src/repo-root.js";
import { SOJOURN_CLI } from "./sojourn-cli.js";

export interface Measured {
  seconds: number;
  userSeconds: number;
  systemSeconds: number;
  rssMb: number;
  out: string;
}

/** Runs `sojourn ARGV` in a fresh process; throws with its stderr when it fails. */
export function runCli(argv: string[], label: string): Measured {
  const t0 = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "%U %S %M", process.execPath, SOJOURN_CLI, ...argv], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
    env: { ...process.env, TZ: "UTC" },
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${label} failed: ${r.stderr}`);
  const [user = "0", system = "0", rssKb = "0"] = r.stderr.trim().split("\n").pop()!.split(" ");
  return {
    seconds,
    userSeconds: Number(user),
    systemSeconds: Number(system),
    rssMb: Number(rssKb) / 1024,
    out: r.stdout,
  };
}

/** Parses `--scale --seed --runs`, makes sure the pristine ingested store exists, and says
 * where it and the scratch copies live. */
export function cachedStore(): { dir: string; pristine: string; runs: number } {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "11" },
      seed: { type: "string", default: "7" },
      runs: { type: "string", default: "1" },
    },
  });
  const dir = join(repoRoot(), "bench-data", `identity-s${values.scale}-seed${values.seed}`);
  const sim = join(dir, "sim");
  const pristine = join(dir, "ingested.duckdb");
  mkdirSync(dir, { recursive: true });
  if (!existsSync(pristine)) {
    if (!existsSync(join(sim, "crossings.csv"))) {
      process.stderr.write(`simulating hunchun-2019 at scale ${values.scale} into ${sim}…\n`);
      const sizes = ["--scale", values.scale, "--seed", values.seed];
      runCli(["simulate", "--out", sim, ...sizes, "--force", "--json"], "simulate");
    }
    process.stderr.write("ingesting…\n");
    runCli(["--db", pristine, "ingest", join(sim, "crossings.csv"), "--json"], "ingest");
  }
  // Brings a store made by an older schema up to date here, so that no timed run migrates it.
  runCli(["--db", pristine, "runs", "--json"], "migrate");
  return { dir, pristine, runs: Number(values.runs) };
}
