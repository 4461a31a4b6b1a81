/**
 * Ingests one file as one run: checks its columns, appends its rows normalised, then sorts
 * them (rejects and duplicates out, re-exports linked). A crash or a kill leaves the store as
 * it was before the file — the first transaction rolls back, or the next open of the store
 * drops a run that never finished (src/db/recover.ts) — and the rerun starts clean. A file
 * that cannot be read at all is recorded as a failed run and nothing from it is loaded.
 */
import { statSync } from "node:fs";
import { basename } from "node:path";
import { AppError } from "../core/errors.js";
import { discardRun } from "../db/recover.js";
import { type Store, sqlString } from "../db/store.js";
import { type Gazetteer, loadGazetteer } from "../gazetteer/load-gazetteer.js";
import { csvRelation, fastPathRejects, readCsvHeader, stageCsvExact } from "./csv/stage-csv.js";
import { stageJsonl } from "./jsonl/stage-jsonl.js";
import { DEFAULT_LIMITS, type FileScan, type InputLimits, scanFile } from "./lines.js";
import {
  createLookups,
  dropLookups,
  insertRecords,
  numberLines,
  type SortCounts,
  sortRun,
} from "./normalize.js";
import { parquetRelation } from "./parquet/stage-parquet.js";
import { type ReadReject, STAGE_TABLE } from "./stage.js";
import { syncStoredVocabulary } from "./stored-vocabulary.js";
import { Vocabulary } from "./vocabulary.js";

/** Memory DuckDB may use while ingesting; keeps a 10M-row file under 3 GB peak RSS. */
export const INGEST_MEMORY_LIMIT = "1800MB";

export const FORMATS = ["csv", "tsv", "jsonl", "parquet"] as const;
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
}

export function detectFormat(file: string): Format {
  const name = file.toLowerCase().replace(/\.gz$/, "");
  if (name.endsWith(".csv")) return "csv";
  if (name.endsWith(".tsv") || name.endsWith(".tab")) return "tsv";
  if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return "jsonl";
  if (name.endsWith(".parquet") && !file.toLowerCase().endsWith(".gz")) return "parquet";
  throw new AppError(
    "input",
    `${file}: unsupported file type; expected .csv, .tsv, .jsonl, .ndjson (each optionally .gz) or .parquet`,
  );
}

