/**
 * Fuzzing ingest with generated files: CSV, JSON Lines and Parquet. Most files are structurally
 * valid — every required column, headers spelled as real exports spell them (case, spaces, a BOM,
 * or a foreign header renamed by a mapping) — with generated records whose values are plausible or
 * hostile (quotes, commas, line ends, NUL, invalid UTF-8, impossible dates), so the rows are what
 * gets exercised; a share has broken structure (a required column missing or named twice) and a
 * share is damaged byte by byte. The property: ingest ends (no hang) with either counts or an
 * input error (no crash, no internal error), and `read = loaded + duplicates + rejected` holds and
 * matches what the store holds for the run. fast-check generates and shrinks (a failure is
 * reported as the smallest file that still fails) and replays from a seed.
 *
 * Used by the short run in `fuzz.test.ts` and the long one in `scripts/fuzz-ingest.mjs`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import {
  CONTRACT_COLUMNS,
  type ContractColumn,
  OPTIONAL_COLUMNS,
  REQUIRED_COLUMNS,
} from "../../src/core/crossing.js";
import { type Store, sqlString } from "../../src/db/store.js";
import { type Gazetteer, loadGazetteer } from "../../src/gazetteer/load-gazetteer.js";
import { ingestFile } from "../../src/ingest/ingest-file.js";
import type { Mapping } from "../../src/ingest/mapping.js";
import {
  type FuzzRun,
  type FuzzStats,
  hostileArb,
  type Mutation,
  mutate,
  mutationsArb,
  runFuzz,
  withDeadline,
} from "./fuzz-common.js";

export const INGEST_FORMATS = ["csv", "jsonl", "parquet"] as const;
export type IngestFormat = (typeof INGEST_FORMATS)[number];

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
  direction: fc.constantFrom("entry", "exit", "in", "OUT", "入境", "출국", "入", "出", "sideways"),
  port: fc.constantFrom("Quanhe", "圈河", "Dandong", "cn-jl-hunchun-quanhe", "Nowhere"),
  nationality: fc.constantFrom("PRK", "KP", "North Korea", "朝鲜", "CHN", "ZZZ"),
  doc_number: fc.stringMatching(/^[A-Z]?[0-9]{1,9}$/),
  full_name: fc.constantFrom("KIM YONG CHOL", "김영철", "金永哲", "리 영경", "PAK"),
  birth_date: fc.constantFrom("1990-01-01", "1985-13-01", "01/02/1988", ""),
  sex: fc.constantFrom("M", "F", "男", "여", "X"),
} as Record<string, fc.Arbitrary<string>>;

const field = (column: string) => {
  const p = plausible[column];
  return p
    ? fc.oneof({ weight: 4, arbitrary: p }, { weight: 1, arbitrary: hostileArb })
    : hostileArb;
};

/** A record: every contract column or some of them, values plausible or hostile. */
const recordArb = fc.record(
  Object.fromEntries(CONTRACT_COLUMNS.map((c) => [c, field(c)])) as Record<
    string,
    fc.Arbitrary<string>
  >,
  { requiredKeys: [...REQUIRED_COLUMNS] },
);

/** Foreign headers a mapping file renames (the Chinese export of docs/data-contract.md). */
const MAPPED_HEADERS: Partial<Record<ContractColumn, string>> = {
  record_id: "记录编号",
  crossed_at: "出入境日期",
  direction: "出入境",
  port: "口岸",
  nationality: "国籍",
  doc_number: "证件号码",
  full_name: "姓名",
};

/** How a column's header is written: as the contract names it, or as exports write it. */
const spellingArb = fc.constantFrom("contract", "upper", "spaced", "padded", "mapped");

function spell(column: string, spelling: string): string {
  if (spelling === "upper") return column.toUpperCase();
  if (spelling === "spaced")
    return column.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());
  if (spelling === "padded") return ` ${column} `;
  if (spelling === "mapped") return MAPPED_HEADERS[column as ContractColumn] ?? column;
  return column;
}

/** Valid structure: every required column, some optional ones and extras, in any order. */
const validColumnsArb = fc
  .tuple(
    fc.shuffledSubarray([...OPTIONAL_COLUMNS]),
    fc.array(fc.constantFrom("extra", "Note", "备注"), { maxLength: 2 }),
  )
  .chain(([optional, extra]) =>
    fc.shuffledSubarray([...new Set([...REQUIRED_COLUMNS, ...optional, ...extra])], {
      minLength: REQUIRED_COLUMNS.length + optional.length + new Set(extra).size,
    }),
  );

/** Broken structure: any subset (often a required column missing), or a column named twice. */
const brokenColumnsArb = fc.oneof(
  fc.shuffledSubarray([...CONTRACT_COLUMNS], { minLength: 1 }),
  fc
    .shuffledSubarray([...CONTRACT_COLUMNS], { minLength: 6 })
    .map((cols) => [...cols, cols[0] ?? "record_id"]),
);

