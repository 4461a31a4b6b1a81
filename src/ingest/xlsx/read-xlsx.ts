/**
 * Excel workbooks (.xlsx): each sheet, or the one named, is written out as a UTF-8 CSV file
 * that the CSV ingest then reads, so a sheet is one run with the same checks and accounting as
 * any CSV file; sheet row N is line N (empty rows stay empty lines), so a reject names the row
 * Excel shows. Read with exceljs's streaming reader (maintained, pure JavaScript, reads a sheet
 * row by row instead of building the whole workbook in memory), loaded when a workbook is read:
 * loading it takes about a second of CPU, which every other command would otherwise pay at
 * start-up. Dates come as the date and time written in the cell; formulas as their cached result.
 */
import { createWriteStream, statSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../../core/errors.js";
import { decompressionError, type InputLimits } from "../lines.js";
import { declaredUncompressedBytes } from "./zip-sizes.js";

export interface SheetFile {
  sheet: string;
  /** The sheet as CSV. */
  path: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A cell's value as text: what Excel shows for text, numbers and dates (as ISO 8601). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    // exceljs gives a cell's date and time as that wall-clock time in UTC.
    const d = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const h = value.getUTCHours();
    const m = value.getUTCMinutes();
    const s = value.getUTCSeconds();
    if (h === 0 && m === 0 && s === 0) return d;
    return `${d} ${pad(h)}:${pad(m)}${s ? `:${pad(s)}` : ""}`;
  }
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return (v.richText as { text?: string }[]).map((r) => r.text ?? "").join("");
    if ("result" in v) return cellText(v.result);
    if ("text" in v) return cellText(v.text);
    if ("error" in v) return String(v.error);
    return "";
  }
  return String(value);
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Refuses a workbook whose entries are declared to inflate past the limits that hold for a
 * gzipped file (--max-decompressed-bytes, --max-ratio), before anything is inflated.
 */
export function checkWorkbookSize(file: string, limits: InputLimits): void {
  const declared = declaredUncompressedBytes(file);
  if (declared === null) return;
  const cap = Math.min(
    limits.maxDecompressedBytes,
    limits.maxRatio * Math.max(statSync(file).size, 1),
  );
  if (declared > cap) throw decompressionError(file, cap, limits);
}

/** Writes each sheet (or only `sheet`) of `file` to `dir` as CSV. */
export async function sheetsToCsv(file: string, dir: string, sheet?: string): Promise<SheetFile[]> {
  const out: SheetFile[] = [];
  const seen: string[] = [];
  const { default: ExcelJS } = await import("exceljs");
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      sharedStrings: "cache",
      hyperlinks: "ignore",
      styles: "cache",
      worksheets: "emit",
    });
    for await (const ws of reader) {
      const name = (ws as unknown as { name: string }).name;
      seen.push(name);
      if (sheet !== undefined && name !== sheet) {
        // A sheet left unread can still be streaming from exceljs's temporary file when the
        // reader cleans that file up (ENOENT under load): read it through, and drop its rows.
        for await (const _ of ws);
        continue;
      }
      const path = join(dir, `sheet-${out.length + 1}.csv`);
      const stream = createWriteStream(path);
      let line = 0;
      let width = 0; // the header's: shorter rows are padded (Excel stores no empty cells)
      for await (const row of ws) {
        const values = (row.values as unknown[]).slice(1);
        if (width === 0) width = values.length;
        while (values.length < width) values.push(null);
        const text = values.map((v) => csvCell(cellText(v))).join(",");
        while (line < row.number - 1) {
          stream.write("\n");
          line++;
        }
        if (!stream.write(`${text}\n`))
          await new Promise<void>((r) => stream.once("drain", () => r()));
        line++;
      }
      await new Promise<void>((resolve, reject) =>
        stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
      );
      out.push({ sheet: name, path });
    }
  } catch (err) {
    throw new AppError(
      "input",
      `cannot read ${file} as an Excel workbook: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
  if (sheet !== undefined && out.length === 0)
    throw new AppError(
      "input",
      `${file}: no sheet named "${sheet}"; the workbook has ${seen.map((s) => `"${s}"`).join(", ") || "no sheets"}`,
    );
  return out;
}
