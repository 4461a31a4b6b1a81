/**
 * CSV and TSV (optionally gzipped). Two paths, one result (the orchestration is in ingest-file):
 *  - fast: DuckDB's parallel reader, which keeps a 10M-row ingest near a bare read_csv. When
 *    every data line came out as one row or as one line DuckDB could not read, those lines
 *    alone are read again by the exact path (`stageUnreadLines`), so a few dirty rows cost
 *    their own lines and not the whole file.
 *  - exact: line-by-line recovery in JS, over the whole file when the fast path's counts do
 *    not add up (blank lines, NUL bytes, quoted newlines, a quote left open, a compressed
 *    file with lines DuckDB could not read). Records are framed by physical lines (a quoted
 *    field may span at most MAX_RECORD_LINES lines), so an unterminated quote or a bad byte
 *    costs one line, never the rest of the file, and every reject names its true line number.
 */
import { parse } from "csv-parse/sync";
import { CONTRACT_COLUMNS } from "../../core/crossing.js";
import { AppError } from "../../core/errors.js";
import { type Store, sqlIdent, sqlString } from "../../db/store.js";
import { guessEncoding } from "../encoding.js";
import { type ColumnMap, mapColumns } from "../header.js";
import {
  DEFAULT_LIMITS,
  decodeUtf8,
  type InputLimits,
  type LineIndex,
  openText,
  type PhysicalLine,
  readLines,
  readLinesAt,
} from "../lines.js";
import { lineText, type StageResult, StageWriter } from "../stage.js";

const MAX_RECORD_LINES = 20;

export interface CsvOptions {
  delimiter: "," | "\t";
  limits?: InputLimits;
  /** File header → contract column, from a mapping file. */
  renames?: ReadonlyMap<string, string>;
}

