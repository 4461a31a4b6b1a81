/**
 * Fuzzing ingest with generated files: random and mutated CSV, JSON Lines and Parquet. Each
 * file holds many generated records (valid ones, ones with hostile values — quotes, commas,
 * line ends, NUL, invalid UTF-8, impossible dates — and byte-level mutations of whole files).
 * The property: ingest ends (no hang) with either counts or an input error (no crash, no
 * internal error), and `read = loaded + duplicates + rejected` holds and matches what the store
 * holds for the run. fast-check generates and shrinks (a failure is reported as the smallest
 * file that still fails) and replays from a seed.
 *
 * Used by the short run in `ingest-fuzz.test.ts` and the long one in `scripts/fuzz-ingest.mjs`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { CONTRACT_COLUMNS, REQUIRED_COLUMNS } from "../../src/core/crossing.js";
import { AppError } from "../../src/core/errors.js";
import { Store, sqlString } from "../../src/db/store.js";
import { type Gazetteer, loadGazetteer } from "../../src/gazetteer/load-gazetteer.js";
import { ingestFile } from "../../src/ingest/ingest-file.js";

export const FUZZ_FORMATS = ["csv", "jsonl", "parquet"] as const;
export type FuzzFormat = (typeof FUZZ_FORMATS)[number];

/** Values a column may hold: plausible ones and hostile ones. */
const hostile = fc.oneof(
  fc.constantFrom(
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
    "NULL",
    "2019-06-03T09:15:00+99:00",
    "2019-02-30",
    "31/13/2019",
    "0000-00-00",
    "9999-12-31 23:59",
    "entry",
    "出境",
    "Quanhe",
    "圈河",
    "PRK",
    "KP",
    "北朝鲜",
    "김영철",
    "\uD800",
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.string({ unit: "binary", maxLength: 8 }),
);
const plausible = {
  record_id: fc.stringMatching(/^[A-Z]{1,2}[0-9]{1,4}$/),
  crossed_at: fc.oneof(
    fc
      .date({ min: new Date("1899-01-01"), max: new Date("2101-01-01"), noInvalidDate: true })
      .map((d) => d.toISOString().replace(/\.\d+Z$/, "+08:00")),
    fc
      .date({ min: new Date("2017-01-01"), max: new Date("2020-01-01"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    fc.constantFrom("2019-06-03 09:15", "03/06/2019", "2019/06/03 09:15:00", "20190603"),
  ),
  direction: fc.constantFrom("entry", "exit", "in", "OUT", "入境", "출국", "sideways"),
  port: fc.constantFrom("Quanhe", "圈河", "Dandong", "cn-jl-hunchun-quanhe", "Nowhere"),
  nationality: fc.constantFrom("PRK", "KP", "North Korea", "CHN", "ZZZ"),
  doc_number: fc.stringMatching(/^[A-Z]?[0-9]{1,9}$/),
} as Record<string, fc.Arbitrary<string>>;

const field = (column: string) => {
  const p = plausible[column];
  return p ? fc.oneof({ weight: 4, arbitrary: p }, { weight: 1, arbitrary: hostile }) : hostile;
};

/** A record: every contract column or some of them, values plausible or hostile. */
const recordArb = fc.record(
  Object.fromEntries(CONTRACT_COLUMNS.map((c) => [c, field(c)])) as Record<
    string,
    fc.Arbitrary<string>
  >,
  { requiredKeys: [...REQUIRED_COLUMNS] },
);

const columnsArb = fc
  .shuffledSubarray([...CONTRACT_COLUMNS], { minLength: 3 })
  .chain((cols) =>
    fc.tuple(
      fc.constant(cols),
      fc.array(fc.constantFrom("extra", "Note", "备注"), { maxLength: 2 }),
    ),
  )
  .map(([cols, extra]) => [...new Set([...cols, ...extra])]);

function csvCell(v: string): string {
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** Random byte-level damage: flips, inserted and deleted runs, a cut end. */
const mutationArb = fc.array(
  fc.record({
    kind: fc.constantFrom("flip", "insert", "delete", "truncate", "duplicate"),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 6 }),
  }),
  { maxLength: 4 },
);

function mutate(buf: Buffer, mutations: FuzzFile["mutations"]): Buffer {
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

export interface FuzzFile {
  columns: string[];
  records: Record<string, string | undefined>[];
  mutations: { kind: string; at: number; bytes: Uint8Array }[];
  lineEnd: string;
  gzip: boolean;
}

export const fileArb = (maxRecords: number): fc.Arbitrary<FuzzFile> =>
  fc.record({
    columns: columnsArb,
    // size "max": lengths spread over 0..maxRecords, not biased to a few records.
    records: fc.array(recordArb, { maxLength: maxRecords, size: "max" }),
    mutations: fc.oneof(
      { weight: 3, arbitrary: fc.constant<FuzzFile["mutations"]>([]) },
      { weight: 2, arbitrary: mutationArb },
    ),
    lineEnd: fc.constantFrom("\n", "\r\n"),
    gzip: fc.boolean(),
  });

function csvBytes(f: FuzzFile): Buffer {
  const lines = [f.columns.map(csvCell).join(",")];
  for (const r of f.records) lines.push(f.columns.map((c) => csvCell(r[c] ?? "")).join(","));
  return Buffer.from(lines.join(f.lineEnd) + f.lineEnd);
}

function jsonlBytes(f: FuzzFile): Buffer {
  const lines = f.records.map((r) =>
    JSON.stringify(Object.fromEntries(f.columns.map((c) => [c, r[c] ?? null]))),
  );
  return Buffer.from(lines.join(f.lineEnd) + f.lineEnd);
}

/** Writes the generated file; Parquet through DuckDB itself, mutations applied after. */
export async function writeFuzzFile(
  store: Store,
  dir: string,
  format: FuzzFormat,
  f: FuzzFile,
  n: number,
): Promise<string> {
  if (format === "parquet") {
    const path = join(dir, `fuzz-${n}.parquet`);
    const cols = f.columns;
    const values =
      f.records.length === 0
        ? `SELECT ${cols.map((c) => `NULL::VARCHAR AS "${c}"`).join(", ")} WHERE false`
        : `SELECT * FROM (VALUES ${f.records
            .map(
              (r) =>
                `(${cols.map((c) => sqlString((r[c] ?? "").replaceAll("\u0000", ""))).join(", ")})`,
            )
            .join(", ")}) t(${cols.map((c) => `"${c}"`).join(", ")})`;
    await store.run(`COPY (${values}) TO ${sqlString(path)} (FORMAT parquet)`);
    if (f.mutations.length > 0) {
      writeFileSync(path, mutate(readFileSync(path), f.mutations));
    }
    return path;
  }
  const raw = mutate(format === "csv" ? csvBytes(f) : jsonlBytes(f), f.mutations);
  const path = join(dir, `fuzz-${n}.${format}${f.gzip ? ".gz" : ""}`);
  writeFileSync(path, f.gzip ? gzipSync(raw) : raw);
  return path;
}

export interface FuzzStats {
  files: number;
  records: number;
  ingested: number;
  inputErrors: number;
}

/** Ingests one generated file and checks the property; throws (a failed property) otherwise. */
export async function checkOne(
  store: Store,
  path: string,
  timeoutMs: number,
  gazetteer: Gazetteer,
): Promise<"ok" | "input-error"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`hang: ingest of ${path} ran past ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    const r = await Promise.race([ingestFile(store, path, { gazetteer }), timeout]);
    if (r.read !== r.loaded + r.duplicates + r.rejected)
      throw new Error(`accounting: read ${r.read} ≠ ${r.loaded} + ${r.duplicates} + ${r.rejected}`);
    const [c] = await store.all<{ loaded: bigint; rejected: bigint }>(
      `SELECT (SELECT count(*) FROM records WHERE run_id = ${r.runId}) AS loaded,
              (SELECT count(*) FROM rejects WHERE run_id = ${r.runId}) AS rejected`,
    );
    if (Number(c?.loaded) !== r.loaded || Number(c?.rejected) !== r.rejected)
      throw new Error(
        `store holds ${c?.loaded} records and ${c?.rejected} rejects for a run that reported ${r.loaded} and ${r.rejected}`,
      );
    return "ok";
  } catch (err) {
    if (err instanceof AppError && err.code === "input") return "input-error";
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `runs` generated files of `format` through ingest, each store holding at most
 * `perStore` runs (later runs see earlier runs' records, as real stores do).
 */
export async function fuzzIngest(opts: {
  format: FuzzFormat;
  dir: string;
  runs: number;
  maxRecords: number;
  seed: number;
  timeoutMs?: number;
  perStore?: number;
}): Promise<FuzzStats> {
  const stats: FuzzStats = { files: 0, records: 0, ingested: 0, inputErrors: 0 };
  let store = await Store.open(":memory:");
  const perStore = opts.perStore ?? 200;
  const gazetteer = loadGazetteer();
  try {
    await fc.assert(
      fc.asyncProperty(fileArb(opts.maxRecords), async (f) => {
        if (stats.files > 0 && stats.files % perStore === 0) {
          store.close();
          store = await Store.open(":memory:");
        }
        const path = await writeFuzzFile(store, opts.dir, opts.format, f, stats.files % 50);
        stats.files++;
        stats.records += f.records.length;
        const outcome = await checkOne(store, path, opts.timeoutMs ?? 30_000, gazetteer);
        if (outcome === "ok") stats.ingested++;
        else stats.inputErrors++;
      }),
      { numRuns: opts.runs, seed: opts.seed, endOnFailure: true },
    );
  } finally {
    store.close();
  }
  return stats;
}
