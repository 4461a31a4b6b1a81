/**
 * `sojourn export <kind> --format jsonl|csv|parquet|ftm --out FILE`: the contract formats are
 * written by DuckDB COPY from the kind's query (./kinds.ts); `ftm` writes FollowTheMoney
 * entities instead (./write-ftm.ts). CSV cells that start like a formula are neutralised
 * (src/core/csv-cell.ts). The file is written beside `out` and renamed when complete.
 */
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { csvCellSql } from "../core/csv-cell.js";
import { AppError } from "../core/errors.js";
import { type Store, sqlString } from "../db/store.js";
import type { ExportKind, PersonRange } from "./kinds.js";
import { checkOutputPath } from "./output-file.js";
import {
  FTM_KINDS,
  type FtmExportOptions,
  type FtmExportResult,
  type FtmKind,
  writeFtmExport,
} from "./write-ftm.js";

export const EXPORT_FORMATS = ["jsonl", "csv", "parquet", "ftm"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportOptions = FtmExportOptions & {
  /** Rows of the kind's `batchedBy` table per batch (default EXPORT_BATCH_ROWS). */
  batchRows?: number;
};

/**
 * Rows of a kind's `batchedBy` table (person_records, stays) per batch of persons: a store with
 * more is exported a range of person_id at a time, so that grouping every person's records
 * (persons' record_ids, in the order of their crossings) or sorting every stay is never done over
 * the whole store at once: at 96M records, under DuckDB's default limit of 80 % of RAM, the
 * persons export ran out of memory in one piece. Grouping a batch of persons' records takes
 * about 120 bytes a record (0.5 GB here), within the default limit of an 8 GiB machine (880 MiB).
 */
const EXPORT_BATCH_ROWS = 4_000_000;

/** Rows written; FtM also gives the entity lines written, and per schema. */
export type ExportResult = Pick<FtmExportResult, "rows"> & Partial<FtmExportResult>;

/** `--format`, else from the file name (`.ftm.json` is OpenSanctions' name for FtM lines). */
export function exportFormatOf(out: string, format: string | undefined): ExportFormat {
  const f =
    format ??
    (/\.parquet$/i.test(out)
      ? "parquet"
      : /\.csv$/i.test(out)
        ? "csv"
        : /\.ftm(\.jsonl?)?$/i.test(out)
          ? "ftm"
          : "jsonl");
  if (!(EXPORT_FORMATS as readonly string[]).includes(f))
    throw new AppError("usage", `--format ${f}: expected one of ${EXPORT_FORMATS.join(", ")}`);
  return f as ExportFormat;
}

/** CSV has no lists: list columns become JSON arrays; text cells are neutralised. */
async function csvSelect(store: Store, sql: string): Promise<string> {
  const cols = await store.all<{ column_name: string; column_type: string }>(`DESCRIBE (${sql})`);
  const select = cols
    .map((c) => {
      const col = `"${c.column_name}"`;
      if (c.column_type.endsWith("[]")) return `to_json(${col}) AS ${col}`;
      if (c.column_type === "VARCHAR") return `${csvCellSql(col)} AS ${col}`;
      return col;
    })
    .join(", ");
  return `SELECT ${select} FROM (${sql})`;
}

const COPY_OPTIONS: Record<Exclude<ExportFormat, "ftm">, string> = {
  parquet: "FORMAT parquet",
  csv: "FORMAT csv, HEADER true",
  jsonl: "FORMAT json",
};

/** Writes one export; returns the number of rows written (and entities, for FtM). */
export async function writeExport(
  store: Store,
  kind: ExportKind,
  format: ExportFormat,
  out: string,
  options: ExportOptions = {},
): Promise<ExportResult> {
  if (format === "ftm") {
    if (!(FTM_KINDS as readonly string[]).includes(kind.name))
      throw new AppError("usage", `--format ftm: no FtM mapping for ${kind.name}`);
    return writeFtmExport(store, kind.name as FtmKind, out, options);
  }
  const path = checkOutputPath(out, options);
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.partial`);
  let rows: number;
  try {
    rows = await copyInBatches(store, kind, format, tmp, options);
    checkOutputPath(out, options);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    if (err instanceof AppError) throw err;
    const message = (err as Error).message.split("\n")[0]?.replaceAll(tmp, out);
    throw new AppError("input", `cannot write ${out}: ${message}`, { cause: err });
  }
  return { rows };
}

/**
 * Writes the kind's rows to `file` by DuckDB COPY, which streams them to the file as it makes
 * them and spills its sorts past the memory limit; returns the rows written. A store larger than
 * one batch (EXPORT_BATCH_ROWS) is written a range of persons at a time to Parquet parts beside
 * `file` (removed afterwards), which one last COPY reads in order into `file`.
 */
async function copyInBatches(
  store: Store,
  kind: ExportKind,
  format: Exclude<ExportFormat, "ftm">,
  file: string,
  options: ExportOptions,
): Promise<number> {
  const unmask = !!options.unmask;
  const ranges = await personRanges(store, kind, options.batchRows ?? EXPORT_BATCH_ROWS);
  const write = async (sql: string) =>
    copyTo(store, format === "csv" ? await csvSelect(store, sql) : sql, file, format);
  if (ranges.length === 1) return write(kind.query({ unmask }));
  const parts = `${file}.parts`;
  await mkdir(parts, { recursive: true });
  try {
    const files: string[] = [];
    for (const [i, persons] of ranges.entries()) {
      files.push(join(parts, `${i}.parquet`));
      await copyTo(store, kind.query({ unmask, persons }), files[i] as string, "parquet");
    }
    return await write(`SELECT * FROM read_parquet([${files.map(sqlString).join(", ")}])`);
  } finally {
    await rm(parts, { recursive: true, force: true });
  }
}

/** COPY of `sql` to `file` in `format`; the rows written. */
async function copyTo(
  store: Store,
  sql: string,
  file: string,
  format: Exclude<ExportFormat, "ftm">,
): Promise<number> {
  const [row] = await store.all<{ Count: bigint }>(
    `COPY (${sql}) TO ${sqlString(file)} (${COPY_OPTIONS[format]})`,
  );
  return Number(row?.Count ?? 0);
}

/**
 * The ranges of person_id an export is written in, in order: one (the whole store) unless the
 * kind's `batchedBy` table has more than `batchRows` rows; else that many batches' worth of
 * persons each, bounded by quantiles of person_id.
 */
async function personRanges(
  store: Store,
  kind: ExportKind,
  batchRows: number,
): Promise<(PersonRange | undefined)[]> {
  if (!kind.batchedBy) return [undefined];
  const [count] = await store.json<{ n: number }>(`SELECT count(*) AS n FROM ${kind.batchedBy}`);
  const batches = Math.ceil((count?.n ?? 0) / batchRows);
  if (batches <= 1) return [undefined];
  const quantiles = Array.from({ length: batches - 1 }, (_, i) => (i + 1) / batches);
  const [row] = await store.json<{ b: string[] | null }>(
    `SELECT quantile_disc(person_id, [${quantiles.join(", ")}]) AS b FROM persons`,
  );
  const bounds = [...new Set(row?.b ?? [])];
  return [undefined, ...bounds].map((from, i) => ({
    ...(from === undefined ? {} : { from }),
    ...(bounds[i] === undefined ? {} : { to: bounds[i] }),
  }));
}
