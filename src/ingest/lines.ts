/**
 * Splits a byte stream into physical lines without decoding it first, so that a line with
 * invalid UTF-8 can be rejected on its own instead of corrupting its neighbours.
 */
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
