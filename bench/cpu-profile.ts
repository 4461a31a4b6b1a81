/**
 * V8's sampling profiler around a stretch of a benchmark (node:inspector), for the benchmarks
 * that measure one part of a run: `--cpu-prof` would profile the whole process, list parsing and
 * index building included. The summary lists the functions with the most CPU, inclusive of what
 * they call, so a reader sees where a query's time goes without opening the profile.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { dirname } from "node:path";
import { log } from "./cli-args.js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export async function startProfiler(): Promise<{ stop(file: string): Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  return {
    async stop(file) {
      const { profile } = (await session.post("Profiler.stop")) as { profile: Profile };
      session.disconnect();
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(profile));
      log(`profile: ${file}`);
      for (const line of inclusiveTop(profile, 25)) log(line);
    },
  };
}

/** The `n` functions with the most sampled time, each counting its callees once per sample. */
function inclusiveTop(p: Profile, n: number): string[] {
  const parent = new Map<number, number>();
  for (const node of p.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const byId = new Map(p.nodes.map((node) => [node.id, node]));
  const label = (node: ProfileNode) =>
    `${node.callFrame.functionName || "(anonymous)"} ${node.callFrame.url.split("/").slice(-2).join("/")}:${node.callFrame.lineNumber + 1}`;
  const inclusive = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    total += dt;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = label(byId.get(at)!);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    }
  });
  return [...inclusive]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(
      ([k, t]) =>
        `${((100 * t) / total).toFixed(1).padStart(5)} % ${(t / 1000).toFixed(0).padStart(6)} ms  ${k}`,
    );
}
