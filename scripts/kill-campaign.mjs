// The long run of the crash-safety property (test/crash/kill-harness.ts): every writing command
// killed at random moments (statements drawn over a clean run's, through the store's kill hook),
// the store opened, the command rerun and compared with a clean run. --per-scenario is the
// number of kills that must land (the command still running) per scenario.
//   npm run build && node scripts/kill-campaign.mjs [--per-scenario N] [--seed S] [--scale X] [--only TEXT,TEXT] [--minutes M]
// --only keeps the scenarios whose name holds one of the texts (two halves can run side by side);
// --minutes starts no attempt after that long (the table then covers the attempts made).
// Prints each attempt, then a Markdown table of landed kills per command and signal and the
// totals; exits 1 on any failure.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runCampaign, SIGNALS } from "../dist/test/crash/kill-harness.js";

const { values } = parseArgs({
  options: {
    "per-scenario": { type: "string", default: "20" },
    seed: { type: "string", default: "2397" },
    only: { type: "string" },
    scale: { type: "string", default: "0.004" },
    minutes: { type: "string" },
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
    until: values.minutes ? started + Number(values.minutes) * 60_000 : undefined,
  });
  const failed = (r) => !r.opened || !r.rerunOk || r.differences.length > 0;
  console.log(
    "\n| Command | SIGINT | SIGTERM | SIGKILL | Landed | Finished first | Unopenable | Failed reruns | Differences |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  const total = (rs) => [
    rs.filter((r) => r.killed).length,
    rs.filter((r) => !r.killed).length,
    rs.filter((r) => !r.opened).length,
    rs.filter((r) => r.opened && !r.rerunOk).length,
    rs.filter((r) => r.differences.length > 0).length,
  ];
  for (const [name, c] of Object.entries(counts)) {
    const rs = results.filter((r) => r.scenario === name);
    console.log(`| ${name} | ${SIGNALS.map((s) => c[s]).join(" | ")} | ${total(rs).join(" | ")} |`);
  }
  const bySignal = SIGNALS.map((s) => Object.values(counts).reduce((n, c) => n + c[s], 0));
  console.log(`| all | ${bySignal.join(" | ")} | ${total(results).join(" | ")} |`);
  const [landed, finishedFirst, unopenable, rerunFailed, differing] = total(results);
  console.log(
    `\n${results.length} attempts: ${landed} kills landed, ${finishedFirst} finished first, across ${Object.keys(counts).length} commands; ` +
      `${unopenable} unopenable stores, ${rerunFailed} failed reruns, ${differing} differences after rerun; ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  process.exitCode = results.some(failed) ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
