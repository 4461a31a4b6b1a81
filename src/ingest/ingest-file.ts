/**
 * Ingests one file as one run: checks its columns, appends its rows normalised, then sorts
 * them (rejects and duplicates out, re-exports linked). A crash or a kill leaves the store as
 * it was before the file — the first transaction rolls back, or the next open of the store
 * drops a run that never finished (src/db/recover.ts) — and the rerun starts clean. A file
 * that cannot be read at all is recorded as a failed run and nothing from it is loaded.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { AppError } from "../core/errors.js";
import { defaultMemoryLimitMb } from "../db/memory-limit.js";
import { discardRun } from "../db/recover.js";
import type { Store } from "../db/store.js";
import { type Gazetteer, loadGazetteer } from "../gazetteer/load-gazetteer.js";
import {
  type CsvOptions,
  csvRelation,
  fastPathRejects,
  readCsvHeader,
  stageCsvExact,
  stageUnreadLines,
} from "./csv/stage-csv.js";
import {
  decodeToUtf8,
  type FileEncoding,
  isUtf8,
  misdecodedHint,
  settleEncoding,
} from "./encoding.js";
import type { ColumnMap } from "./header.js";
import { stageJsonl } from "./jsonl/stage-jsonl.js";
import {
  DEFAULT_LIMITS,
  type FileScan,
  type InputLimits,
  type LineIndex,
  readChosenLines,
  scanFile,
} from "./lines.js";
import type { Mapping } from "./mapping.js";
import {
  createLookups,
  type DateOrder,
  dropLookups,
  insertRecords,
  numberLines,
  type SortCounts,
  sortRun,
} from "./normalize.js";
import { parquetRelation } from "./parquet/stage-parquet.js";
import { defaultSource, earlierRun, hashFile, recordSettings, settingsKey } from "./repeat.js";
import { type ReadReject, STAGE_TABLE, truncate } from "./stage.js";
import { syncStoredVocabulary } from "./stored-vocabulary.js";
import { Vocabulary } from "./vocabulary.js";
import { checkWorkbookSize, sheetsToCsv } from "./xlsx/read-xlsx.js";

/**
 * Most memory DuckDB may use while ingesting, in MiB (1,800 MB): keeps a 10M-row file under
 * 3 GB peak RSS. Ingest takes the store's default limit (a share of the machine's memory) when
 * that is lower.
 */
const INGEST_MEMORY_MAX_MB = 1716;

export const FORMATS = ["csv", "tsv", "jsonl", "parquet", "xlsx"] as const;
export type Format = (typeof FORMATS)[number];

/** A run's counts: `read = loaded + duplicates + rejected`. */
export interface IngestResult extends SortCounts {
  runId: number;
  file: string;
  format: Format;
  source: string;
  sha256: string;
  parsePath: "fast" | "exact";
  read: number;
  seconds: number;
  /** The text encoding read (null for Parquet) and whether it was named or detected. */
  encoding: FileEncoding | null;
  /** Advice when the counts suggest the file was read wrongly (another encoding). */
  hint?: string;
  /** Set when the file was skipped: the run that already read these bytes with these settings
   * (`runId` is that run; the counts, all 0, are this call's). */
  repeatOf?: number;
}

export function detectFormat(file: string): Format {
  const name = file.toLowerCase().replace(/\.gz$/, "");
  if (name.endsWith(".csv")) return "csv";
  if (name.endsWith(".tsv") || name.endsWith(".tab")) return "tsv";
  if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return "jsonl";
  if (name.endsWith(".parquet") && !file.toLowerCase().endsWith(".gz")) return "parquet";
  if (name.endsWith(".xlsx") && !file.toLowerCase().endsWith(".gz")) return "xlsx";
  throw new AppError(
    "input",
    `${file}: unsupported file type; expected .csv, .tsv, .jsonl, .ndjson (each optionally .gz), .parquet or .xlsx`,
  );
}

export interface IngestOptions {
  source?: string;
  gazetteer?: Gazetteer;
  /** Limits on line length and decompression (default: `DEFAULT_LIMITS`). */
  limits?: InputLimits;
  /** Column renames and vocabulary values of a mapping file (`mapping.ts`). */
  mapping?: Mapping;
  /** How to read ambiguous slash dates such as 03/06/2019: day first (default) or month first. */
  dateOrder?: DateOrder;
  /** The file's text encoding (an iconv-lite name); detected when not given. */
  encoding?: string;
  /** Called with a phase name while work goes on, for progress display. */
  onPhase?: (phase: string) => void;
}

