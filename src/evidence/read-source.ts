/**
 * Reads a report file into what the evidence base keeps: the original bytes and their
 * SHA-256, the media type, and the extracted text that claims quote. Plain text and Markdown
 * are kept as written, in any encoding decode-text.ts can tell (BOM dropped); a leading
 * "Title:", "URL:", "Published:" or "Author:" line is taken as metadata too. HTML is reduced to
 * its visible text with node-html-parser; PDF text comes from unpdf (Mozilla's PDF.js, no
 * network), within the limits of pdf-limits.ts. A file that is unsupported, empty, of an
 * encoding that cannot be told, or a PDF that cannot be parsed or exceeds the limits is
 * refused with a message naming the file: nothing of it is stored.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, extname, join } from "node:path";
import { type HTMLElement, type Node, NodeType, parse as parseHtml } from "node-html-parser";
import { AppError } from "../core/errors.js";
import { type DecodedText, decodeText } from "./decode-text.js";
import {
  checkPdfPages,
  checkPdfStreams,
  DEFAULT_PDF_LIMITS,
  type PdfLimits,
} from "./pdf-limits.js";

export const MEDIA_TYPES = ["text/plain", "text/markdown", "text/html", "application/pdf"] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

const EXTENSIONS: Record<string, MediaType> = {
  ".txt": "text/plain",
  ".text": "text/plain",
  ".md": "text/markdown",
  ".markdown": "text/markdown",
  ".html": "text/html",
  ".htm": "text/html",
  ".xhtml": "text/html",
  ".pdf": "application/pdf",
};

export interface ReadSource {
  path: string;
  fileName: string;
  mediaType: MediaType;
  bytes: Buffer;
  sha256: string;
  text: string;
  textSha256: string;
  extractor: string;
  language: "en" | "ko" | "zh" | "mixed";
  pages: number | null;
  /** Metadata found in the file itself (HTML <title>/meta, PDF info, Markdown heading). */
  found: { title?: string; author?: string; published?: string; url?: string };
}

const require = createRequire(import.meta.url);
/** A dependency's version, from the package.json above its entry point (packages whose
 * exports map hides package.json included). */
function versionOf(pkg: string): string {
  try {
    let dir = dirname(require.resolve(pkg));
    for (;;) {
      const file = join(dir, "package.json");
      if (existsSync(file)) {
        const json = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
        if (json.name === pkg && json.version) return json.version;
      }
      const parent = dirname(dir);
      if (parent === dir) return "unknown";
      dir = parent;
    }
  } catch {
    return "unknown";
  }
}

