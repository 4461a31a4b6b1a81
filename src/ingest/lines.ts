/**
 * Splits a byte stream into physical lines without decoding it first, so that a line with
 * invalid UTF-8 can be rejected on its own instead of corrupting its neighbours.
 */
import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { pipeline, type Readable, Transform } from "node:stream";
import { createGunzip } from "node:zlib";
import { AppError } from "../core/errors.js";

export interface PhysicalLine {
  /** 1-based line number in the (decompressed) file. */
  number: number;
  /** The line's bytes without its line end; for a line over the length limit, only its first
   * `LONG_LINE_HEAD` bytes. */
  bytes: Buffer;
  /** True for a last line that has no newline after it (possibly a truncated file). */
  unterminated: boolean;
  /** Set for a line longer than the limit: its length in bytes (the line is not kept). */
  tooLong?: number;
}

/** Limits on what one input file may hold, so that a hostile or broken file ends in a clear
 * error in seconds and bounded memory instead of running for minutes. */
export interface InputLimits {
  /** Longest physical line, in bytes (a record is one line but for quoted newlines). */
  maxLineBytes: number;
  /** Most bytes a compressed file may decompress to. */
  maxDecompressedBytes: number;
  /** Most bytes a compressed file may decompress to per byte on disk. */
  maxRatio: number;
}

/** 1 MiB lines: a crossing record is a few hundred bytes; DuckDB's own reader defaults to
 * 2 MB. 16 GiB decompressed: about 100 million records. Ratio 100: CSV exports compress 5–15
 * times with gzip; a decompression bomb (a long run of one byte) a thousand times. */
export const DEFAULT_LIMITS: InputLimits = {
  maxLineBytes: 1 << 20,
  maxDecompressedBytes: 16 * 2 ** 30,
  maxRatio: 100,
};

/** How much of an over-long line is kept, for the reject's raw value. */
export const LONG_LINE_HEAD = 4096;

export function isCompressed(file: string): boolean {
  return file.toLowerCase().endsWith(".gz");
}

/** The most bytes `file` may decompress to under `limits`. */
function decompressedCap(file: string, limits: InputLimits): number {
  const size = statSync(file).size;
  return Math.min(limits.maxDecompressedBytes, limits.maxRatio * Math.max(size, 1));
}

/** The error for a compressed file that decompresses past its limits. */
export function decompressionError(file: string, cap: number, limits: InputLimits): AppError {
  return new AppError(
    "input",
    `${file}: decompresses to more than ${cap} bytes, past the limits (--max-decompressed-bytes ${limits.maxDecompressedBytes}, --max-ratio ${limits.maxRatio} times the compressed size); nothing was loaded from this file. Raise the limits if the file is genuine.`,
  );
}

/** The file's text bytes: decompressed when it ends in .gz, and then stopped with an error
 * once past the limits. */
export function openText(file: string, limits: InputLimits = DEFAULT_LIMITS): Readable {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  if (!isCompressed(file)) return raw;
  const cap = decompressedCap(file, limits);
  let total = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      if (total > cap) done(decompressionError(file, cap, limits));
      else done(null, chunk);
    },
  });
  return pipeline(raw, createGunzip(), guard, () => undefined);
}

/** Splits a stream into physical lines. Each chunk is searched once, so a line spanning many
 * chunks costs its length, and a line over `maxLineBytes` is skipped to its end without being
 * held (it comes out with `tooLong` set). */
