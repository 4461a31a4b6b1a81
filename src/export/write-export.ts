/**
 * `sojourn export <kind> --format jsonl|csv|parquet|ftm --out FILE`: the contract formats are
 * written by DuckDB COPY from the kind's query (./kinds.ts); `ftm` writes FollowTheMoney
 * entities instead (./write-ftm.ts). CSV cells that start like a formula are neutralised
 * (src/core/csv-cell.ts). The file is written beside `out` and renamed when complete.
 */
import { randomBytes } from "node:crypto";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { csvCellSql } from "../core/csv-cell.js";
import { AppError } from "../core/errors.js";
import { type Store, sqlString } from "../db/store.js";
import type { ExportKind } from "./kinds.js";
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

export type ExportOptions = FtmExportOptions;

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
  let sql = kind.query({ unmask: !!options.unmask });
  if (format === "csv") sql = await csvSelect(store, sql);
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.partial`);
  try {
    await store.run(`COPY (${sql}) TO ${sqlString(tmp)} (${COPY_OPTIONS[format]})`);
    checkOutputPath(out, options);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    if (err instanceof AppError) throw err;
    const message = (err as Error).message.split("\n")[0]?.replaceAll(tmp, out);
    throw new AppError("input", `cannot write ${out}: ${message}`, { cause: err });
  }
  const row = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM (${sql})`);
  return { rows: Number(row?.n ?? 0) };
}
