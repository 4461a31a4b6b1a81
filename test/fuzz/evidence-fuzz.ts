/**
 * Fuzzing `evidence add` with generated reports: plain text, HTML and PDF. A report is built from
 * paragraphs: sentences of the real reports in `test/fixtures/evidence/reports/` recombined, with
 * dates, numbers, places and hostile values (markup, NUL, lone surrogates, very long words) mixed
 * in; HTML adds scripts, unclosed tags and entities; a PDF is written with one page per few
 * paragraphs, its content streams compressed or not. A share of files is damaged byte by byte.
 * The property: the add ends (no hang) with either a stored source or an input error (no crash,
 * no internal error), and the store holds the source and exactly the claims it reported. With
 * `storeEvery` above 1 (the long run), the other files are read and their claims suggested
 * without storing — the same reader and suggester, without a statement per claim — and every
 * claim's quote must be the text at its offsets.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import fc from "fast-check";
import { type PlaceIndex, suggestClaims } from "../../src/core/evidence/index.js";
import type { Store } from "../../src/db/store.js";
import { placeIndex } from "../../src/evidence/gazetteer-place-index.js";
import { readSourceFile } from "../../src/evidence/read-source.js";
import { addSource } from "../../src/evidence/store-evidence.js";
import { repoRoot } from "../../src/repo-root.js";
import {
  type FuzzRun,
  type FuzzStats,
  hostileArb,
  type Mutation,
  mutate,
  mutationsArb,
  runFuzz,
  withDeadline,
} from "./fuzz-common.js";

export const EVIDENCE_FUZZ_FORMATS = ["text", "html", "pdf"] as const;
export type EvidenceFuzzFormat = (typeof EVIDENCE_FUZZ_FORMATS)[number];

/** Sentences of the real reports (text, Markdown, HTML with its tags taken out). */
function sentences(): string[] {
  const dir = join(repoRoot(), "test", "fixtures", "evidence", "reports");
  return readdirSync(dir)
    .filter((f) => /\.(txt|md|html)$/.test(f))
    .flatMap((f) =>
      readFileSync(join(dir, f), "utf8")
        .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>/g, " ")
        .split(/(?<=[.!?。])\s+/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    );
}

const pieceArb = (pool: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...pool) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "About 400 North Korean workers arrived in Hunchun on 2 April 2019.",
        "Some 2,000 workers left Dandong on 2019-12-22, before the deadline.",
        "在珲春的朝鲜工人约有三千名，2019年12月仍在工厂工作。",
        "훈춘의 북한 노동자 약 500명이 2024년 8월에 도착했다.",
        "The Quanhe crossing saw 150 workers exit on 30 March 2019.",
      ),
    },
    { weight: 1, arbitrary: hostileArb },
  );

const paragraphArb = (pool: string[]) =>
  fc.array(pieceArb(pool), { minLength: 1, maxLength: 4 }).map((p) => p.join(" "));

interface Report {
  title: string;
  paragraphs: string[];
  compress: boolean;
  mutations: Mutation[];
}

const reportArb = (pool: string[], maxParagraphs: number): fc.Arbitrary<Report> =>
  fc.record({
    title: fc.oneof(fc.constantFrom(...pool), hostileArb),
    paragraphs: fc.array(paragraphArb(pool), { maxLength: maxParagraphs, size: "max" }),
    compress: fc.boolean(),
    mutations: mutationsArb,
  });

const htmlEscape = (v: string) =>
  v.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

function textReport(r: Report): string {
  return `Title: ${r.title.replaceAll(/[\r\n]/g, " ")}\nPublished: 2019-03-28\n\n${r.paragraphs.join("\n\n")}\n`;
}