export interface FuzzFile {
  /** Contract columns in file order (an extra column keeps its own name). */
  columns: string[];
  /** Per column, its written header. */
  headers: string[];
  records: Record<string, string | undefined>[];
  mutations: Mutation[];
  lineEnd: string;
  gzip: boolean;
  bom: boolean;
}

export const fileArb = (maxRecords: number): fc.Arbitrary<FuzzFile> =>
  fc
    .oneof({ weight: 9, arbitrary: validColumnsArb }, { weight: 1, arbitrary: brokenColumnsArb })
    .chain((columns) =>
      fc.record({
        columns: fc.constant(columns),
        headers: fc.tuple(...columns.map((c) => spellingArb.map((s) => spell(c, s)))),
        // size "max": lengths spread over 0..maxRecords, not biased to a few records.
        records: fc.array(recordArb, { maxLength: maxRecords, size: "max" }),
        mutations: mutationsArb,
        lineEnd: fc.constantFrom("\n", "\r\n"),
        gzip: fc.boolean(),
        bom: fc.boolean(),
      }),
    );

/** The mapping a file's foreign headers need (none when every header is the contract's). */
export function mappingOf(f: FuzzFile): Mapping | undefined {
  const columns = new Map<string, ContractColumn>();
  f.headers.forEach((h, i) => {
    if (h !== f.columns[i] && MAPPED_HEADERS[f.columns[i] as ContractColumn] === h)
      columns.set(h, f.columns[i] as ContractColumn);
  });
  return columns.size > 0
    ? { columns, values: { direction: { 入: "entry", 出: "exit" }, nationality: { 朝鲜: "PRK" } } }
    : undefined;
}

function csvCell(v: string): string {
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

function csvBytes(f: FuzzFile): Buffer {
  const lines = [f.headers.map(csvCell).join(",")];
  for (const r of f.records) lines.push(f.columns.map((c) => csvCell(r[c] ?? "")).join(","));
  return Buffer.from((f.bom ? "\uFEFF" : "") + lines.join(f.lineEnd) + f.lineEnd);
}

function jsonlBytes(f: FuzzFile): Buffer {
  const lines = f.records.map((r) =>
    JSON.stringify(Object.fromEntries(f.columns.map((c, i) => [f.headers[i], r[c] ?? null]))),
  );
  return Buffer.from(lines.join(f.lineEnd) + f.lineEnd);
}

/** Writes the generated file; Parquet through DuckDB itself, mutations applied after. */
export async function writeFuzzFile(
  store: Store,
  dir: string,
  format: IngestFormat,
  f: FuzzFile,
  n: number,
): Promise<string> {
  if (format === "parquet") {
    const path = join(dir, `fuzz-${n}.parquet`);
    const names = f.headers.map((h) => `"${h.replaceAll('"', '""')}"`);
    const values =
      f.records.length === 0
        ? `SELECT ${names.map((c) => `NULL::VARCHAR AS ${c}`).join(", ")} WHERE false`
        : `SELECT * FROM (VALUES ${f.records
            .map(
              (r) =>
                `(${f.columns.map((c) => sqlString((r[c] ?? "").replaceAll("\u0000", ""))).join(", ")})`,
            )
            .join(", ")}) t(${names.join(", ")})`;
    await store.run(`COPY (${values}) TO ${sqlString(path)} (FORMAT parquet)`);
    if (f.mutations.length > 0) writeFileSync(path, mutate(readFileSync(path), f.mutations));
    return path;
  }
  const raw = mutate(format === "csv" ? csvBytes(f) : jsonlBytes(f), f.mutations);
  const path = join(dir, `fuzz-${n}.${format}${f.gzip ? ".gz" : ""}`);
  writeFileSync(path, f.gzip ? gzipSync(raw) : raw);
  return path;
}

/** Ingests one generated file and checks the property; throws (a failed property) otherwise. */
export async function checkOne(
  store: Store,
  path: string,
  timeoutMs: number,
  gazetteer: Gazetteer,
  mapping?: Mapping,
): Promise<number | "input-error"> {
  return withDeadline(`ingest of ${path}`, timeoutMs, async () => {
    const r = await ingestFile(store, path, { gazetteer, mapping });
    if (r.repeatOf !== undefined) {
      // The same bytes and settings as an earlier completed run: skipped, nothing counted.
      if (r.read + r.loaded + r.duplicates + r.rejected !== 0)
        throw new Error(`a skipped repeat of run ${r.repeatOf} counted rows`);
      return 0;
    }
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
    return r.read;
  });
}

/**
 * Runs `runs` generated files of `format` through ingest, each store holding at most
 * `perStore` runs (later runs see earlier runs' records, as real stores do).
 */
export async function fuzzIngest(
  opts: FuzzRun & { format: IngestFormat; perStore?: number },
): Promise<FuzzStats> {
  const gazetteer = loadGazetteer();
  return runFuzz(opts, fileArb(opts.maxRecords), async (store, f, slot) => {
    const path = await writeFuzzFile(store, opts.dir, opts.format, f, slot);
    return {
      records: f.records.length,
      check: () => checkOne(store, path, opts.timeoutMs ?? 30_000, gazetteer, mappingOf(f)),
    };
  });
}
