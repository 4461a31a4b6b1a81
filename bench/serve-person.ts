/**
 * node dist/bench/serve-person.js --db STORE [--persons 60] [--seed 3]: what one person's detail
 * (src/read/persons.ts getPerson, masked, as the server reads it) costs on one DuckDB thread, on
 * a connection that keeps its statements prepared (as the server's read connections do), for
 * --persons persons sampled from STORE. Per detail: the process's CPU time (what it costs
 * whatever else the machine runs) and the elapsed time; p50, p90 and mean, and the load average
 * before and after. Each person is read once, after three others warmed the statements.
 *
 * STORE must hold read tables of this layout (an analyze by this code, or one `sojourn serve`
 * on it); it is opened without migrating and only read.
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { Store } from "../src/db/store.js";
import { getPerson } from "../src/read/persons.js";
import { readTablesBuilt } from "../src/read/read-tables.js";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    persons: { type: "string", default: "60" },
    seed: { type: "string", default: "3" },
  },
});
if (!values.db) throw new Error("--db STORE: a store analyzed by this code");
const load = () => loadavg().map((l) => Number(l.toFixed(1)));

const base = await Store.open(values.db, { threads: 1, migrate: false });
try {
  if (!(await readTablesBuilt(base)))
    throw new Error(`${values.db} has no read tables of this layout: analyze it or serve it once`);
  const store = await base.connect({ keepPrepared: true });
  const ids = (
    await store.json<{ person_id: string }>(
      `SELECT person_id FROM persons
       USING SAMPLE ${Number(values.persons)} ROWS (reservoir, ${Number(values.seed)})`,
    )
  ).map((r) => r.person_id);
  for (const id of ids.slice(0, 3)) await getPerson(store, id);
  const loadBefore = load();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (const id of ids) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await getPerson(store, id);
    const d = process.cpuUsage(c0);
    cpu.push((d.user + d.system) / 1000);
    wall.push(performance.now() - t0);
  }
  const q = (xs: number[], p: number) =>
    Number(([...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))] ?? 0).toFixed(1));
  const mean = (xs: number[]) => Number((xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1));
  process.stdout.write(
    `${JSON.stringify(
      {
        store: values.db,
        persons: ids.length,
        cpu_ms: { p50: q(cpu, 0.5), p90: q(cpu, 0.9), mean: mean(cpu) },
        elapsed_ms: { p50: q(wall, 0.5), p90: q(wall, 0.9), mean: mean(wall) },
        load_before: loadBefore,
        load_after: load(),
      },
      null,
      2,
    )}\n`,
  );
  store.close();
} finally {
  base.close();
}
