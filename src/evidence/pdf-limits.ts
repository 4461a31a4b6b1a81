/**
 * Limits on what a PDF may make the reader decode, checked before PDF.js sees the file: a
 * "decompression bomb" (a few hundred KB of Flate data that inflates to gigabytes) would
 * otherwise exhaust memory inside PDF.js. Every Flate-compressed stream is inflated here with
 * zlib under a running budget, so memory stays bounded by the budget; the page count is checked
 * once PDF.js has read the page tree. Each limit has a flag to raise it.
 */
import { inflateSync } from "node:zlib";
import { AppError } from "../core/errors.js";

export interface PdfLimits {
  /** Pages (`--max-pdf-pages`). */
  maxPages: number;
  /** Streams of any kind (`--max-pdf-streams`). */
  maxStreams: number;
  /** Bytes all Flate streams inflate to, together (`--max-pdf-decompressed`, in MB). */
  maxDecompressedBytes: number;
}

// A UN Panel of Experts report is about 600 pages, with a few thousand streams and tens of
// megabytes of page content and fonts once inflated; the defaults leave room several times
// over. Images are not counted: text extraction never decodes them.
export const DEFAULT_PDF_LIMITS: PdfLimits = {
  maxPages: 5000,
  maxStreams: 200_000,
  maxDecompressedBytes: 256 * 1024 * 1024,
};

const STREAM = /stream\r?\n/g;

/** Throws when the PDF's streams exceed the limits; returns how much they inflate to. */
export function checkPdfStreams(path: string, bytes: Buffer, limits: PdfLimits): number {
  const latin = bytes.toString("latin1");
  let streams = 0;
  let inflated = 0;
  STREAM.lastIndex = 0;
  for (let m = STREAM.exec(latin); m; m = STREAM.exec(latin)) {
    // "endstream" also ends in "stream"; only a stream keyword after a dictionary opens one.
    if (latin.slice(Math.max(0, m.index - 3), m.index) === "end") continue;
    streams++;
    if (streams > limits.maxStreams) {
      throw new AppError(
        "input",
        `${path}: more than ${limits.maxStreams} streams in the PDF; if it is genuine, raise --max-pdf-streams`,
      );
    }
    const dictStart = latin.lastIndexOf("<<", m.index);
    const dict = latin.slice(Math.max(0, dictStart), m.index);
    const start = m.index + m[0].length;
    const end = latin.indexOf("endstream", start);
    if (end < 0) break;
    if (!/\/FlateDecode|\/Fl\b/.test(dict) || /\/Subtype\s*\/Image/.test(dict)) continue;
    const budget = limits.maxDecompressedBytes - inflated;
    try {
      inflated += inflateSync(bytes.subarray(start, end), {
        maxOutputLength: Math.max(1, budget),
        finishFlush: 2, // Z_SYNC_FLUSH: a stream cut short inflates as far as it goes
      }).length;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
        throw new AppError(
          "input",
          `${path}: the PDF's compressed streams inflate to more than ${Math.round(limits.maxDecompressedBytes / 1024 / 1024)} MB (a decompression bomb, or a very large document); if it is genuine, raise --max-pdf-decompressed MB`,
        );
      }
      // A stream zlib cannot read is left to PDF.js, which reports damaged files itself.
    }
  }
  return inflated;
}

/** Throws when PDF.js reports more pages than allowed. */
export function checkPdfPages(path: string, pages: number, limits: PdfLimits): void {
  if (pages > limits.maxPages) {
    throw new AppError(
      "input",
      `${path}: the PDF has ${pages} pages, more than ${limits.maxPages}; if it is genuine, raise --max-pdf-pages`,
    );
  }
}