function htmlReport(r: Report): string {
  // Every third paragraph written raw: markup in it stays markup (often unclosed).
  const body = r.paragraphs
    .map((p, i) => (i % 3 === 2 ? `<p>${p}` : `<p>${htmlEscape(p)}</p>`))
    .join("\n");
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${htmlEscape(r.title)}</title>
<script>document.write("<p>not text</p>")</script><style>p { color: red }</style></head>
<body><article><h1>${htmlEscape(r.title)}</h1>
${body}
</article></body></html>
`;
}

/** A PDF string literal: Latin-1 text (others as '?'), with (, ) and \\ escaped. */
function pdfString(s: string): string {
  const latin = s.replace(/[^\x20-\xff]/g, "?");
  return `(${latin.replace(/[()\\]/g, (c) => `\\${c}`)})`;
}

/** A small well-formed PDF: a Helvetica page for every four paragraphs, lines of ≤ 90 chars. */
export function pdfReport(r: Report): Buffer {
  const pages: string[][] = [];
  const lines = [r.title, ...r.paragraphs].flatMap((p) => p.match(/.{1,90}/gsu) ?? [""]);
  for (let i = 0; i < Math.max(1, lines.length); i += 48) pages.push(lines.slice(i, i + 48));
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) => {
    objects.push(Buffer.isBuffer(body) ? body : Buffer.from(body, "latin1"));
    return objects.length;
  };
  add("<< /Type /Catalog /Pages 2 0 R >>");
  add(""); // the page tree, written once the pages are known
  const font = add(
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  );
  const kids: number[] = [];
  for (const page of pages) {
    const content = Buffer.from(
      `BT /F1 10 Tf 14 TL 56 760 Td\n${page.map((l) => `${pdfString(l)} Tj T*`).join("\n")}\nET`,
      "latin1",
    );
    const data = r.compress ? deflateSync(content) : content;
    const stream = add(
      Buffer.concat([
        Buffer.from(
          `<< /Length ${data.length}${r.compress ? " /Filter /FlateDecode" : ""} >>\nstream\n`,
        ),
        data,
        Buffer.from("\nendstream"),
      ]),
    );
    kids.push(
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${stream} 0 R /Resources << /Font << /F1 ${font} 0 R >> >> >>`,
      ),
    );
  }
  objects[1] = Buffer.from(
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`,
  );
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    offsets.push(at);
    parts.push(obj);
    at += obj.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets
    .map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)
    .join("")}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(xref)]);
}

function bytesOf(format: EvidenceFuzzFormat, r: Report): Buffer {
  if (format === "pdf") return pdfReport(r);
  return Buffer.from(format === "html" ? htmlReport(r) : textReport(r));
}

const EXTENSION: Record<EvidenceFuzzFormat, string> = { text: "txt", html: "html", pdf: "pdf" };

/** Adds one generated report and checks the property; throws (a failed property) otherwise. */
async function checkReport(store: Store, path: string, timeoutMs: number) {
  return withDeadline(`evidence add of ${path}`, timeoutMs, async () => {
    const r = await addSource(store, path);
    const row = await store.one<{ sources: bigint; claims: bigint }>(
      `SELECT (SELECT count(*) FROM evidence_sources WHERE source_id = ? AND sha256 = ?) AS sources,
              (SELECT count(*) FROM evidence_claims WHERE source_id = ?) AS claims`,
      [r.sourceId, r.sha256, r.sourceId],
    );
    if (Number(row?.sources) !== 1)
      throw new Error(`${path}: source ${r.sourceId} (${r.sha256}) is not stored`);
    if (r.status === "added" && Number(row?.claims) !== r.suggested)
      throw new Error(`${path}: ${r.suggested} claims suggested, ${row?.claims} stored`);
    return r.suggested;
  });
}

/** Reads one generated report and suggests its claims, storing nothing; throws (a failed
 * property) when a claim's quote is not the text at its offsets. */
async function checkRead(path: string, timeoutMs: number, places: PlaceIndex) {
  return withDeadline(`reading ${path}`, timeoutMs, async () => {
    const src = await readSourceFile(path);
    const drafts = suggestClaims(src.text, { places, published: null });
    const chars = [...src.text];
    for (const d of drafts)
      if (chars.slice(d.start, d.end).join("") !== d.quote)
        throw new Error(
          `${path}: claim quote ${JSON.stringify(d.quote)} is not the text at ${d.start}–${d.end}`,
        );
    return drafts.length;
  });
}

export async function fuzzEvidence(
  opts: FuzzRun & { format: EvidenceFuzzFormat },
): Promise<FuzzStats> {
  const pool = sentences();
  const places = placeIndex();
  const storeEvery = opts.storeEvery ?? 1;
  return runFuzz(opts, reportArb(pool, opts.maxRecords), (store, r, slot) => {
    const path = join(opts.dir, `report-${slot}.${EXTENSION[opts.format]}`);
    writeFileSync(path, mutate(bytesOf(opts.format, r), r.mutations));
    const timeoutMs = opts.timeoutMs ?? 60_000;
    return {
      records: r.paragraphs.length,
      check: () =>
        slot % storeEvery === 0
          ? checkReport(store, path, timeoutMs)
          : checkRead(path, timeoutMs, places),
    };
  });
}
