/**
 * npm run bench [-- --only ingest,analyze] [-- --quick]: every benchmark, one after another,
 * each in its own process at the size its target names (docs/benchmarks.md).
 * `--quick` runs them at a tenth of that size or less, to check they still work.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "../src/repo-root.js";

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    quick: { type: "boolean", default: false },
  },
});

interface Bench {
  name: string;
  script: string;
  full: string[];
  quick: string[];
}

const BENCHES: Bench[] = [
  {
    name: "simulate",
    script: "simulate.js",
    full: ["--scales", "1,2.5"],
    quick: ["--scales", "0.2"],
  },
  {
    name: "ingest",
    script: "ingest.js",
    full: ["--rows", "10000000", "--runs", "3"],
    quick: ["--rows", "200000"],
  },
  { name: "identity", script: "identity.js", full: [], quick: ["--scale", "0.5"] },
  { name: "analyze", script: "analyze.js", full: [], quick: ["--scale", "0.5"] },
  { name: "screen", script: "screen.js", full: ["--rows", "1000000"], quick: ["--rows", "20000"] },
];

const only = values.only?.split(",").map((s) => s.trim());
const unknown = only?.filter((n) => !BENCHES.some((b) => b.name === n)) ?? [];
if (unknown.length > 0) {
  process.stderr.write(
    `unknown benchmark ${unknown.join(", ")}; expected any of ${BENCHES.map((b) => b.name).join(", ")}\n`,
  );
  process.exit(2);
}

let failed = 0;
for (const bench of BENCHES) {
  if (only && !only.includes(bench.name)) continue;
  const script = join(repoRoot(), "dist", "bench", bench.script);
  if (!existsSync(script)) {
    process.stderr.write(`${bench.name}: ${script} is missing; run npm run build\n`);
    failed++;
    continue;
  }
  const argv = values.quick ? bench.quick : bench.full;
  process.stderr.write(`\n== ${bench.name}: node dist/bench/${bench.script} ${argv.join(" ")}\n`);
  const r = spawnSync(process.execPath, [script, ...argv], { stdio: "inherit" });
  if (r.status !== 0) {
    process.stderr.write(`${bench.name}: exited with ${r.status ?? r.signal}\n`);
    failed++;
  }
}
process.exit(failed > 0 ? 1 : 0);
