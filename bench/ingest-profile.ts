/**
 * node dist/bench/ingest-profile.js FILE [DB] [--threads N] [--into STORE]: where one ingest's
 * CPU goes, statement by statement. With --threads 1 DuckDB runs on one thread: on a shared
 * machine its CPU seconds vary far less from run to run than with two (docs/ingest.md). Ingests
 * FILE into a fresh store (DB, default bench-data/profile.duckdb), or with --into into a copy
 * of STORE (a day's file into a larger store: bench/analyze-daily.ts builds one), then
 * checkpoints it as closing the store would, and prints, for every
 * statement that took 0.05 s or more, its wall seconds, its CPU seconds (user + system of the
 * whole process, so a statement running beside the file's hash counts that too) and CPU ÷
 * wall, which says how many of the cores it kept busy. Then the totals, and the ingest's
 * counts, and an order-independent checksum of each table the ingest writes (row count and the
 * sum of the rows' hashes), which a change that only makes ingest faster must leave as it was.
 */
import { copyFileSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type Store, Store as StoreClass } from "../src/db/store.js";
import { ingestFile } from "../src/ingest/ingest-file.js";
import { repoRoot } from "../src/repo-root.js";

const argv = process.argv.slice(2);
const threadsAt = argv.indexOf("--threads");
const threads = threadsAt === -1 ? undefined : Number(argv.splice(threadsAt, 2)[1]);
const intoAt = argv.indexOf("--into");
const into = intoAt === -1 ? undefined : argv.splice(intoAt, 2)[1];
const [file, dbArg] = argv;
if (!file) throw new Error("usage: ingest-profile FILE [DB] [--threads N] [--into STORE]");
const db = dbArg ?? join(repoRoot(), "bench-data", "profile.duckdb");
rmSync(db, { force: true });
rmSync(`${db}.wal`, { force: true });
if (into) {
  copyFileSync(into, db);
  if (existsSync(`${into}.wal`)) copyFileSync(`${into}.wal`, `${db}.wal`);
}

interface Entry {
  sql: string;
  wall: number;
  cpu: number;
}
const entries: Entry[] = [];
const cpuSeconds = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;

/** Wraps the store's statement methods, and its connection's (for the commits), so each call
 * is timed. */
function instrument(store: Store): void {
  wrap(store as unknown as Methods, ["run", "runPolled", "all"]);
  wrap(store.conn as unknown as Methods, ["run"], /^COMMIT/);
}

type Methods = Record<string, (...a: unknown[]) => Promise<unknown>>;
function wrap(target: Methods, names: string[], only?: RegExp): void {
  for (const name of names) {
    const original = target[name]?.bind(target);
    if (!original) continue;
    target[name] = async (...a: unknown[]) => {
      if (only && !only.test(String(a[0]))) return original(...a);
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      try {
        return await original(...a);
      } finally {
        entries.push({
          sql: String(a[0]).replace(/\s+/g, " ").slice(0, 110),
          wall: (performance.now() - t0) / 1000,
          cpu: cpuSeconds(process.cpuUsage(c0)),
        });
      }
    };
  }
}

/** The tables an ingest writes, with the columns that differ from run to run. */
const CHECKSUMMED: Readonly<Record<string, readonly string[]>> = {
  records: [],
  rejects: [],
  record_warnings: [],
  ingest_runs: ["started_at", "finished_at"],
};

const c0 = process.cpuUsage();
const t0 = performance.now();
const store = await StoreClass.open(db, threads === undefined ? {} : { threads });
const opened = { wall: (performance.now() - t0) / 1000, cpu: cpuSeconds(process.cpuUsage(c0)) };
instrument(store);
const i0 = process.cpuUsage();
const w0 = performance.now();
const r = await ingestFile(store, file);
const ingest = { wall: (performance.now() - w0) / 1000, cpu: cpuSeconds(process.cpuUsage(i0)) };
// Closing the store checkpoints what the ingest wrote; timed here, before the checksums read.
const k0 = process.cpuUsage();
const kw = performance.now();
await store.conn.run("CHECKPOINT");
const checkpoint = { wall: (performance.now() - kw) / 1000, cpu: cpuSeconds(process.cpuUsage(k0)) };
const checksums: Record<string, string> = {};
for (const [table, skip] of Object.entries(CHECKSUMMED)) {
  const exclude = skip.length ? ` EXCLUDE (${skip.join(", ")})` : "";
  const [c] = await store.all<{ n: bigint; h: bigint | null }>(
    `SELECT count(*) AS n, sum(hash(t)) AS h FROM (SELECT *${exclude} FROM ${table}) t`,
  );
  checksums[table] = `${c?.n ?? 0}:${c?.h ?? 0}`;
}
store.close();
const row = (label: string, e: { wall: number; cpu: number }) =>
  `${e.wall.toFixed(2).padStart(7)} ${e.cpu.toFixed(2).padStart(7)} ${(e.cpu / Math.max(e.wall, 1e-3)).toFixed(2).padStart(5)}  ${label}`;
process.stdout.write("   wall     cpu  cpu/wall  statement\n");
for (const e of entries.filter((e) => e.wall >= 0.05)) process.stdout.write(`${row(e.sql, e)}\n`);
const listed = entries.reduce((a, e) => ({ wall: a.wall + e.wall, cpu: a.cpu + e.cpu }), {
  wall: 0,
  cpu: 0,
});
process.stdout.write(`${row("every statement", listed)}\n`);
process.stdout.write(`${row("ingestFile", ingest)}\n`);
process.stdout.write(`${row("checkpoint after the ingest", checkpoint)}\n`);
process.stdout.write(`${row("opening and migrating the store", opened)}\n`);
process.stdout.write(
  `${JSON.stringify({ read: r.read, loaded: r.loaded, duplicates: r.duplicates, rejected: r.rejected, reexports: r.reexports, warnings: r.warnings, parsePath: r.parsePath })}\n`,
);
process.stdout.write(
  `order-independent checksums (count:sum of row hashes): ${JSON.stringify(checksums)}\n`,
);
rmSync(db, { force: true });
rmSync(`${db}.wal`, { force: true });
