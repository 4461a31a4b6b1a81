/**
 * node dist/bench/read-tables.js --db STORE [--runs 1]: the read tables (src/read/read-tables.ts)
 * and the overview tables (src/read/overview-tables.ts) built whole, alone, on a copy of STORE —
 * a store analyzed at least up to places (`analyze --until places`, or a whole run) — as the
 * last step of `sojourn analyze` builds them, timed without the steps before it. The copy is
 * opened (and migrated) before the clock starts. Per table: wall seconds and the process's CPU
 * seconds (every DuckDB thread); in all: wall, CPU, peak RSS, and the load average before and
 * after, since other jobs on the machine inflate wall times (CPU-s much less). The copy is
 * deleted afterwards.
 */
import { copyFileSync, existsSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { Store } from "../src/db/store.js";
import { buildOverviewTables } from "../src/read/overview-tables.js";
import { readStorePolicy } from "../src/read/policy.js";
import { buildReadTables } from "../src/read/read-tables.js";

const { values } = parseArgs({
  options: { db: { type: "string" }, runs: { type: "string", default: "1" } },
});
if (!values.db) throw new Error("--db STORE: a store analyzed at least up to places");
const source = values.db;

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return Number(((d.user + d.system) / 1e6).toFixed(2));
};
const load = () => loadavg().map((l) => Number(l.toFixed(1)));

const results: Record<string, unknown>[] = [];
for (let i = 0; i < Number(values.runs); i++) {
  const copy = `${source}.read-tables-bench`;
  copyFileSync(source, copy);
  if (existsSync(`${source}.wal`)) copyFileSync(`${source}.wal`, `${copy}.wal`);
  const store = await Store.open(copy);
  try {
    const { policy } = await readStorePolicy(store);
    const tables: { table: string; wall_s: number; cpu_s: number }[] = [];
    const loadBefore = load();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    let c = process.cpuUsage();
    const onTable = (table: string, seconds: number) => {
      tables.push({ table, wall_s: Number(seconds.toFixed(2)), cpu_s: cpuSeconds(c) });
      c = process.cpuUsage();
    };
    const stats = await store.transaction(async () => {
      const built = await buildReadTables(store, onTable);
      const t = performance.now();
      await buildOverviewTables(store, policy);
      onTable("overview tables", (performance.now() - t) / 1000);
      return built;
    });
    results.push({
      wall_s: Number(((performance.now() - t0) / 1000).toFixed(1)),
      cpu_s: cpuSeconds(c0),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      load_before: loadBefore,
      load_after: load(),
      stats,
      tables,
    });
  } finally {
    store.close();
    for (const f of [copy, `${copy}.wal`, `${copy}.tmp`])
      rmSync(f, { force: true, recursive: true });
  }
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
