/**
 * Every reader fills the same staging table — one VARCHAR column per contract column, the
 * line it came from, and unknown columns as JSON — and hands over its own rejects (rows it
 * could not even split into fields). Normalisation then works on the staging table alone.
 */
import type { DuckDBAppender } from "@duckdb/node-api";
import { CONTRACT_COLUMNS, type ContractColumn } from "../core/crossing.js";
import type { Store } from "../db/store.js";
import { decodeUtf8, firstInvalidUtf8Offset, type PhysicalLine } from "./lines.js";

export const STAGE_TABLE = "ingest_stage";

/** A row that could not be read into fields at all. */
export interface ReadReject {
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
  raw: string | null;
}

export interface StageResult {
  /** Records handed to normalisation (staged) plus those rejected while reading. */
  staged: number;
  readRejects: ReadReject[];
  /** How the file was parsed: DuckDB's reader, or the exact line-by-line recovery path. */
  parsePath: "fast" | "exact";
}

async function createStageTable(store: Store): Promise<void> {
  await store.run(`DROP TABLE IF EXISTS temp.${STAGE_TABLE}`);
  const cols = CONTRACT_COLUMNS.map((c) => `"${c}" VARCHAR`).join(", ");
  await store.run(`CREATE TEMP TABLE ${STAGE_TABLE} (line BIGINT, ${cols}, extra JSON)`);
}

/**
 * What a JS reader (exact CSV path, JSON Lines) hands over: the rows it read, appended to a
 * fresh staging table, and the lines it could not read, as rejects in file order.
 */
export class StageWriter {
  readonly rejects: ReadReject[] = [];
  /** Rows appended so far. */
  appended = 0;

  private constructor(private readonly appender: DuckDBAppender) {}

  static async open(store: Store): Promise<StageWriter> {
    await createStageTable(store);
    return new StageWriter(await store.conn.createAppender(STAGE_TABLE, "main", "temp"));
  }

  /** A line (or the record starting on it) that could not be read into fields. */
  reject(line: number, reason: string, text: string, column: string | null = null): void {
    this.rejects.push({ line, column, value: null, reason, raw: truncate(text) });
  }

  append(
    line: number,
    values: Partial<Record<ContractColumn, string | null>>,
    extra: Record<string, unknown> | null,
  ): void {
    const a = this.appender;
    a.appendBigInt(BigInt(line));
    for (const c of CONTRACT_COLUMNS) {
      const v = values[c];
      if (v === undefined || v === null) a.appendNull();
      else a.appendVarchar(v);
    }
    if (extra && Object.keys(extra).length > 0) a.appendVarchar(JSON.stringify(extra));
    else a.appendNull();
    a.endRow();
    this.appended++;
  }

  close(): void {
    this.appender.flushSync();
    this.appender.closeSync();
  }

  /** Closes the appender and reports the read: every record staged or rejected. */
  finish(): StageResult {
    this.close();
    return {
      staged: this.appended + this.rejects.length,
      readRejects: this.rejects,
      parsePath: "exact",
    };
  }
}

function truncate(value: string, max = 4096): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/**
 * A physical line's text, or the reject for a line that cannot be read at all: over the length
 * limit (checked first: such a line's bytes are only its start), or not valid UTF-8.
 */
export function lineText(line: PhysicalLine, maxLineBytes: number): string | ReadReject {
  if (line.tooLong !== undefined) return longLineReject(line, maxLineBytes);
  return decodeUtf8(line.bytes) ?? invalidUtf8Reject(line);
}

/** The reject for a line over the length limit; its raw value is the line's start. */
function longLineReject(line: PhysicalLine, maxLineBytes: number): ReadReject {
  return {
    line: line.number,
    column: null,
    value: null,
    reason: `line too long: ${line.tooLong} bytes, over the limit of ${maxLineBytes} (raise it with --max-line-bytes); the line was not read`,
    raw: `${line.bytes.toString("utf8")}…`,
  };
}

/** The reject for a line that is not valid UTF-8, naming the first bad byte. */
function invalidUtf8Reject(line: PhysicalLine): ReadReject {
  const at = firstInvalidUtf8Offset(line.bytes);
  const byte = (line.bytes[at] ?? 0).toString(16).padStart(2, "0");
  return {
    line: line.number,
    column: null,
    value: null,
    reason: `invalid UTF-8 (byte 0x${byte} at byte ${at + 1} of the line); files must be UTF-8`,
    raw: truncate(line.bytes.toString("utf8")),
  };
}
