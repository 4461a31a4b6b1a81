/**
 * What a zip archive (an .xlsx workbook) says its entries inflate to, read from its central
 * directory before anything is inflated, so that a zip bomb is refused in milliseconds instead
 * of being streamed into the XML parser. Two fields per entry (and the ZIP64 records that
 * hold them in large archives; APPNOTE.TXT 4.3.12–4.3.16,
 * https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT) need no library.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const MAX32 = 0xffffffff;

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

/** Where the central directory is and how long, from the end-of-directory records. */
function centralDirectory(fd: number, size: number): { offset: number; length: number } | null {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = readAt(fd, size - tailLength, tailLength);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD) continue;
    const length = tail.readUInt32LE(i + 12);
    const offset = tail.readUInt32LE(i + 16);
    if (offset !== MAX32 && length !== MAX32) return { offset, length };
    const locatorAt = size - tailLength + i - 20;
    if (locatorAt < 0) return null;
    const locator = readAt(fd, locatorAt, 20);
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) return null;
    const record = readAt(fd, Number(locator.readBigUInt64LE(8)), 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD) return null;
    return {
      offset: Number(record.readBigUInt64LE(48)),
      length: Number(record.readBigUInt64LE(40)),
    };
  }
  return null;
}

/** An entry's uncompressed size: its 32-bit field, or the ZIP64 extra field's when that is full. */
function entrySize(dir: Buffer, at: number): number {
  const size = dir.readUInt32LE(at + 24);
  if (size !== MAX32) return size;
  const nameLength = dir.readUInt16LE(at + 28);
  const extraLength = dir.readUInt16LE(at + 30);
  let e = at + 46 + nameLength;
  const end = e + extraLength;
  while (e + 4 <= end) {
    const id = dir.readUInt16LE(e);
    const length = dir.readUInt16LE(e + 2);
    if (id === 1 && e + 12 <= dir.length) return Number(dir.readBigUInt64LE(e + 4));
    e += 4 + length;
  }
  return Number.POSITIVE_INFINITY; // a full field with no ZIP64 size: take it as too large
}

/**
 * The sum of the uncompressed sizes the archive's central directory declares, or null when
 * `file` has no readable central directory (not a zip; the workbook reader then says so).
 */
export function declaredUncompressedBytes(file: string): number | null {
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    const where = centralDirectory(fd, size);
    if (!where || where.offset + where.length > size) return null;
    const dir = readAt(fd, where.offset, where.length);
    let total = 0;
    for (let at = 0; at + 46 <= dir.length && dir.readUInt32LE(at) === CENTRAL; ) {
      total += entrySize(dir, at);
      at += 46 + dir.readUInt16LE(at + 28) + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
    }
    return total;
  } finally {
    closeSync(fd);
  }
}