export async function readCsvHeader(file: string, options: CsvOptions): Promise<ColumnMap> {
  let first: PhysicalLine | undefined;
  const limits = options.limits ?? DEFAULT_LIMITS;
  try {
    for await (const line of readLines(openText(file, limits), limits.maxLineBytes, true)) {
      if (line.bytes.length === 0) continue;
      first = line;
      break;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError("input", `cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
  if (first?.tooLong !== undefined) {
    throw new AppError(
      "input",
      `${file}: line ${first.number} (header) is longer than ${limits.maxLineBytes} bytes, the limit (raise it with --max-line-bytes); nothing was loaded from this file`,
    );
  }
  if (!first) {
    throw new AppError("input", `${file} is empty: expected a header row naming the columns`);
  }
  const text = decodeUtf8(first.bytes)?.replace(/^\uFEFF/, "");
  if (text === undefined) {
    const guess = guessEncoding(first.bytes);
    const hint =
      guess && guess.name !== "utf-8"
        ? `; it looks like ${guess.name.toUpperCase()}: ingest it with --encoding ${guess.name}`
        : "; name the file's encoding with --encoding";
    throw new AppError("input", `${file}: line 1 (header) is not valid UTF-8${hint}`);
  }
  let cells: string[];
  try {
    cells =
      (parse(text, { delimiter: options.delimiter, relax_column_count: true }) as string[][])[0] ??
      [];
  } catch (err) {
    throw new AppError(
      "input",
      `${file}: line 1 (header) is not valid CSV: ${(err as Error).message}`,
    );
  }
  return mapColumns(file, cells, options.renames);
}

function contractSelect(map: ColumnMap): string {
  const pick = (c: string) => {
    const i = map.contract.indexOf(c);
    return i === -1 ? "NULL" : `${sqlIdent(`c${i}`)}`;
  };
  const extras = map.contract
    .map((c, i) => (c === null ? i : -1))
    .filter((i) => i >= 0 && (map.fileColumns[i] ?? "") !== "");
  const extra =
    extras.length === 0
      ? "NULL"
      : `json_object(${extras.map((i) => `${sqlString(map.fileColumns[i] ?? "")}, ${sqlIdent(`c${i}`)}`).join(", ")})`;
  return CONTRACT_COLUMNS.map((c) => `${pick(c)} AS ${sqlIdent(c)}`)
    .concat(`${extra} AS extra`)
    .join(", ");
}

/** The file as a relation with contract column names, read by DuckDB's parallel reader.
 * Rows DuckDB cannot read land in its rejects table `ingest_csv_rejects`. */
export function csvRelation(file: string, map: ColumnMap, options: CsvOptions): string {
  const maxLine = (options.limits ?? DEFAULT_LIMITS).maxLineBytes;
  const columns = map.fileColumns.map((_, i) => `${sqlString(`c${i}`)}: 'VARCHAR'`).join(", ");
  return `SELECT ${contractSelect(map)} FROM read_csv(${sqlString(file)}, auto_detect=false, header=false, skip=1,
      columns={${columns}}, delim=${sqlString(options.delimiter)}, quote='"', escape='"',
      strict_mode=true, null_padding=false, store_rejects=true,
      rejects_table='ingest_csv_rejects', rejects_scan='ingest_csv_scans', max_line_size=${maxLine})`;
}

/** A line DuckDB could not read on the fast path: its number and DuckDB's byte position of
 * its start. */
export interface UnreadLine {
  line: number;
  position: number;
}

/** Most lines read apart from the fast path's rows; a file with more goes through the exact
 * path whole, which streams instead of holding them. */
const MAX_UNREAD_LINES = 100_000;

/** The lines DuckDB could not read on the fast path, in file order (one entry per line,
 * however many errors it had); null when there are more than MAX_UNREAD_LINES. */
export async function fastPathRejects(store: Store): Promise<UnreadLine[] | null> {
  const [count] = await store.all<{ n: bigint }>(
    "SELECT count(DISTINCT line) AS n FROM ingest_csv_rejects",
  );
  const rows =
    Number(count?.n ?? 0) > MAX_UNREAD_LINES
      ? null
      : await store.all<{ line: bigint; position: bigint | null }>(
          `SELECT line, min(line_byte_position) AS position FROM ingest_csv_rejects
           GROUP BY line ORDER BY line`,
        );
  await store.run("DROP TABLE IF EXISTS ingest_csv_rejects; DROP TABLE IF EXISTS ingest_csv_scans");
  return rows?.map((r) => ({ line: Number(r.line), position: Number(r.position ?? -2) })) ?? null;
}

/** Whether DuckDB's position of a line's start names the line at byte `offset`. DuckDB
 * counts from 1, except after a "\r\n", where it can count from the "\n" instead; lines are
 * at least two bytes apart (blank lines never come this way), so either names one line. */
function startsAt(position: number, offset: number): boolean {
  return position === offset + 1 || position === offset;
}

function countQuotes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) n++;
  return n;
}

/** The exact path over the whole file: every line after the header. */
export async function stageCsvExact(
  store: Store,
  file: string,
  map: ColumnMap,
  options: CsvOptions,
): Promise<StageResult> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const lines = readLines(openText(file, limits), limits.maxLineBytes);
  return stageCsvLines(store, lines, map, options, true);
}

/**
 * The exact path over `lines` (with the header first when `header`): each record parsed on
 * its own, a record whose quoted field spans lines framed across them.
 */
export async function stageCsvLines(
  store: Store,
  lines: AsyncIterable<PhysicalLine>,
  map: ColumnMap,
  options: CsvOptions,
  header: boolean,
): Promise<StageResult> {
  const writer = await StageWriter.open(store);
  const expected = map.fileColumns.length;

  const emit = (number: number, text: string, unterminated: boolean) => {
    let fields: string[];
    try {
      // A record is framed by lines already; naming the record delimiter also spares
      // csv-parse guessing it at every byte (seconds per megabyte of a long line).
      const rows = parse(text, {
        delimiter: options.delimiter,
        relax_column_count: true,
        bom: false,
        record_delimiter: "\n",
      }) as string[][];
      if (rows.length !== 1) throw new Error(`${rows.length} records where one was expected`);
      fields = rows[0] ?? [];
    } catch (err) {
      writer.reject(number, `malformed CSV: ${(err as Error).message.replace(/\s+/g, " ")}`, text);
      return;
    }
    if (fields.length !== expected) {
      const tail = unterminated && fields.length < expected ? " (truncated last line?)" : "";
      const column = fields.length < expected ? (map.fileColumns[fields.length] ?? null) : null;
      const reason = `wrong number of fields: found ${fields.length}, expected ${expected}${tail}`;
      writer.reject(number, reason, text, column);
      return;
    }
    // An empty field is null, as DuckDB's reader makes it on the fast path.
    const values: Record<string, string | null> = {};
    const extra: Record<string, string | null> = {};
    fields.forEach((v, i) => {
      const c = map.contract[i];
      if (c) values[c] = v === "" ? null : v;
      else if (map.fileColumns[i]) extra[map.fileColumns[i] ?? ""] = v === "" ? null : v;
    });
    writer.append(number, values, extra);
  };

  // Pending lines of a record whose quoted field has not closed yet.
  let pending: { number: number; text: string; unterminated: boolean }[] = [];
  const flushPending = (reason: string) => {
    const first = pending[0];
    if (first) writer.reject(first.number, reason, first.text);
    const rest = pending.slice(1);
    pending = [];
    for (const l of rest) feed(l); // re-frame the lines after the bad one
  };
  const feed = (l: { number: number; text: string; unterminated: boolean }) => {
    if (pending.length === 0) {
      if (l.text.trim() === "") return; // blank lines are not records
      if (countQuotes(l.text) % 2 === 0) return emit(l.number, l.text, l.unterminated);
      pending.push(l);
      return;
    }
    pending.push(l);
    const joined = pending.map((p) => p.text).join("\n");
    if (countQuotes(joined) % 2 === 0) {
      const first = pending[0]!;
      pending = [];
      return emit(first.number, joined, l.unterminated);
    }
    if (pending.length >= MAX_RECORD_LINES)
      flushPending(
        `malformed CSV: unterminated quoted field (no closing quote within ${MAX_RECORD_LINES} lines)`,
      );
  };

  let beforeHeader = header;
  const limits = options.limits ?? DEFAULT_LIMITS;
  for await (const line of lines) {
    if (beforeHeader) {
      if (line.bytes.length === 0) continue;
      beforeHeader = false;
      continue;
    }
    const text = lineText(line, limits.maxLineBytes);
    if (typeof text !== "string") {
      if (pending.length > 0) flushPending("malformed CSV: unterminated quoted field");
      writer.rejects.push(text);
      continue;
    }
    feed({ number: line.number, text, unterminated: line.unterminated });
  }
  while (pending.length > 0)
    flushPending("malformed CSV: unterminated quoted field at end of file");
  return writer.finish();
}

/**
 * The fast path's leftovers: the lines DuckDB could not read, each read again by the exact
 * path for its reject (or its row, where the exact path reads what DuckDB would not). Null
 * when this would not give what the exact path gives over the whole file: a line that does
 * not start where DuckDB said (DuckDB's line count is off), or one with an odd number of
 * quotes (the exact path would read the lines after it into the same record).
 */
export async function stageUnreadLines(
  store: Store,
  file: string,
  unread: readonly UnreadLine[],
  index: LineIndex,
  map: ColumnMap,
  options: CsvOptions,
): Promise<StageResult | null> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  let whole = true;
  async function* checked(): AsyncGenerator<PhysicalLine> {
    let i = 0;
    const numbers = unread.map((u) => u.line);
    for await (const l of readLinesAt(file, numbers, index, limits.maxLineBytes)) {
      const quotes = l.tooLong === undefined ? countQuotes(l.bytes.toString("latin1")) : 0;
      if (!startsAt(unread[i++]?.position ?? -2, l.offset) || quotes % 2 !== 0) {
        whole = false;
        return;
      }
      yield l;
    }
  }
  const staged = await stageCsvLines(store, checked(), map, options, false);
  return whole ? staged : null;
}
