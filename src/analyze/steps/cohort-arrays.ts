/**
 * The cohort step's typed arrays in and out of DuckDB: the group-crossing candidates read into
 * the columns findCohorts counts over, and its results written back as temporary tables.
 */
import { DuckDBIntegerVector } from "@duckdb/node-api";
import {
  type CohortCrossings,
  NO_MINUTE,
  startsPortDay,
} from "../../core/detection/find-cohorts.js";
import type { Store } from "../../db/store.js";

/**
 * JavaScript's bytes per crossing in the cohort step, for the room DuckDB leaves it
 * (MemoryCap.roomForJs): while the crossings are read, their nine columns (4 bytes each, the
 * direction 1) and a flag each; at findCohorts's peak, those columns, the block, timed run and
 * group crossing of each (12), and the membership step's seven columns in person order (28).
 */
export const READ_BYTES_PER_CROSSING = 34;
export const FIND_BYTES_PER_CROSSING = 73;

export async function count(store: Store, table: string): Promise<number> {
  return Number((await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${table}`))?.n ?? 0);
}

/**
 * The cohort step's crossings (coh_x) in port-day order (date-only crossings last), as typed
 * columns. A crossing logged twice (two sources) is one: its first record in that order carries
 * the earliest time of day, and each code is the least of the two, as a GROUP BY with min() would
 * give — found here in passing, as two records of one person on one port-day, instead of
 * grouping millions of rows.
 */
export async function readCrossings(store: Store, persons: number): Promise<CohortCrossings> {
  const n = await count(store, "coh_x");
  const x: CohortCrossings = {
    pid: new Int32Array(n),
    pno: new Int32Array(n),
    cno: new Int32Array(n),
    day: new Int32Array(n),
    out: new Uint8Array(n),
    minute: new Int32Array(n),
    sk: new Int32Array(n),
    vk: new Int32Array(n),
    spid: new Int32Array(n),
  };
  const columns = [x.pid, x.pno, x.cno, x.day, x.out, x.minute, x.sk, x.vk, x.spid];
  const result = await store.conn.stream(`
    SELECT pid, pno, cno, (d - DATE '1970-01-01')::INTEGER, out::INTEGER,
           coalesce(minute, ${NO_MINUTE}), coalesce(sk, 0), coalesce(vk, 0), coalesce(spid, 0)
    FROM coh_x ORDER BY pno, d, out, coalesce(vk, 0), minute NULLS LAST, pid`);
  let row = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const rows = chunk.rowCount;
    for (const [c, column] of columns.entries()) {
      const v = chunk.getColumnVector(c);
      // Every column is a non-null INTEGER: its vector's data (the client keeps it in an
      // Int32Array it does not export in its types) is copied whole; item by item otherwise.
      const items = (v as unknown as { items?: unknown }).items;
      if (v instanceof DuckDBIntegerVector && items instanceof Int32Array && items.length === rows)
        column.set(items, row);
      else for (let r = 0; r < rows; r++) column[row + r] = v.getItem(r) as number;
    }
    row += rows;
  }
  // Per person: the port-day of their last crossing and its row.
  const lastDay = new Int32Array(persons).fill(-1);
  const lastRow = new Int32Array(persons);
  const keep = new Uint8Array(n);
  const least = (a: number, b: number) => (a === 0 ? b : b === 0 ? a : Math.min(a, b));
  let kept = 0;
  for (let r = 0, portDay = -1; r < n; r++) {
    if (startsPortDay(x, r)) portDay++;
    const pid = x.pid[r]!;
    if (lastDay[pid] === portDay) {
      const f = lastRow[pid]!;
      x.sk[f] = least(x.sk[f]!, x.sk[r]!);
      x.vk[f] = least(x.vk[f]!, x.vk[r]!);
      x.spid[f] = least(x.spid[f]!, x.spid[r]!);
      continue;
    }
    lastDay[pid] = portDay;
    lastRow[pid] = r;
    keep[r] = 1;
    kept++;
  }
  if (kept === n) return x;
  const compact = <T extends Int32Array | Uint8Array>(a: T): T => {
    let w = 0;
    for (let r = 0; r < n; r++) if (keep[r]) a[w++] = a[r]!;
    return a.subarray(0, w) as T;
  };
  return {
    pid: compact(x.pid),
    pno: compact(x.pno),
    cno: compact(x.cno),
    day: compact(x.day),
    out: compact(x.out),
    minute: compact(x.minute),
    sk: compact(x.sk),
    vk: compact(x.vk),
    spid: compact(x.spid),
  };
}

/** A temporary table from equal-length typed columns (booleans from a Uint8Array). */
export async function writeColumns(
  store: Store,
  table: string,
  data: Record<string, Int32Array | Uint8Array>,
  types: Record<string, "INTEGER" | "BOOLEAN">,
): Promise<void> {
  const names = Object.keys(types);
  await store.run(
    `CREATE OR REPLACE TEMP TABLE ${table} (${names.map((k) => `${k} ${types[k]}`).join(", ")})`,
  );
  const app = await store.conn.createAppender(table, "main", "temp");
  const cols = names.map((k) => data[k]!);
  const bool = names.map((k) => types[k] === "BOOLEAN");
  const rows = cols[0]?.length ?? 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols.length; c++) {
      if (bool[c]) app.appendBoolean(cols[c]![r] === 1);
      else app.appendInteger(cols[c]![r]!);
    }
    app.endRow();
  }
  app.closeSync();
}
