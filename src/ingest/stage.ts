/**
 * Every reader fills the same staging table — one VARCHAR column per contract column, the
 * line it came from, and unknown columns as JSON — and hands over its own rejects (rows it
 * could not even split into fields). Normalisation then works on the staging table alone.
 */
import type { DuckDBAppender } from "@duckdb/node-api";
import { CONTRACT_COLUMNS, type ContractColumn } from "../core/crossing.js";
import type { Store } from "../db/store.js";
import { firstInvalidUtf8Offset, type PhysicalLine } from "./lines.js";

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

export async function createStageTable(store: Store): Promise<void> {
  await store.run(`DROP TABLE IF EXISTS temp.${STAGE_TABLE}`);
  const cols = CONTRACT_COLUMNS.map((c) => `"${c}" VARCHAR`).join(", ");
  await store.run(`CREATE TEMP TABLE ${STAGE_TABLE} (line BIGINT, ${cols}, extra JSON)`);
}

/** Appends rows that a JS reader produced (exact CSV path, JSON Lines). */
export class StageWriter {
  private constructor(private readonly appender: DuckDBAppender) {}

  static async open(store: Store): Promise<StageWriter> {
    return new StageWriter(await store.conn.createAppender(STAGE_TABLE, "main", "temp"));
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
  }

  close(): void {
    this.appender.flushSync();
    this.appender.closeSync();
  }
}

export function truncate(value: string, max = 4096): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** The reject for a line over the length limit; its raw value is the line's start. */
export function longLineReject(line: PhysicalLine, maxLineBytes: number): ReadReject {
  return {
    line: line.number,
    column: null,
    value: null,
    reason: `line too long: ${line.tooLong} bytes, over the limit of ${maxLineBytes} (raise it with --max-line-bytes); the line was not read`,
    raw: `${line.bytes.toString("utf8")}…`,
  };
}

/** The reject for a line that is not valid UTF-8, naming the first bad byte. */
export function invalidUtf8Reject(line: PhysicalLine): ReadReject {
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
