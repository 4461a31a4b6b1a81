/**
 * Splits a byte stream into physical lines without decoding it first, so that a line with
 * invalid UTF-8 can be rejected on its own instead of corrupting its neighbours.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";

export interface PhysicalLine {
  /** 1-based line number in the (decompressed) file. */
  number: number;
  bytes: Buffer;
  /** True for a last line that has no newline after it (possibly a truncated file). */
  unterminated: boolean;
}

export function openText(file: string): Readable {
  const raw = createReadStream(file);
  return file.toLowerCase().endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
}

export async function* readLines(stream: Readable): AsyncGenerator<PhysicalLine> {
  let carry: Buffer = Buffer.alloc(0);
  let number = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
      const end = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
      number++;
      yield { number, bytes: buf.subarray(start, end), unterminated: false };
      start = nl + 1;
    }
    carry = Buffer.from(buf.subarray(start));
  }
  if (carry.length > 0) {
    const end = carry[carry.length - 1] === 13 ? carry.length - 1 : carry.length;
    yield { number: number + 1, bytes: carry.subarray(0, end), unterminated: true };
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes strictly; returns undefined for invalid UTF-8. Strips a leading BOM. */
export function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Where the first invalid UTF-8 sequence starts, for the reject message. */
export function firstInvalidUtf8Offset(bytes: Buffer): number {
  for (let i = 1; i <= bytes.length; i++) {
    if (decodeUtf8(bytes.subarray(0, i)) === undefined) {
      // a prefix can end mid-sequence; only report when no longer prefix recovers
      let recovers = false;
      for (let j = i + 1; j <= Math.min(bytes.length, i + 3); j++) {
        if (decodeUtf8(bytes.subarray(0, j)) !== undefined) recovers = true;
      }
      if (!recovers) return i - 1;
    }
  }
  return -1;
}

const LF_LF = Buffer.from("\n\n");
const LF_CR_LF = Buffer.from("\n\r\n");

export interface FileScan {
  sha256: string;
  /** Physical lines after the header (an unterminated last line counts). */
  dataLines: number;
  /** Whether any line is empty (then DuckDB's row count and the line count disagree). */
  blankLines: boolean;
  /** Whether the first field of every data line is plain (unquoted, not empty, no space at
   * either end) and greater, byte by byte, than the line's before: then no two lines share
   * it. Asked for with `firstFieldDelimiter`; false when not asked. */
  firstFieldIncreasing: boolean;
}

/**
 * Follows the first field of each line across the chunks of a file, checking that every
 * data line's is plain and strictly greater (in byte order, which is DuckDB's text order)
 * than the one before. Exported files usually number their records in order, and then
 * this one comparison per line proves what a 10M-group aggregation would otherwise check.
 */
export class FirstFieldOrder {
  increasing = true;
  private prev = new Uint8Array(256);
  private prevLength = -1; // -1: no data line yet
  private field = new Uint8Array(256); // the current line's first field, so far
  private fieldLength = 0;
  private state: "line start" | "in field" | "past field" = "line start";
  private header = true;

  constructor(private readonly delimiter: number) {}

  /** Feeds the next chunk of the file; returns how many "\n" it holds (the caller's line
   * count: the newlines are found once, for both). The bytes of a first field are walked in
   * JS, a dozen or so per line, rather than searched with Buffer calls. */
  chunk(chunk: Buffer): number {
    let lines = 0;
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, nl + 1)) {
      lines++;
      if (this.increasing) this.piece(chunk, start, nl, true);
      start = nl + 1;
    }
    if (this.increasing && start < chunk.length) this.piece(chunk, start, chunk.length, false);
    return lines;
  }

  /** At the end of the file: a last line cut short before its first delimiter ends the check. */
  finish(): boolean {
    if (this.state === "in field") this.increasing = false;
    return this.increasing;
  }

  /** Bytes [start, end) of a line; `lineEnds` when a "\n" follows them. */
  private piece(chunk: Buffer, start: number, end: number, lineEnds: boolean): void {
    if (this.state !== "past field") {
      let i = start;
      while (i < end && chunk[i] !== this.delimiter) {
        if (this.fieldLength === this.field.length) {
          this.increasing = false;
          return;
        }
        this.field[this.fieldLength++] = chunk[i] as number;
        i++;
      }
      if (i < end) {
        this.decide();
        this.state = "past field";
      } else if (lineEnds) {
        this.increasing = false; // a line without the delimiter
        return;
      } else {
        this.state = "in field";
      }
    }
    if (lineEnds) {
      this.state = "line start";
      this.fieldLength = 0;
    }
  }

  private decide(): void {
    const n = this.fieldLength;
    if (this.header) {
      this.header = false;
      return;
    }
    const f = this.field;
    // Empty, quoted (its text is not its bytes) or padded with spaces (trimmed on load).
    if (n === 0 || f[0] === 34 || f[0] === 32 || f[n - 1] === 32) {
      this.increasing = false;
      return;
    }
    if (this.prevLength >= 0 && !greater(f, n, this.prev, this.prevLength)) {
      this.increasing = false;
      return;
    }
    [this.prev, this.field] = [this.field, this.prev];
    this.prevLength = n;
  }
}

/** a[0, an) > b[0, bn), byte by byte (DuckDB's text order). */
function greater(a: Uint8Array, an: number, b: Uint8Array, bn: number): boolean {
  const n = Math.min(an, bn);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d > 0;
  }
  return an > bn;
}

/** One streaming pass for the content hash (of the bytes on disk) and, for text formats,
 * the line statistics the fast CSV path needs to prove it saw every line. */
export async function scanFile(
  file: string,
  countLines: boolean,
  firstFieldDelimiter?: string,
): Promise<FileScan> {
  const hash = createHash("sha256");
  const gz = file.toLowerCase().endsWith(".gz");
  const order =
    firstFieldDelimiter && countLines && !gz
      ? new FirstFieldOrder(firstFieldDelimiter.charCodeAt(0))
      : undefined;
  const stats = { lines: 0, blank: false, prev: 10, prev2: 10 };
  const count = (chunk: Buffer) => {
    if (chunk.length === 0) return;
    if (order) stats.lines += order.chunk(chunk);
    else for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) stats.lines++;
    // An empty line is "\n\n" or "\n\r\n": searched inside the chunk, and across the
    // boundary with the last two bytes of the previous chunk (a file starts after a virtual "\n").
    if (!stats.blank) {
      const [c0, c1] = [chunk[0], chunk[1]];
      stats.blank =
        chunk.indexOf(LF_LF) !== -1 ||
        chunk.indexOf(LF_CR_LF) !== -1 ||
        (stats.prev === 10 && c0 === 10) ||
        (stats.prev2 === 10 && stats.prev === 13 && c0 === 10) ||
        (stats.prev === 10 && c0 === 13 && c1 === 10);
    }
    stats.prev2 = chunk.length > 1 ? (chunk[chunk.length - 2] ?? 10) : stats.prev;
    stats.prev = chunk[chunk.length - 1] ?? 10;
  };
  const hashing = (async () => {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
      if (countLines && !gz) count(chunk as Buffer);
    }
  })();
  const counting =
    countLines && gz
      ? (async () => {
          for await (const chunk of openText(file) as AsyncIterable<Buffer>) count(chunk);
        })()
      : Promise.resolve();
  await Promise.all([hashing, counting]);
  if (countLines && stats.prev !== 10) stats.lines++;
  return {
    sha256: hash.digest("hex"),
    dataLines: Math.max(0, stats.lines - 1),
    blankLines: stats.blank,
    firstFieldIncreasing: order?.finish() ?? false,
  };
}