export async function* readLines(
  stream: Readable,
  maxLineBytes = DEFAULT_LIMITS.maxLineBytes,
  /** End at the first over-long line, as soon as it is over (its `tooLong` is then a floor). */
  stopAtLongLine = false,
): AsyncGenerator<PhysicalLine> {
  let parts: Buffer[] = [];
  let length = 0; // bytes of the current line so far
  let head: Buffer | undefined; // set once the current line is over the limit
  let number = 0;
  const take = (piece: Buffer, unterminated: boolean): PhysicalLine => {
    number++;
    const total = length + piece.length;
    if (head !== undefined || total > maxLineBytes) {
      const start = Buffer.concat([...(head ? [head] : parts), piece.subarray(0, LONG_LINE_HEAD)]);
      return {
        number,
        bytes: start.subarray(0, LONG_LINE_HEAD),
        unterminated,
        tooLong: total,
      };
    }
    const whole = parts.length > 0 ? Buffer.concat([...parts, piece]) : piece;
    const end =
      whole.length > 0 && whole[whole.length - 1] === 13 ? whole.length - 1 : whole.length;
    return { number, bytes: whole.subarray(0, end), unterminated };
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      yield take(chunk.subarray(start, nl), false);
      parts = [];
      length = 0;
      head = undefined;
      start = nl + 1;
    }
    const rest = chunk.subarray(start);
    if (rest.length === 0) continue;
    if (head === undefined && length + rest.length > maxLineBytes) {
      if (stopAtLongLine) {
        yield take(rest, false);
        stream.destroy();
        return;
      }
      head = Buffer.from(Buffer.concat([...parts, rest]).subarray(0, LONG_LINE_HEAD));
      parts = [];
    } else if (head !== undefined && head.length < LONG_LINE_HEAD)
      head = Buffer.concat([head, rest.subarray(0, LONG_LINE_HEAD - head.length)]);
    if (head === undefined) parts.push(rest);
    length += rest.length;
  }
  if (length > 0) yield take(Buffer.alloc(0), true);
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

/** Where the first invalid UTF-8 sequence starts, for the reject message: the first byte where
 * the lenient decoding (invalid sequences become U+FFFD), encoded again, differs from the
 * bytes. One pass, whatever the line's length. */
export function firstInvalidUtf8Offset(bytes: Buffer): number {
  const again = Buffer.from(bytes.toString("utf8"), "utf8");
  const n = Math.min(bytes.length, again.length);
  for (let i = 0; i < n; i++) if (bytes[i] !== again[i]) return i;
  return bytes.length === again.length ? -1 : n;
}

const LF_LF = Buffer.from("\n\n");
const LF_CR_LF = Buffer.from("\n\r\n");

/**
 * Where every LINE_INDEX_STEP-th line of an uncompressed file starts, recorded by the scan so
 * that a few chosen lines can later be read without another pass over the whole file. Eight
 * lines a step keeps the index at a byte per line of a 10M-line file and a chosen line's read
 * at a few kilobytes.
 */
export class LineIndex {
  static readonly STEP = 8;
  /** starts[k]: the byte offset of line k * STEP + 1. */
  readonly starts: number[] = [0];
  private lines = 0;
  private base = 0;

  /** A "\n" at offset `at` of the current chunk. */
  newline(at: number): void {
    if (++this.lines % LineIndex.STEP === 0) this.starts.push(this.base + at + 1);
  }

  endChunk(length: number): void {
    this.base += length;
  }
}

export interface FileScan {
  sha256: string;
  /** Line starts of an uncompressed file whose lines were counted. */
  lineIndex?: LineIndex;
  /** Physical lines after the header (an unterminated last line counts). */
  dataLines: number;
  /** Whether any line is empty (then DuckDB's row count and the line count disagree). */
  blankLines: boolean;
  /** Whether the file holds a NUL byte (DuckDB's reader would load it inside a value). */
  nulBytes: boolean;
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
  chunk(chunk: Buffer, index?: LineIndex): number {
    let lines = 0;
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, nl + 1)) {
      lines++;
      index?.newline(nl);
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
  limits: InputLimits = DEFAULT_LIMITS,
): Promise<FileScan> {
  const hash = createHash("sha256");
  const gz = file.toLowerCase().endsWith(".gz");
  const order =
    firstFieldDelimiter && countLines && !gz
      ? new FirstFieldOrder(firstFieldDelimiter.charCodeAt(0))
      : undefined;
  const index = countLines && !gz ? new LineIndex() : undefined;
  const stats = { lines: 0, blank: false, nul: false, prev: 10, prev2: 10 };
  const count = (chunk: Buffer) => {
    if (chunk.length === 0) return;
    if (!stats.nul) stats.nul = chunk.indexOf(0) !== -1;
    if (order) stats.lines += order.chunk(chunk, index);
    else
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) {
        stats.lines++;
        index?.newline(i);
      }
    index?.endChunk(chunk.length);
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
          for await (const chunk of openText(file, limits) as AsyncIterable<Buffer>) count(chunk);
        })()
      : Promise.resolve();
  await Promise.all([hashing, counting]);
  if (countLines && stats.prev !== 10) stats.lines++;
  return {
    sha256: hash.digest("hex"),
    dataLines: Math.max(0, stats.lines - 1),
    blankLines: stats.blank,
    nulBytes: stats.nul,
    firstFieldIncreasing: order?.finish() ?? false,
    ...(index ? { lineIndex: index } : {}),
  };
}

