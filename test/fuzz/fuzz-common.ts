/**
 * What the fuzzers share: byte-level damage of a whole file, a deadline (a hang is a failure),
 * the outcome of one input (read, or refused with an input error), and the counts a run reports.
 */
import fc from "fast-check";
import { AppError } from "../../src/core/errors.js";
import { Store } from "../../src/db/store.js";

/** Random byte-level damage: flips, inserted and deleted runs, a cut end, a repeated run. */
export interface Mutation {
  kind: string;
  at: number;
  bytes: Uint8Array;
}

export const mutationArb: fc.Arbitrary<Mutation[]> = fc.array(
  fc.record({
    kind: fc.constantFrom("flip", "insert", "delete", "truncate", "duplicate"),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 6 }),
  }),
  { minLength: 1, maxLength: 4 },
);

/** Most files whole, some damaged. */
export const mutationsArb: fc.Arbitrary<Mutation[]> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Mutation[]>([]) },
  { weight: 1, arbitrary: mutationArb },
);

export function mutate(buf: Buffer, mutations: readonly Mutation[]): Buffer {
  let out = buf;
  for (const m of mutations) {
    if (out.length === 0) break;
    const at = m.at % out.length;
    if (m.kind === "flip") {
      out = Buffer.from(out);
      out[at] = (m.bytes[0] ?? 0) ^ (out[at] ?? 0);
    } else if (m.kind === "insert")
      out = Buffer.concat([out.subarray(0, at), Buffer.from(m.bytes), out.subarray(at)]);
    else if (m.kind === "delete")
      out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.bytes.length)]);
    else if (m.kind === "truncate") out = out.subarray(0, at);
    else out = Buffer.concat([out, out.subarray(at, at + 200)]);
  }
  return out;
}

/** Hostile values for any field: separators, line ends, NUL, markup, formulas, lone surrogates. */
export const HOSTILE_VALUES = [
  "",
  " ",
  '"',
  '""',
  ",",
  "\t",
  "\r",
  "\n",
  "\r\n",
  "\u0000",
  "\uFEFF",
  "=1+1",
  "@SUM(A1)",
  "NULL",
  "<b>x</b>",
  "&amp;",
  "]]>",
  "2019-06-03T09:15:00+99:00",
  "2019-02-30",
  "31/13/2019",
  "0000-00-00",
  "9999-12-31 23:59",
  "김 영 철",
  "金 永 哲",
  "北朝鲜",
  "\uD800",
  "x".repeat(300),
];

export const hostileArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_VALUES),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.string({ unit: "binary", maxLength: 8 }),
);

/**
 * Runs `work` with a deadline: an input error is an outcome, anything else a failure. The
 * deadline counts the process's CPU time (every thread, DuckDB's too), so a run at low
 * priority on a busy machine is not taken for a hang; a wait that burns no CPU (a deadlock)
 * is caught at ten times the deadline in wall time.
 * SOJOURN_FUZZ_DEBUG=1 prints each input error (to see why files are refused).
 */
export async function withDeadline<T>(
  what: string,
  timeoutMs: number,
  work: () => Promise<T>,
): Promise<T | "input-error"> {
  let timer: NodeJS.Timeout | undefined;
  const cpuAtStart = process.cpuUsage();
  const wallAtStart = Date.now();
  const timeout = new Promise<never>((_, reject) => {
    const check = () => {
      const cpu = process.cpuUsage(cpuAtStart);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      const wallMs = Date.now() - wallAtStart;
      if (cpuMs > timeoutMs || wallMs > 10 * timeoutMs)
        reject(
          new Error(
            `hang: ${what} ran past ${timeoutMs} ms (${Math.round(cpuMs)} ms of CPU, ${wallMs} ms of wall time)`,
          ),
        );
      else timer = setTimeout(check, Math.min(1000, timeoutMs));
    };
    timer = setTimeout(check, Math.min(1000, timeoutMs));
  });
  try {
    return await Promise.race([work(), timeout]);
  } catch (err) {
    if (err instanceof AppError && err.code === "input") {
      if (process.env.SOJOURN_FUZZ_DEBUG) console.error(err.message.slice(0, 300));
      return "input-error";
    }
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

export interface FuzzStats {
  /** Generated files. */
  files: number;
  /** Generated inputs in them: records, list entries, or report paragraphs. */
  records: number;
  /** Files read to the end (with counts that add up). */
  ingested: number;
  /** Files refused whole with an input error. */
  inputErrors: number;
  /** Rows (records, entries, passages) the files that were read produced. */
  rows: number;
}

const emptyStats = (): FuzzStats => ({
  files: 0,
  records: 0,
  ingested: 0,
  inputErrors: 0,
  rows: 0,
});

export interface FuzzRun {
  dir: string;
  runs: number;
  maxRecords: number;
  seed: number;
  timeoutMs?: number;
  /** Reports (evidence formats): every Nth file stored by `evidence add`, the others read and
   * their claims suggested only (default 1: every file stored). */
  storeEvery?: number;
}

/** One generated input, written to a file: how many inputs it holds, and its check. */
export interface FuzzCase {
  records: number;
  /** Reads the file into the store and checks the property (throws when it fails). */
  check: () => Promise<number | "input-error">;
}

/**
 * Runs `opts.runs` generated values through `write` and their checks on an in-memory store,
 * replaced every `perStore` files (later files see earlier files' rows, as real stores do).
 * `write` gets the store and a slot (0–49) to name its file by, so a run reuses 50 names.
 */
export async function runFuzz<T>(
  opts: FuzzRun & { perStore?: number },
  arb: fc.Arbitrary<T>,
  write: (store: Store, value: T, slot: number) => FuzzCase | Promise<FuzzCase>,
): Promise<FuzzStats> {
  const stats = emptyStats();
  const perStore = opts.perStore ?? 200;
  let store = await Store.open(":memory:");
  try {
    await fc.assert(
      fc.asyncProperty(arb, async (value) => {
        if (stats.files > 0 && stats.files % perStore === 0) {
          store.close();
          store = await Store.open(":memory:");
        }
        const c = await write(store, value, stats.files % 50);
        stats.files++;
        stats.records += c.records;
        const outcome = await c.check();
        if (outcome === "input-error") stats.inputErrors++;
        else {
          stats.ingested++;
          stats.rows += outcome;
        }
      }),
      { numRuns: opts.runs, seed: opts.seed, endOnFailure: true },
    );
  } finally {
    store.close();
  }
  return stats;
}
