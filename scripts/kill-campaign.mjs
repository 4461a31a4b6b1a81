// The long run of the crash-safety property (test/crash/kill-harness.ts): every writing command
// killed at random moments (statements drawn over a clean run's, through the store's kill hook),
// the store opened, the command rerun and compared with a clean run. --per-scenario is the
// number of kills that must land (the command still running) per scenario.
//   npm run build && node scripts/kill-campaign.mjs [--per-scenario N] [--seed S] [--scale X] [--only TEXT,TEXT]
// --only keeps the scenarios whose name holds one of the texts (two halves can run side by side).
// Prints each scenario's kills by signal and every failure; exits 1 on any failure.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runCampaign } from "../dist/test/crash/kill-harness.js";

const { values } = parseArgs({
  options: {
    "per-scenario": { type: "string", default: "20" },
    seed: { type: "string", default: "2397" },
    only: { type: "string" },
    scale: { type: "string", default: "0.004" },
  },
});
const work = mkdtempSync(join(tmpdir(), "sojourn-kill-"));
const started = Date.now();
try {
  const { results, counts } = await runCampaign({
    work,
    perScenario: Number(values["per-scenario"]),
    seed: Number(values.seed),
    scale: Number(values.scale),
    only: values.only ? (s) => values.only.split(",").some((o) => s.name.includes(o)) : undefined,
    log: (line) => console.log(line),
  });
  const killed = results.filter((r) => r.killed).length;
  const finishedFirst = results.length - killed;
  const unopenable = results.filter((r) => !r.opened).length;
  const rerunFailed = results.filter((r) => r.opened && !r.rerunOk).length;
  const differing = results.filter((r) => r.differences.length > 0).length;
  const bySignal = { SIGINT: 0, SIGTERM: 0, SIGKILL: 0 };
  for (const c of Object.values(counts)) for (const s of Object.keys(bySignal)) bySignal[s] += c[s];
  console.log(
    `\n${results.length} attempts: ${killed} kills landed, ${finishedFirst} finished first (SIGINT ${bySignal.SIGINT}, SIGTERM ${bySignal.SIGTERM}, SIGKILL ${bySignal.SIGKILL}) across ${Object.keys(counts).length} commands; ` +
      `${unopenable} unopenable stores, ${rerunFailed} failed reruns, ${differing} differences after rerun; ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  process.exitCode = unopenable + rerunFailed + differing > 0 ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
