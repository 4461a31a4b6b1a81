/**
 * Ingests one file as one run: checks its columns, stages its rows, normalises them and
 * commits — all in one transaction, so a crash or a kill leaves the store as it was before
 * the file, and the rerun starts clean. A file that cannot be read at all is recorded as a
 * failed run and nothing from it is loaded.
 */
import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { basename } from "node:path";
import { AppError } from "../core/errors.js";
import type { Store } from "../db/store.js";
import { type Gazetteer, loadGazetteer } from "../gazetteer/load-gazetteer.js";
import { readCsvHeader, stageCsv } from "./csv/stage-csv.js";
import { stageJsonl } from "./jsonl/stage-jsonl.js";
import { normalizeStage } from "./normalize.js";
import { stageParquet } from "./parquet/stage-parquet.js";
import type { StageResult } from "./stage.js";
import { Vocabulary } from "./vocabulary.js";

export const FORMATS = ["csv", "tsv", "jsonl", "parquet"] as const;
export type Format = (typeof FORMATS)[number];

export interface IngestResult {
  runId: number;
  file: string;
  format: Format;
  source: string;
  sha256: string;
  parsePath: "fast" | "exact";
  read: number;
  loaded: number;
  duplicates: number;
  rejected: number;
  reexports: number;
  warnings: number;
  unknownPorts: { port: string; records: number }[];
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

async function sha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export interface IngestOptions {
  source?: string;
  gazetteer?: Gazetteer;
  /** Called with a phase name while work goes on, for progress display. */
  onPhase?: (phase: string) => void;
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
  let digest: string | undefined;
  let bytes: number | undefined;
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
    options.onPhase?.("hashing");
    digest = await sha256(file);
    const fmt = format;
    const gazetteer = options.gazetteer ?? loadGazetteer();
    const zones = [...new Set(gazetteer.ports.map((p) => p.time_zone).filter(Boolean))];
    const timeZone = zones.length === 1 ? (zones[0] as string) : "Asia/Shanghai";
    const header =
      fmt === "csv" || fmt === "tsv"
        ? await readCsvHeader(file, { delimiter: fmt === "tsv" ? "\t" : "," })
        : undefined;

    const counts = await store.transaction(async () => {
      await store.run(
        `INSERT INTO ingest_runs (run_id, file, file_sha256, file_bytes, format, source, started_at, status, parse_path)
         VALUES (?, ?, ?, ?, ?, ?, to_timestamp(? / 1000.0), 'running', NULL)`,
        [runId, file, digest ?? null, bytes ?? null, fmt, source, started],
      );
      options.onPhase?.("reading");
      let staged: StageResult;
      if (header)
        staged = await stageCsv(store, file, header, { delimiter: fmt === "tsv" ? "\t" : "," });
      else if (fmt === "jsonl") staged = await stageJsonl(store, file);
      else staged = await stageParquet(store, file);
      if (staged.readRejects.length > 0) {
        const appender = await store.conn.createAppender("rejects");
        for (const r of staged.readRejects) {
          appender.appendBigInt(BigInt(runId));
          appender.appendVarchar(file);
          appender.appendBigInt(BigInt(r.line));
          if (r.column === null) appender.appendNull();
          else appender.appendVarchar(r.column);
          if (r.value === null) appender.appendNull();
          else appender.appendVarchar(r.value);
          appender.appendVarchar(r.reason);
          if (r.raw === null) appender.appendNull();
          else appender.appendVarchar(r.raw);
          appender.endRow();
        }
        appender.flushSync();
        appender.closeSync();
      }
      options.onPhase?.("normalising");
      const n = await normalizeStage(store, {
        runId,
        file,
        defaultSource: source,
        timeZone,
        vocab: new Vocabulary(gazetteer),
      });
      const rejected = n.rejected + staged.readRejects.length;
      const read = n.loaded + n.duplicates + rejected;
      if (read !== staged.staged) {
        throw new AppError(
          "internal",
          `${file}: row accounting failed (read ${staged.staged}, sorted ${read}); nothing was loaded`,
        );
      }
      await store.run(
        `UPDATE ingest_runs SET finished_at = now(), status = 'done', read = ?, loaded = ?, duplicates = ?, rejected = ?,
           reexports = ?, warnings = ?, parse_path = ? WHERE run_id = ?`,
        [read, n.loaded, n.duplicates, rejected, n.reexports, n.warnings, staged.parsePath, runId],
      );
      await store.run("DROP TABLE IF EXISTS temp.ingest_stage");
      return { ...n, rejected, read, parsePath: staged.parsePath };
    });
    return {
      runId,
      file,
      format: fmt,
      source,
      sha256: digest,
      seconds: (Date.now() - started) / 1000,
      ...counts,
    };
  } catch (err) {
    const message = err instanceof AppError ? err.message : `${file}: ${(err as Error).message}`;
    await store.run(
      `INSERT INTO ingest_runs (run_id, file, file_sha256, file_bytes, format, source, started_at, finished_at, status, error)
       VALUES (?, ?, ?, ?, ?, ?, to_timestamp(? / 1000.0), now(), 'failed', ?)`,
      [runId, file, digest ?? null, bytes ?? null, format ?? null, source, started, message],
    );
    if (err instanceof AppError) throw err;
    throw new AppError("input", message, { cause: err });
  }
}
