/**
 * CSV written from rows in JavaScript (rejects, warnings, evidence sources): every cell
 * neutralised against formula injection (src/core/csv-cell.ts), the file written as every
 * output is (./output-file.ts).
 */
import { stringify } from "csv-stringify/sync";
import { neutraliseCsvCell } from "../core/csv-cell.js";
import { type OutputOptions, writeOutputFile } from "./output-file.js";

/** The rows as CSV text with a header, formula-like cells neutralised. */
export function csvText(rows: readonly object[], columns: readonly string[]): string {
  return stringify(
    (rows as readonly Record<string, unknown>[]).map((r) =>
      Object.fromEntries(columns.map((c) => [c, neutraliseCsvCell(r[c])])),
    ),
    { header: true, columns: [...columns] },
  );
}

/** Writes the rows to `out` as CSV; returns the number of rows. */
export async function writeCsv(
  out: string,
  rows: readonly object[],
  columns: readonly string[],
  options: OutputOptions = {},
): Promise<number> {
  await writeOutputFile(out, (file) => file.writeFile(csvText(rows, columns)), options);
  return rows.length;
}