async function writeReadRejects(
  store: Store,
  runId: number,
  file: string,
  rejects: ReadReject[],
): Promise<void> {
  if (rejects.length === 0) return;
  const appender = await store.conn.createAppender("rejects");
  for (const r of rejects) {
    appender.appendBigInt(BigInt(runId));
    appender.appendVarchar(file);
    appender.appendBigInt(BigInt(r.line));
    for (const v of [r.column, r.value, r.reason, r.raw]) {
      if (v === null) appender.appendNull();
      else appender.appendVarchar(v);
    }
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}

/**
 * Runs the JS scan of a file beside DuckDB's read of it. A scan that fails (a compressed file
 * past its limits) interrupts DuckDB's read, which would otherwise decompress the whole file
 * on its own, and its error is the one reported.
 */
async function alongside<T>(store: Store, scan: Promise<FileScan>, read: Promise<T>) {
  const reading = read.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  try {
    const s = await scan;
    const r = await reading;
    if (!r.ok) throw r.error;
    return [s, r.value] as const;
  } catch (err) {
    store.conn.interrupt();
    await reading;
    throw err;
  }
}

/**
 * Gives the rejects that sorting found (bad values, not unreadable lines) their line as
 * written in the file: sorting only has the values stored, and a line rebuilt from them would
 * lose quoting, spacing and extra columns. Read through the scan's line index when there is
 * one, else in one pass over the file up to the last such line. (A record spanning lines
 * keeps its first line.)
 */
async function keepRawLines(
  store: Store,
  runId: number,
  file: string,
  limits: InputLimits,
  read: { readRejectLines: Set<number>; lineIndex: LineIndex | undefined },
): Promise<void> {
  const rows = await store.all<{ line: bigint }>(
    `SELECT DISTINCT line FROM rejects WHERE run_id = ${runId} AND line IS NOT NULL ORDER BY line`,
  );
  const wanted = rows.map((r) => Number(r.line)).filter((l) => !read.readRejectLines.has(l));
  if (wanted.length === 0) return;
  await store.run("CREATE OR REPLACE TEMP TABLE ingest_raw_lines (line BIGINT, raw VARCHAR)");
  const appender = await store.conn.createAppender("ingest_raw_lines", "main", "temp");
  for await (const l of readChosenLines(file, wanted, limits, read.lineIndex)) {
    appender.appendBigInt(BigInt(l.number));
    appender.appendVarchar(truncate(l.bytes.toString("utf8")));
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
  await store.run(`UPDATE rejects SET raw = f.raw FROM temp.ingest_raw_lines f
    WHERE rejects.run_id = ${runId} AND rejects.line = f.line`);
  await store.run("DROP TABLE temp.ingest_raw_lines");
}

async function countRun(store: Store, runId: number): Promise<number> {
  const [n] = await store.all<{ n: bigint }>(
    `SELECT count(*) AS n FROM records WHERE run_id = ${runId}`,
  );
  return Number(n?.n ?? 0);
}

type InsertOptions = Omit<Parameters<typeof insertRecords>[2], "hasLine">;

/** DuckDB's reader gave up on the file as a whole (a state it cannot parse from): the first
 * transaction is then aborted, and the file is read again on the exact path alone. */
class FastPathFailed extends Error {}

interface ReadContext {
  path: string;
  fmt: Format;
  header: ColumnMap | undefined;
  csv: CsvOptions;
  insertOpts: InsertOptions;
  /** Read the CSV line by line from the start (after DuckDB's reader gave up on it). */
  exactOnly: boolean;
  /** Told the scan (hash, line count) as soon as it is done, before any later failure. */
  onScan: (scan: FileScan) => void;
}

interface ReadOutcome {
  readRejects: ReadReject[];
  parsePath: "fast" | "exact";
  /** Set when rows still need their line numbers (read by DuckDB, in file order). */
  firstLine: number | null;
  /** Lines DuckDB's rows skip: those it could not read (read by the exact path instead). */
  skippedLines: number[];
}

async function insertStaged(store: Store, insertOpts: InsertOptions): Promise<void> {
  await insertRecords(store, `SELECT * FROM temp.${STAGE_TABLE}`, { ...insertOpts, hasLine: true });
}

/**
 * CSV: DuckDB's parallel reader (the fast path). When every data line came out as one row or
 * as one line it could not read, those few lines go through the exact path alone; when the
 * counts disagree otherwise (blank lines, NUL bytes, records spanning lines, a quote left
 * open), the whole file goes line by line through the exact path.
 */
async function readCsvRows(
  store: Store,
  ctx: ReadContext,
  header: ColumnMap,
): Promise<ReadOutcome> {
  const { path, csv, insertOpts } = ctx;
  const exact = async (): Promise<ReadOutcome> => {
    const { readRejects } = await stageCsvExact(store, path, header, csv);
    await insertStaged(store, insertOpts);
    return { readRejects, parsePath: "exact", firstLine: null, skippedLines: [] };
  };
  // The hash-and-count pass runs in JS while DuckDB reads the file on its own threads. Ids in
  // the first column are followed for order by the same pass: ids that only grow cannot
  // repeat within the file (sortRun then skips that check).
  const scan = scanFile(
    path,
    true,
    header.contract[0] === "record_id" ? csv.delimiter : undefined,
    csv.limits,
  );
  if (ctx.exactOnly) {
    ctx.onScan(await scan);
    return exact();
  }
  const read = insertRecords(store, csvRelation(path, header, csv), {
    ...insertOpts,
    hasLine: false,
  }).catch((err: Error) => {
    throw /^Invalid Input Error/.test(err.message) ? new FastPathFailed(err.message) : err;
  });
  const [s] = await alongside(store, scan, read);
  ctx.onScan(s);
  const unread = await fastPathRejects(store);
  const oneRowALine =
    unread !== null &&
    !s.blankLines &&
    !s.nulBytes &&
    (await countRun(store, insertOpts.runId)) + unread.length === s.dataLines;
  if (oneRowALine && unread?.length === 0)
    return { readRejects: [], parsePath: "fast", firstLine: 2, skippedLines: [] };
  const leftovers =
    oneRowALine && unread && s.lineIndex
      ? await stageUnreadLines(store, path, unread, s.lineIndex, header, csv)
      : null;
  if (leftovers && unread) {
    await insertStaged(store, insertOpts);
    const skippedLines = unread.map((u) => u.line);
    return { readRejects: leftovers.readRejects, parsePath: "fast", firstLine: 2, skippedLines };
  }
  // Start over line by line. (The delete makes this transaction's commit slower; the exact
  // path over a whole file is the rare one.)
  await store.run(`DELETE FROM records WHERE run_id = ${insertOpts.runId}`);
  return exact();
}

/**
 * Step 2: the file's rows into `records`, in file order: CSV as `readCsvRows` says; JSON Lines
 * always the exact path; Parquet DuckDB's reader.
 */
async function readRows(store: Store, ctx: ReadContext): Promise<ReadOutcome> {
  const { path, header, csv, insertOpts } = ctx;
  if (header) return readCsvRows(store, ctx, header);
  ctx.onScan(await scanFile(path, false));
  if (ctx.fmt === "jsonl") {
    const { readRejects } = await stageJsonl(store, path, csv.limits, csv.renames);
    await insertStaged(store, insertOpts);
    return { readRejects, parsePath: "exact", firstLine: null, skippedLines: [] };
  }
  await insertRecords(store, await parquetRelation(store, path, csv.renames), {
    ...insertOpts,
    hasLine: false,
  });
  return { readRejects: [], parsePath: "fast", firstLine: 1, skippedLines: [] };
}

/**
 * Step 1–2 as one transaction: the run opened, the stored vocabularies widened, the rows
 * appended and the rows that could not be read recorded as rejects.
 */
async function appendRun(
  store: Store,
  run: { runId: number; file: string; bytes: number | undefined; source: string; started: number },
  ctx: ReadContext & { vocab: Vocabulary; onPhase: IngestOptions["onPhase"] },
) {
  return store.transaction(async () => {
    await store.run(
      `INSERT INTO ingest_runs (run_id, file, file_bytes, format, source, started_at, status)
       VALUES (?, ?, ?, ?, ?, to_timestamp(? / 1000.0), 'running')`,
      [run.runId, run.file, run.bytes ?? null, ctx.fmt, run.source, run.started],
    );
    await syncStoredVocabulary(store, ctx.vocab);
    await createLookups(store, ctx.vocab);
    ctx.onPhase?.("reading");
    let scan: FileScan | undefined;
    const read = await readRows(store, {
      ...ctx,
      onScan: (s) => {
        scan = s;
        ctx.onScan(s);
      },
    });
    await store.run(`DROP TABLE IF EXISTS temp.${STAGE_TABLE}`);
    await writeReadRejects(store, run.runId, run.file, read.readRejects);
    await dropLookups(store);
    return {
      parsePath: read.parsePath,
      readRejects: read.readRejects.length,
      invalidUtf8: read.readRejects.filter((r) => r.reason.startsWith("invalid UTF-8")).length,
      readRejectLines: new Set(read.readRejects.map((r) => r.line)),
      firstLine: read.firstLine,
      skippedLines: read.skippedLines,
      lineIndex: scan?.lineIndex,
      idsIncreasing: read.parsePath === "fast" && (scan?.firstFieldIncreasing ?? false),
    };
  });
}

/**
 * Steps 3–5 on the committed rows: line numbers for rows DuckDB read, rejects and duplicates
 * out, the row accounting checked, and the run recorded as done.
 */
async function sortAndRecord(
  store: Store,
  loaded: {
    firstLine: number | null;
    skippedLines: number[];
    lineIndex: LineIndex | undefined;
    idsIncreasing: boolean;
    readRejects: number;
    readRejectLines: Set<number>;
    parsePath: "fast" | "exact";
    invalidUtf8: number;
  },
  run: {
    runId: number;
    file: string;
    path: string;
    fmt: Format;
    vocab: Vocabulary;
    timeZone: string;
    limits: InputLimits;
    sha256: string | null;
    onPhase: IngestOptions["onPhase"];
  },
) {
  const { runId, file } = run;
  // Rows DuckDB read itself have no line numbers yet; they were appended in file order.
  if (loaded.firstLine !== null)
    await numberLines(store, runId, loaded.firstLine, loaded.skippedLines);
  const staged = await countRun(store, runId);
  run.onPhase?.("normalising");
  const n = await sortRun(store, {
    runId,
    file,
    vocab: run.vocab,
    timeZone: run.timeZone,
    idsIncreasing: loaded.idsIncreasing,
    rawFromFile: run.fmt !== "parquet",
  });
  if (run.fmt !== "parquet" && n.rejected > 0)
    await keepRawLines(store, runId, run.path, run.limits, loaded);
  const rejected = n.rejected + loaded.readRejects;
  const read = n.loaded + n.duplicates + rejected;
  if (read !== staged + loaded.readRejects) {
    throw new AppError(
      "internal",
      `${file}: row accounting failed (read ${staged + loaded.readRejects}, sorted ${read}); nothing was loaded`,
    );
  }
  await store.run(
    `UPDATE ingest_runs SET finished_at = to_timestamp(? / 1000.0), status = 'done', file_sha256 = ?, read = ?, loaded = ?, duplicates = ?,
       rejected = ?, reexports = ?, warnings = ?, parse_path = ? WHERE run_id = ?`,
    [
      Date.now(),
      run.sha256,
      read,
      n.loaded,
      n.duplicates,
      rejected,
      n.reexports,
      n.warnings,
      loaded.parsePath,
      runId,
    ],
  );
  return { ...n, rejected, read, parsePath: loaded.parsePath, invalidUtf8: loaded.invalidUtf8 };
}

/**
 * Ingests `file`, reading it from `path`: the file itself, or its UTF-8 decoding (see
 * `ingestFile`). Runs, rejects and messages name `file`.
 */
async function ingestText(
  store: Store,
  file: string,
  path: string,
  /** Internal: the original's hash and size when `path` is a converted copy. */
  options: IngestOptions & { sha256?: string; format?: Format; statPath?: string },
): Promise<Omit<IngestResult, "encoding"> & { invalidUtf8: number }> {
  const started = Date.now();
  const source = options.source ?? defaultSource(file);
  const [{ id }] = (await store.all<{ id: bigint }>("SELECT nextval('run_id_seq') AS id")) as [
    { id: bigint },
  ];
  const runId = Number(id);
  let format: Format | undefined;
  let bytes: number | undefined;
  let scan: FileScan | undefined;
  let committedRows = false;
  try {
    format = options.format ?? detectFormat(file);
    bytes = inputBytes(file, options.statPath ?? file);
    const fmt = format;
    const { timeZone, csv, header, vocab } = await readSettings(path, fmt, options);
    const limits = csv.limits;
    const insertOpts = {
      runId,
      defaultSource: source,
      timeZone,
      vocab,
      dateOrder: options.dateOrder ?? "dmy",
    };

    // Two transactions. The first only appends the file's rows (a clean bulk append: DuckDB
    // writes and compresses it on all threads as it goes). The second sorts them — line
    // numbers, rejects and duplicates out, re-exports linked — on committed rows: a delete or
    // update among a transaction's own appended rows makes DuckDB re-append every row at
    // COMMIT on one thread (30 s of a 10M-row file). Between the two the run is 'running';
    // a store opened after a crash there drops that run's rows (src/db/recover.ts).
    const run = { runId, file, bytes, source, started };
    const ctx = {
      path,
      fmt,
      header,
      csv,
      insertOpts,
      vocab,
      exactOnly: false,
      onPhase: options.onPhase,
      onScan: (s: FileScan) => {
        scan = s;
      },
    };
    const loaded = await appendRun(store, run, ctx).catch((err: unknown) => {
      if (err instanceof FastPathFailed) return appendRun(store, run, { ...ctx, exactOnly: true });
      throw err;
    });
    committedRows = true;
    const counts = await store.transaction(() =>
      sortAndRecord(store, loaded, {
        runId,
        file,
        path,
        fmt,
        vocab,
        timeZone,
        limits,
        sha256: options.sha256 ?? scan?.sha256 ?? null,
        onPhase: options.onPhase,
      }),
    );
    return {
      runId,
      file,
      format: fmt,
      source,
      sha256: options.sha256 ?? scan?.sha256 ?? "",
      seconds: (Date.now() - started) / 1000,
      ...counts,
    };
  } catch (err) {
    const message = (
      err instanceof AppError ? err.message : `${file}: ${(err as Error).message}`
    ).replaceAll(path, file);
    if (committedRows) await discardRun(store, runId);
    await store.run(
      `INSERT OR REPLACE INTO ingest_runs (run_id, file, file_sha256, file_bytes, format, source, started_at, finished_at, status, error)
       VALUES (?, ?, ?, ?, ?, ?, to_timestamp(? / 1000.0), now(), 'failed', ?)`,
      [
        runId,
        file,
        options.sha256 ?? scan?.sha256 ?? null,
        bytes ?? null,
        format ?? null,
        source,
        started,
        message,
      ],
    );
    if (err instanceof AppError && message === err.message) throw err;
    throw new AppError(err instanceof AppError ? err.code : "input", message, { cause: err });
  }
}

/** The size of the file to read (`statPath`), refused when it is not a non-empty regular file. */
function inputBytes(file: string, statPath: string): number {
  let bytes: number;
  try {
    const st = statSync(statPath);
    if (!st.isFile()) throw new Error("not a regular file");
    bytes = st.size;
  } catch (err) {
    throw new AppError("input", `cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
  if (bytes === 0)
    throw new AppError("input", `${file} is empty: expected a header row naming the columns`);
  return bytes;
}

/** How to read and normalise one file: its time zone, CSV settings, header and vocabulary. */
async function readSettings(path: string, fmt: Format, options: IngestOptions) {
  const gazetteer = options.gazetteer ?? loadGazetteer();
  const zones = [...new Set(gazetteer.ports.map((p) => p.time_zone).filter(Boolean))];
  // Every China–DPRK crossing is on China Standard Time; a gazetteer with several zones
  // would need a per-row zone, which this ingest does not do.
  const timeZone = zones.length === 1 ? (zones[0] as string) : "Asia/Shanghai";
  const delimiter = fmt === "tsv" ? "\t" : ",";
  const limits = options.limits ?? DEFAULT_LIMITS;
  const renames = options.mapping?.columns;
  const csv = { delimiter, limits, renames } as const;
  const header = fmt === "csv" || fmt === "tsv" ? await readCsvHeader(path, csv) : undefined;
  return { timeZone, csv, header, vocab: new Vocabulary(gazetteer, options.mapping?.values) };
}

/**
 * Ingests one file as one run, unless a completed run already read the same bytes with the same
 * settings (`repeat.ts`): then nothing is read and the result names that run.
 */
export async function ingestFile(
  store: Store,
  file: string,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const started = Date.now();
  const settings = settingsKey(file, options);
  const earlier = existsSync(file) ? await earlierRun(store, file, settings) : null;
  if (earlier) {
    const none = { read: 0, loaded: 0, duplicates: 0, rejected: 0, reexports: 0, warnings: 0 };
    return {
      ...none,
      runId: earlier.runId,
      repeatOf: earlier.runId,
      file,
      format: detectFormat(file),
      source: options.source ?? defaultSource(file),
      sha256: earlier.sha256,
      parsePath: "fast",
      unknownPorts: [],
      encoding: null,
      seconds: (Date.now() - started) / 1000,
    };
  }
  const r = await withIngestMemory(store, () => readFileAsRun(store, file, options));
  await recordSettings(store, r.runId, settings);
  return r;
}

/**
 * Runs `fn` under ingest's memory cap: the store's default limit or INGEST_MEMORY_MAX_MB,
 * whichever is lower, put back afterwards (a server's store outlives the ingest). A limit the
 * store was opened with (`--memory`, SOJOURN_MEMORY_LIMIT) is kept as it is.
 */
async function withIngestMemory<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  if (store.memoryLimit !== undefined) return fn();
  const mb = Math.min(defaultMemoryLimitMb(), INGEST_MEMORY_MAX_MB);
  await store.run(`SET memory_limit = '${mb}MiB'`);
  return store.withCleanup(fn, `SET memory_limit = '${defaultMemoryLimitMb()}MiB'`);
}

/**
 * Reads one file as one run. A text file in an encoding other than UTF-8 (named, or detected
 * from its first bytes) is decoded to a temporary UTF-8 copy first, so every reader and both CSV
 * paths see UTF-8; the run still records the file's own name, size and SHA-256.
 */
async function readFileAsRun(
  store: Store,
  file: string,
  options: IngestOptions,
): Promise<IngestResult> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  let encoding: FileEncoding | null = null;
  let format: Format | undefined;
  try {
    format = detectFormat(file);
  } catch {
    // ingestText records the run as failed with the same message.
  }
  const readable = (() => {
    try {
      const st = statSync(file);
      return st.isFile() && st.size > 0;
    } catch {
      return false;
    }
  })();
  if (format === "xlsx")
    throw new AppError("internal", `${file}: a workbook is ingested by ingestWorkbook`);
  if (format && format !== "parquet" && readable)
    encoding = await settleEncoding(file, options.encoding, limits);
  if (!encoding || isUtf8(encoding)) {
    const r = await ingestText(store, file, file, options);
    const hint = r.invalidUtf8 > 0 ? await misdecodedHint(file, r.invalidUtf8, r.read) : undefined;
    return { ...r, encoding, ...(hint ? { hint } : {}) };
  }
  const dir = mkdtempSync(join(tmpdir(), "sojourn-decoded-"));
  const path = join(dir, `decoded.${format === "jsonl" ? "jsonl" : "csv"}`);
  try {
    await decodeToUtf8(file, encoding, limits, path);
    const sha256 = await hashFile(file);
    const r = await ingestText(store, file, path, { ...options, sha256, format });
    return { ...r, encoding };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Ingests an Excel workbook: every sheet, or the one named, as its own run (named
 * `book.xlsx#Sheet`), each read as the CSV its cells make (`xlsx/read-xlsx.ts`).
 */
export async function ingestWorkbook(
  store: Store,
  file: string,
  options: IngestOptions & { sheet?: string } = {},
): Promise<IngestResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "sojourn-xlsx-"));
  try {
    checkWorkbookSize(file, options.limits ?? DEFAULT_LIMITS);
    const sheets = await sheetsToCsv(file, dir, options.sheet);
    const sha256 = await hashFile(file);
    const source = options.source ?? basename(file).replace(/\.xlsx$/i, "");
    const results: IngestResult[] = [];
    for (const s of sheets) {
      const r = await ingestText(store, `${file}#${s.sheet}`, s.path, {
        ...options,
        source,
        sha256,
        format: "csv",
        statPath: file,
      });
      results.push({ ...r, format: "xlsx", encoding: null });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
