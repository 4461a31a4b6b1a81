/** The built `sojourn` command (dist/), as the benchmarks run it in child processes. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../src/repo-root.js";

/** Path of the compiled CLI entry point; needs `npm run build`. */
export const SOJOURN_CLI = join(repoRoot(), "dist", "src", "cli", "main.js");

/** Runs `sojourn ARGS` (with `input` on stdin) and returns its stdout; throws with stderr on failure. */
export function sojourn(args: string[], input?: string): string {
  const r = spawnSync(process.execPath, [SOJOURN_CLI, ...args], {
    encoding: "utf8",
    input,
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`sojourn ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

/** Simulates hunchun-2019 (seed 7) at `scale` into `out`: the store the serve and web-app benchmarks load. */
export function simulateHunchun(out: string, scale: string): void {
  sojourn(["simulate", "--out", out, "--scale", scale, "--seed", "7", "--force"]);
}