export function sha256(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

function mediaTypeOf(path: string, bytes: Buffer): MediaType {
  const ext = extname(path).toLowerCase();
  const byExt = EXTENSIONS[ext];
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  if (byExt) return byExt;
  throw new AppError(
    "input",
    `${path}: unsupported file type "${ext || "(no extension)"}"; expected one of ${Object.keys(EXTENSIONS).join(", ")} (plain text, Markdown, HTML or PDF)`,
  );
}

/** Line endings to \n and trailing spaces off each line: offsets must not depend on the
 * platform that wrote the file. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\u00a0]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const BLOCK = new Set(
  "address article aside blockquote dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr ul caption".split(
    " ",
  ),
);
const SKIP = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "svg",
  "iframe",
  "button",
  "select",
]);

function htmlText(root: HTMLElement): string {
  let out = "";
  const walk = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      out += node.text.replace(/[\s\u00a0]+/g, " ");
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const el = node as HTMLElement;
    const tag = el.rawTagName?.toLowerCase() ?? "";
    if (SKIP.has(tag)) return;
    if (tag === "br") {
      out += "\n";
      return;
    }
    const block = BLOCK.has(tag);
    if (block) out += "\n\n";
    if (tag === "td" || tag === "th") out += " ";
    for (const child of el.childNodes) walk(child);
    if (block) out += "\n\n";
  };
  walk(root);
  return out
    .split("\n")
    .map((l) => l.trim())
    .join("\n");
}

function readHtml(raw: string): { text: string; found: ReadSource["found"] } {
  const root = parseHtml(raw, { comment: false });
  const meta = (sel: string) =>
    root.querySelector(sel)?.getAttribute("content")?.trim() || undefined;
  const found: ReadSource["found"] = {
    title:
      meta('meta[property="og:title"]') ?? (root.querySelector("title")?.text.trim() || undefined),
    author: meta('meta[name="author"]'),
    published:
      meta('meta[property="article:published_time"]') ??
      meta('meta[name="date"]') ??
      meta('meta[itemprop="datePublished"]'),
    url:
      meta('meta[property="og:url"]') ??
      root.querySelector('link[rel="canonical"]')?.getAttribute("href"),
  };
  const body = root.querySelector("body") ?? root;
  return { text: htmlText(body), found };
}

interface PdfTextItem {
  str: string;
  transform: number[];
  height: number;
  hasEOL?: boolean;
}

/**
 * One page's text in reading order. PDF.js gives positioned runs; a run on a new baseline
 * starts a new line, and a gap of more than 1.6 line heights starts a new paragraph (PDFs
 * have no blank lines to find paragraphs by).
 */
function pageText(items: PdfTextItem[]): string {
  let out = "";
  let lastY: number | null = null;
  let lineHeight = 0;
  for (const it of items) {
    if (typeof it.str !== "string") continue;
    const y = it.transform[5] ?? 0;
    const h = it.height || Math.abs(it.transform[3] ?? 0) || lineHeight;
    if (lastY !== null && Math.abs(y - lastY) > 0.5) {
      const gap = Math.abs(lastY - y);
      const step = lineHeight || h || gap;
      out += gap > step * 1.6 ? "\n\n" : "\n";
      if (gap <= step * 1.6) lineHeight = gap;
    }
    if (lastY === null && h) lineHeight = h * 1.2;
    out += it.str;
    lastY = y;
  }
  return out;
}

/**
 * PDF.js's own errors (its exception classes, by name): on a damaged file its document loading
 * can reject promises that nothing awaits, which would end the process.
 */
const PDFJS_ERROR =
  /^(XRef\w*Exception|FormatError|InvalidPDFException|MissingDataException|ParserEOFException|UnknownErrorException)$/;

/**
 * Runs `read` with PDF.js's stray rejections caught: while it runs (and until the next turn of
 * the event loop after it), a rejection no one handles whose reason is a PDF.js error is taken
 * as the file's fault — the read fails with it if it has not failed already — instead of ending
 * the process. Any other unhandled rejection is left to the other listeners, or rethrown as Node
 * would when there are none.
 */
async function withPdfStrays<T>(read: (stray: () => Error | undefined) => Promise<T>): Promise<T> {
  let first: Error | undefined;
  const onStray = (reason: unknown) => {
    if (reason instanceof Error && PDFJS_ERROR.test(reason.name)) {
      first ??= reason;
      return;
    }
    // Another listener (a server's, a test's) decides; alone, end the process as Node would.
    if (process.listenerCount("unhandledRejection") === 1) throw reason;
  };
  process.on("unhandledRejection", onStray);
  try {
    return await read(() => first);
  } finally {
    await new Promise((resolve) => setImmediate(resolve));
    process.off("unhandledRejection", onStray);
  }
}

async function readPdf(
  path: string,
  bytes: Buffer,
  limits: PdfLimits,
): Promise<{ text: string; pages: number; found: ReadSource["found"] }> {
  checkPdfStreams(path, bytes, limits);
  return withPdfStrays((stray) => readPdfText(path, bytes, limits, stray));
}

async function readPdfText(
  path: string,
  bytes: Buffer,
  limits: PdfLimits,
  stray: () => Error | undefined,
): Promise<{ text: string; pages: number; found: ReadSource["found"] }> {
  const { getDocumentProxy, getMeta } = await import("unpdf");
  try {
    // PDF.js takes ownership of the buffer it is given; hand it a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), {
      verbosity: 0,
      isEvalSupported: false,
    });
    checkPdfPages(path, pdf.numPages, limits);
    const pages: string[] = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const content = await (await pdf.getPage(i)).getTextContent();
      pages.push(tidy(pageText(content.items as PdfTextItem[])));
    }
    let found: ReadSource["found"] = {};
    try {
      const { info } = await getMeta(pdf);
      const i = info as Record<string, unknown>;
      const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
      // The PDF's CreationDate is when the file was made, not when the report was published.
      found = { title: str(i.Title), author: str(i.Author) };
    } catch {
      // Metadata is optional; the text is what counts.
    }
    const damaged = stray();
    if (damaged) throw damaged;
    // Pages are separated by a blank line and a form feed so offsets stay unambiguous.
    return { text: pages.join("\n\n\f\n\n"), pages: pdf.numPages, found };
  } catch (err) {
    if (err instanceof AppError) throw err;
    const why = (err as Error).message || (err as Error).name || "unreadable";
    throw new AppError(
      "input",
      `${path}: not a readable PDF (${why}); is the file complete and not encrypted?`,
      {
        cause: err,
      },
    );
  }
}