export interface IngestOptions {
  source?: string;
  gazetteer?: Gazetteer;
  /** Limits on line length and decompression (default: `DEFAULT_LIMITS`). */
  limits?: InputLimits;
  /** Called with a phase name while work goes on, for progress display. */
  onPhase?: (phase: string) => void;
  /**
   * DuckDB's memory cap while ingesting (default INGEST_MEMORY_LIMIT); `null` keeps the store's
   * own, as when the store was opened with SOJOURN_MEMORY_LIMIT.
   */
  memoryLimit?: string | null;
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

async function countRun(store: Store, runId: number): Promise<number> {
  const [n] = await store.all<{ n: bigint }>(
    `SELECT count(*) AS n FROM records WHERE run_id = ${runId}`,
  );
  return Number(n?.n ?? 0);
}

export async function ingestFile(
  store: Store,
  file: string,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const started = Date.now();
  const source =
    options.source ??
    basename(file)
      .replace(/\.gz$/i, "")
      .replace(/\.[^.]+$/, "");
  const [{ id }] = (await store.all<{ id: bigint }>("SELECT nextval('run_id_seq') AS id")) as [
    { id: bigint },
  ];
  const runId = Number(id);
  let format: Format | undefined;
  let bytes: number | undefined;
  let scan: FileScan | undefined;
  let committedRows = false;
  try {
    format = detectFormat(file);
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error("not a regular file");
      bytes = st.size;
    } catch (err) {
      throw new AppError("input", `cannot read ${file}: ${(err as Error).message}`, { cause: err });
    }
    if (bytes === 0)
      throw new AppError("input", `${file} is empty: expected a header row naming the columns`);
    const fmt = format;
    const gazetteer = options.gazetteer ?? loadGazetteer();
    const zones = [...new Set(gazetteer.ports.map((p) => p.time_zone).filter(Boolean))];
    // Every China–DPRK crossing is on China Standard Time; a gazetteer with several zones
    // would need a per-row zone, which this ingest does not do yet.
    const timeZone = zones.length === 1 ? (zones[0] as string) : "Asia/Shanghai";
    const delimiter = fmt === "tsv" ? "\t" : ",";
    const limits = options.limits ?? DEFAULT_LIMITS;
    const csv = { delimiter, limits } as const;
    const header = fmt === "csv" || fmt === "tsv" ? await readCsvHeader(file, csv) : undefined;
    const vocab = new Vocabulary(gazetteer);
    const insertOpts = { runId, defaultSource: source, timeZone, vocab };

    // DuckDB's default (80% of RAM) lets a 10M-row file's transaction grow past 3 GB; with a
    // cap it spills to disk instead.
    const memoryLimit =
      options.memoryLimit === undefined ? INGEST_MEMORY_LIMIT : options.memoryLimit;
    if (memoryLimit !== null) await store.run(`SET memory_limit = ${sqlString(memoryLimit)}`);
    // Two transactions. The first only appends the file's rows (a clean bulk append: DuckDB
    // writes and compresses it on all threads as it goes). The second sorts them — line
    // numbers, rejects and duplicates out, re-exports linked — on committed rows: a delete or
    // update among a transaction's own appended rows makes DuckDB re-append every row at
    // COMMIT on one thread (30 s of a 10M-row file). Between the two the run is 'running';
    // a store opened after a crash there drops that run's rows (src/db/recover.ts).
    const loaded = await store.transaction(async () => {
      await store.run(
        `INSERT INTO ingest_runs (run_id, file, file_bytes, format, source, started_at, status)
         VALUES (?, ?, ?, ?, ?, to_timestamp(? / 1000.0), 'running')`,
        [runId, file, bytes ?? null, fmt, source, started],
      );
      await syncStoredVocabulary(store, vocab);
      await createLookups(store, vocab);
      options.onPhase?.("reading");
      let readRejects: ReadReject[] = [];
      let parsePath: "fast" | "exact" = "fast";
      let firstLine: number | null = null;
      if (header) {
        // The hash-and-count pass runs in JS while DuckDB reads the file on its own threads.
        // Ids in the first column are followed for order by the same pass: ids that only
        // grow cannot repeat within the file (sortRun then skips that check).
        const [s] = await alongside(
          store,
          scanFile(file, true, header.contract[0] === "record_id" ? delimiter : undefined, limits),
          insertRecords(store, csvRelation(file, header, csv), { ...insertOpts, hasLine: false }),
        );
        scan = s;
        const unreadable = await fastPathRejects(store);
        if (unreadable === 0 && !s.blankLines && (await countRun(store, runId)) === s.dataLines) {
          firstLine = 2;
        } else {
          // Something on the fast path was off: start over line by line, exactly. (The
          // delete makes this transaction's commit slower; the exact path is the rare one.)
          await store.run(`DELETE FROM records WHERE run_id = ${runId}`);
          parsePath = "exact";
          readRejects = (await stageCsvExact(store, file, header, csv)).readRejects;
          await insertRecords(store, `SELECT * FROM temp.${STAGE_TABLE}`, {
            ...insertOpts,
            hasLine: true,
          });
        }
      } else if (fmt === "jsonl") {
        parsePath = "exact";
        scan = await scanFile(file, false);
        readRejects = (await stageJsonl(store, file, limits)).readRejects;
        await insertRecords(store, `SELECT * FROM temp.${STAGE_TABLE}`, {
          ...insertOpts,
          hasLine: true,
        });
      } else {
        scan = await scanFile(file, false);
        await insertRecords(store, await parquetRelation(store, file), {
          ...insertOpts,
          hasLine: false,
        });
        firstLine = 1;
      }
      await store.run(`DROP TABLE IF EXISTS temp.${STAGE_TABLE}`);
      await writeReadRejects(store, runId, file, readRejects);
      await dropLookups(store);
      return {
        parsePath,
        readRejects: readRejects.length,
        firstLine,
        idsIncreasing: parsePath === "fast" && (scan?.firstFieldIncreasing ?? false),
      };
    });
    committedRows = true;
    const counts = await store.transaction(async () => {
      // Rows DuckDB read itself have no line numbers yet; they were appended in file order.
      if (loaded.firstLine !== null) await numberLines(store, runId, loaded.firstLine);
      const staged = await countRun(store, runId);
      options.onPhase?.("normalising");
      const n = await sortRun(store, {
        runId,
        file,
        vocab,
        timeZone,
        idsIncreasing: loaded.idsIncreasing,
      });
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
          scan?.sha256 ?? null,
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
      return { ...n, rejected, read, parsePath: loaded.parsePath };
    });
    return {
      runId,
      file,
      format: fmt,
      source,
      sha256: scan?.sha256 ?? "",
      seconds: (Date.now() - started) / 1000,
      ...counts,
    };
  } catch (err) {
    const message = err instanceof AppError ? err.message : `${file}: ${(err as Error).message}`;
    if (committedRows) await discardRun(store, runId);
    await store.run(
      `INSERT OR REPLACE INTO ingest_runs (run_id, file, file_sha256, file_bytes, format, source, started_at, finished_at, status, error)
       VALUES (?, ?, ?, ?, ?, ?, to_timestamp(? / 1000.0), now(), 'failed', ?)`,
      [runId, file, scan?.sha256 ?? null, bytes ?? null, format ?? null, source, started, message],
    );
    if (err instanceof AppError) throw err;
    throw new AppError("input", message, { cause: err });
  }
}
