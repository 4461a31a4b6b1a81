/**
 * CSV cells that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`)
 * are neutralised the way OWASP's CSV-injection guidance says: a cell that starts with `=`,
 * `+`, `-`, `@`, a tab or a carriage return is prefixed with a single quote, so spreadsheet
 * programs show it as text (https://owasp.org/www-community/attacks/CSV_Injection). Every CSV
 * writer uses these, through `src/export/write-csv.ts` or, inside DuckDB COPY, `csvCellSql`.
 */

/** The characters that make a spreadsheet read a cell as a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as written to CSV: strings starting like a formula get a leading `'`. */
export function neutraliseCsvCell(value: unknown): unknown {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}

/** The SQL twin of `neutraliseCsvCell` for a VARCHAR expression. */
export function csvCellSql(x: string): string {
  return `CASE WHEN regexp_matches(${x}, '^[=+\\-@\\t\\r]') THEN '''' || ${x} ELSE ${x} END`;
}