/** Bytes read at once by `readLinesAt`: the blocks of nearby wanted lines come in one read. */
const READ_SPAN = 1 << 20;

/**
 * The lines of `bytes`, a whole number of lines (the last may lack its newline), as
 * `readLines` gives them, numbered from 1, each with its byte offset in `bytes`.
 */
function* linesOf(
  bytes: Buffer,
  maxLineBytes: number,
): Generator<PhysicalLine & { offset: number }> {
  let number = 0;
  let start = 0;
  while (start < bytes.length) {
    const nl = bytes.indexOf(10, start);
    const end = nl === -1 ? bytes.length : nl;
    const piece = bytes.subarray(start, end);
    const unterminated = nl === -1;
    number++;
    if (piece.length > maxLineBytes)
      yield {
        number,
        bytes: piece.subarray(0, LONG_LINE_HEAD),
        unterminated,
        tooLong: piece.length,
        offset: start,
      };
    else {
      const cut =
        piece.length > 0 && piece[piece.length - 1] === 13 ? piece.length - 1 : piece.length;
      yield { number, bytes: piece.subarray(0, cut), unterminated, offset: start };
    }
    start = end + 1;
  }
}

/**
 * The lines numbered `wanted` (ascending) of an uncompressed file, as `readLines` gives them,
 * read through the scan's line index: only the blocks of `LineIndex.STEP` lines that hold them,
 * those within READ_SPAN bytes of each other in one read (a file with a wanted line in most
 * blocks is then read in large pieces, not a system call per line).
 */
export async function* readLinesAt(
  file: string,
  wanted: readonly number[],
  index: LineIndex,
  maxLineBytes = DEFAULT_LIMITS.maxLineBytes,
): AsyncGenerator<PhysicalLine & { offset: number }> {
  const size = statSync(file).size;
  const blockOf = (line: number) => Math.floor((line - 1) / LineIndex.STEP);
  const startOf = (line: number) => {
    const start = index.starts[blockOf(line)];
    if (start === undefined) throw new Error(`line ${line} is past the end of ${file}`);
    return start;
  };
  const endOf = (block: number) => index.starts[block + 1] ?? size;
  const fd = await open(file, "r");
  try {
    let i = 0;
    while (i < wanted.length) {
      // The wanted lines whose blocks end within READ_SPAN bytes of the first one's start.
      const from = startOf(wanted[i] as number);
      let k = i + 1;
      while (k < wanted.length && endOf(blockOf(wanted[k] as number)) - from <= READ_SPAN) k++;
      // Not zero-filled: only the bytes read are looked at.
      const whole = Buffer.allocUnsafe(endOf(blockOf(wanted[k - 1] as number)) - from);
      const { bytesRead } = await fd.read(whole, 0, whole.length, from);
      const span = whole.subarray(0, bytesRead);
      while (i < k) {
        const block = blockOf(wanted[i] as number);
        const first = block * LineIndex.STEP + 1;
        const start = startOf(wanted[i] as number);
        for (const line of linesOf(
          span.subarray(start - from, endOf(block) - from),
          maxLineBytes,
        )) {
          const number = first + line.number - 1;
          if (number === wanted[i]) {
            yield { ...line, number, offset: start + line.offset };
            i++;
          }
        }
        if (i < k && blockOf(wanted[i] as number) === block)
          throw new Error(`line ${wanted[i]} is past the end of ${file}`);
      }
    }
  } finally {
    await fd.close();
  }
}

/**
 * The lines numbered `wanted` (ascending) of a text file: through the scan's line index when
 * there is one, else in one pass over the (decompressed) file up to the last of them.
 */
export async function* readChosenLines(
  file: string,
  wanted: readonly number[],
  limits: InputLimits,
  index: LineIndex | undefined,
): AsyncGenerator<PhysicalLine> {
  if (wanted.length === 0) return;
  if (index) {
    yield* readLinesAt(file, wanted, index, limits.maxLineBytes);
    return;
  }
  const set = new Set(wanted);
  const last = wanted[wanted.length - 1] as number;
  const stream = openText(file, limits);
  try {
    for await (const l of readLines(stream, limits.maxLineBytes)) {
      if (set.has(l.number)) yield l;
      if (l.number >= last) break;
    }
  } finally {
    stream.destroy();
  }
}