function languageOf(text: string): ReadSource["language"] {
  const hangul = (text.match(/\p{Script=Hangul}/gu) ?? []).length;
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  const total = hangul + han + latin || 1;
  if (hangul / total > 0.5) return "ko";
  if (han / total > 0.5) return "zh";
  if (latin / total > 0.8) return "en";
  return hangul > han
    ? hangul / total > 0.3
      ? "ko"
      : "mixed"
    : han / total > 0.3
      ? "zh"
      : "mixed";
}

export interface ReadOptions {
  /** Decode text and HTML files with this encoding instead of telling it (`--encoding`). */
  encoding?: string;
  pdfLimits?: PdfLimits;
}

function readBytes(path: string): Buffer {
  try {
    if (statSync(path).isDirectory())
      throw new AppError("input", `${path}: is a directory; give a report file`);
    return readFileSync(path);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(
      "input",
      `${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
  }
}

/** How the text was decoded, for the extractor field: "utf-8", or "gb18030 (detected)". */
function decodedAs(d: DecodedText): string {
  return d.basis === "utf-8" || (d.basis === "bom" && d.encoding === "utf-8")
    ? "utf-8"
    : `${d.encoding} (${d.basis}, iconv-lite ${versionOf("iconv-lite")})`;
}

// Header lines some saved reports start with: "Title: …", "URL: …", "Published: …".
const HEADER_LINE = /^(title|url|source|published|date|author|by)\s*:\s*(.+)$/i;

/** Metadata in a plain-text report's leading "Key: value" lines (or its Markdown heading). */
function textHeader(text: string, mediaType: MediaType): ReadSource["found"] {
  const found: ReadSource["found"] = {};
  for (const line of text.split("\n").slice(0, 8)) {
    const m = HEADER_LINE.exec(line.trim());
    if (!m) break;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === "title") found.title ??= value;
    else if (key === "url" || key === "source") found.url ??= value;
    else if ((key === "published" || key === "date") && /^\d{4}-\d{2}(?:-\d{2})?/.test(value))
      found.published ??= value.slice(0, 10);
    else if (key === "author" || key === "by") found.author ??= value;
  }
  if (!found.title && mediaType === "text/markdown") {
    const heading = /^#\s+(.+)$/m.exec(text)?.[1]?.trim();
    if (heading) found.title = heading;
  }
  return found;
}

export async function readSourceFile(path: string, options: ReadOptions = {}): Promise<ReadSource> {
  const bytes = readBytes(path);
  if (bytes.length === 0) throw new AppError("input", `${path}: the file is empty; nothing stored`);
  const mediaType = mediaTypeOf(path, bytes);
  let text: string;
  let pages: number | null = null;
  let found: ReadSource["found"] = {};
  let extractor: string;
  if (mediaType === "application/pdf") {
    const pdf = await readPdf(path, bytes, options.pdfLimits ?? DEFAULT_PDF_LIMITS);
    text = pdf.text;
    pages = pdf.pages;
    found = pdf.found;
    extractor = `unpdf ${versionOf("unpdf")}`;
  } else if (mediaType === "text/html") {
    const decoded = decodeText(path, bytes, options.encoding);
    const html = readHtml(decoded.text);
    text = tidy(html.text);
    found = html.found;
    const as = decodedAs(decoded);
    extractor = `node-html-parser ${versionOf("node-html-parser")}${as === "utf-8" ? "" : `; ${as}`}`;
  } else {
    const decoded = decodeText(path, bytes, options.encoding);
    text = tidy(decoded.text.replace(/^\uFEFF/, ""));
    found = textHeader(text, mediaType);
    extractor = decodedAs(decoded);
  }
  if (text.replace(/[\s\f]/g, "") === "") {
    throw new AppError(
      "input",
      `${path}: no text could be extracted${mediaType === "application/pdf" ? " (a scanned PDF needs OCR first)" : ""}; nothing stored`,
    );
  }
  return {
    path,
    fileName: basename(path),
    mediaType,
    bytes,
    sha256: sha256(bytes),
    text,
    textSha256: sha256(text),
    extractor,
    language: languageOf(text),
    pages,
    found,
  };
}
