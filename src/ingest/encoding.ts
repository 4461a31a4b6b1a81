/**
 * Text encodings of input files. Ingest reads UTF-8; exports from Chinese and Korean systems
 * often come in GB18030 (GBK) or EUC-KR (CP949), and older Western ones in Windows-1252. A file
 * is detected from its first bytes (a BOM, valid UTF-8, else chardet's statistical guess) or
 * named with --encoding, and a file in another encoding is decoded to a UTF-8 copy (iconv-lite)
 * that the usual readers take, line numbers unchanged. chardet and iconv-lite: the pair the
 * evidence side uses; both pure JavaScript.
 */
import { createReadStream, createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import chardet from "chardet";
import iconv from "iconv-lite";
import { AppError } from "../core/errors.js";
import { decodeUtf8, type InputLimits, isCompressed, openText } from "./lines.js";

/** How a file's encoding was settled, for the run's summary. */
export interface FileEncoding {
  /** iconv-lite's name, lower-case ("utf-8", "euc-kr", "gb18030", …). */
  name: string;
  how: "named" | "detected";
  /** chardet's confidence (0–100) when it decided. */
  confidence?: number;
}

const SAMPLE_BYTES = 256 * 1024;

/** The first bytes of the file's text (decompressed when gzipped). */
export async function sampleText(file: string, limits: InputLimits): Promise<Buffer> {
  const stream: Readable = openText(file, limits);
  const parts: Buffer[] = [];
  let n = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parts.push(chunk);
      n += chunk.length;
      if (n >= SAMPLE_BYTES) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(parts).subarray(0, SAMPLE_BYTES);
}

/** Whether most of the sample's lines are valid UTF-8 (the last, possibly cut, aside). A
 * UTF-8 file with a few damaged lines stays UTF-8 — those lines are rejected one by one, with a
 * hint — while a file in another encoding fails on nearly every line with non-ASCII text. */
function looksUtf8(sample: Buffer, whole: boolean): boolean {
  if (decodeUtf8(sample) !== undefined) return true;
  let lines = 0;
  let invalid = 0;
  let start = 0;
  for (
    let nl = sample.indexOf(10);
    nl !== -1 || (whole && start < sample.length);
    nl = sample.indexOf(10, start)
  ) {
    const end = nl === -1 ? sample.length : nl;
    lines++;
    if (decodeUtf8(sample.subarray(start, end)) === undefined) invalid++;
    if (nl === -1) break;
    start = nl + 1;
  }
  return invalid * 2 < lines;
}

/** The encoding chardet finds most likely, as iconv-lite names it; undefined if none fits. */
export function guessEncoding(bytes: Buffer): { name: string; confidence: number } | undefined {
  for (const m of chardet.analyse(bytes)) {
    const name = m.name.toLowerCase();
    if (iconv.encodingExists(name)) return { name, confidence: m.confidence };
  }
  return undefined;
}

export function checkEncodingName(name: string): string {
  const n = name.trim().toLowerCase();
  if (!iconv.encodingExists(n))
    throw new AppError(
      "usage",
      `--encoding ${name}: unknown encoding; expected a name such as utf-8, gb18030, gbk, euc-kr, cp949, big5, shift_jis, windows-1252 or utf-16le`,
    );
  return n;
}

/** The file's encoding: `named` when given, else detected from its first bytes. */
export async function settleEncoding(
  file: string,
  named: string | undefined,
  limits: InputLimits,
): Promise<FileEncoding> {
  if (named) return { name: checkEncodingName(named), how: "named" };
  const sample = await sampleText(file, limits);
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { name: "utf-8", how: "detected" };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { name: "utf-16le", how: "detected" };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { name: "utf-16be", how: "detected" };
  if (looksUtf8(sample, sample.length < SAMPLE_BYTES)) return { name: "utf-8", how: "detected" };
  const guess = guessEncoding(sample);
  if (!guess) return { name: "utf-8", how: "detected" };
  return { name: guess.name, how: "detected", confidence: guess.confidence };
}

export function isUtf8(encoding: FileEncoding): boolean {
  return encoding.name === "utf-8" || encoding.name === "utf8";
}

/** Decodes the file's text to a UTF-8 file at `dest` (not compressed). */
export async function decodeToUtf8(
  file: string,
  encoding: FileEncoding,
  limits: InputLimits,
  dest: string,
): Promise<void> {
  await pipeline(
    openText(file, limits),
    iconv.decodeStream(encoding.name, { stripBOM: true }),
    iconv.encodeStream("utf-8"),
    createWriteStream(dest),
  );
}

/**
 * A hint for a file read as UTF-8 where lines were not: which encoding the file looks like
 * (chardet over its first megabyte of raw bytes) and the flag to name it.
 */
export async function misdecodedHint(
  file: string,
  invalidLines: number,
  read: number,
): Promise<string> {
  const parts: Buffer[] = [];
  let n = 0;
  const stream = isCompressed(file)
    ? openText(file, { maxLineBytes: 1 << 20, maxDecompressedBytes: 1 << 30, maxRatio: 1e6 })
    : createReadStream(file, { end: (1 << 20) - 1 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parts.push(chunk);
      n += chunk.length;
      if (n >= 1 << 20) break;
    }
  } finally {
    stream.destroy();
  }
  const guess = guessEncoding(Buffer.concat(parts));
  const share = `${invalidLines} of ${read} rows were not valid UTF-8`;
  return guess && guess.name !== "utf-8"
    ? `${share}; the file looks like ${guess.name.toUpperCase()} (confidence ${guess.confidence}%): ingest it again with --encoding ${guess.name}`
    : `${share}; if the file is in another encoding, name it with --encoding (for example gb18030, euc-kr, windows-1252)`;
}
