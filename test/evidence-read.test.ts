/**
 * Reading reports as agencies and newsrooms save them: text and HTML in legacy Chinese,
 * Korean, Japanese and Western encodings and in UTF-16, with or without a byte-order mark or a
 * declared charset; a forced encoding; header lines; PDFs within limits (a decompression bomb
 * is refused, not inflated); page numbers on claims from PDFs; the review queue in rank order.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import iconv from "iconv-lite";
import type { AppError } from "../src/core/errors.js";
import { readSourceFile } from "../src/evidence/read-source.js";
import { addSource, listClaims } from "../src/evidence/store-evidence.js";
import { repoRoot } from "../src/repo-root.js";
import { makePdf, makePdfBomb } from "./fixtures/evidence/make-pdf.js";
import { runCli, tempDir, withDb, writeFile } from "./helpers/with-db.js";

const tmp = tempDir();
after(tmp.cleanup);

const ZH = "据知情人士透露，目前在丹东的服装和水产加工企业中务工的朝鲜工人约有2万名。";
const ZH_TRAD =
  "韓國國家情報院2月9日表示,朝鮮去年向俄羅斯各地地盤派出數千勞工,違反聯合國安全理事決議。";
const KO =
  "중국 길림성 훈춘시의 한 소식통은 지난달 28일에서 29일 사이 훈춘으로 북한 노동자 500명이 파견됐다고 전했습니다.";
const JA = "延辺朝鮮族自治州にある琿春の工業団地では昨年、6000人以上の北朝鮮労働者を雇用した。";
const EN = "North Korean workers’ stays – “about 6,500” in Hunchun, the café owner said.";

describe("evidence: text encodings", () => {
  it("tells GB18030, EUC-KR, Big5, Shift-JIS, cp1252 and UTF-16 apart and decodes them", async () => {
    const cases: [string, string, string][] = [
      ["gb18030", ZH, "gb18030"],
      ["euc-kr", KO, "euc-kr"],
      ["big5", ZH_TRAD, "big5"],
      ["shift_jis", JA, "shift_jis"],
      ["windows-1252", EN, "windows-1252"],
      ["utf-16le", `${EN}\n${KO}`, "utf-16le"],
      ["utf-16be", `${EN}\n${ZH}`, "utf-16be"],
    ];
    for (const [encoding, text, expected] of cases) {
      const file = writeFile(tmp.dir, `${encoding}.txt`, iconv.encode(text, encoding));
      const src = await readSourceFile(file);
      assert.equal(src.text, text, encoding);
      assert.match(src.extractor, new RegExp(expected), encoding);
    }
  });

  it("honours a byte-order mark, an HTML page's declared charset and a forced --encoding", async () => {
    const bom = writeFile(
      tmp.dir,
      "bom.txt",
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(KO, "utf-16le")]),
    );
    assert.equal((await readSourceFile(bom)).text, KO);
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr"><title>북한 노동자</title></head><body><p>${KO}</p></body></html>`;
    const page = writeFile(tmp.dir, "page.html", iconv.encode(html, "euc-kr"));
    const read = await readSourceFile(page);
    assert.equal(read.text, KO);
    assert.equal(read.found.title, "북한 노동자");
    assert.match(read.extractor, /euc-kr \(declared/);
    // Too short to detect reliably: the flag decides.
    const short = writeFile(tmp.dir, "short.txt", iconv.encode("丹東", "big5"));
    assert.equal((await readSourceFile(short, { encoding: "big5" })).text, "丹東");
    await assert.rejects(
      readSourceFile(short, { encoding: "klingon-8" }),
      (e: AppError) => e.code === "usage" && /unknown encoding "klingon-8"/.test(e.message),
    );
  });

  it("takes leading Title:, URL: and Published: lines as metadata", async () => {
    const file = writeFile(
      tmp.dir,
      "header.txt",
      "Title: N. Korea dispatches 500 workers to Hunchun\nURL: https://example.org/a\nPublished: 2024-09-16\n\nSome 500 North Korean workers arrived in Hunchun.",
    );
    const src = await readSourceFile(file);
    assert.equal(src.found.title, "N. Korea dispatches 500 workers to Hunchun");
    assert.equal(src.found.url, "https://example.org/a");
    assert.equal(src.found.published, "2024-09-16");
  });
});

describe("evidence: PDFs", () => {
  it("refuses a decompression bomb before PDF.js inflates it, and over-long PDFs, with the flag to raise", async () => {
    const bomb = await makePdfBomb(300 * 1024 * 1024);
    assert.ok(bomb.length < 1024 * 1024, `bomb is ${bomb.length} bytes`);
    const file = writeFile(tmp.dir, "bomb.pdf", bomb);
    await assert.rejects(
      readSourceFile(file),
      (e: AppError) =>
        e.code === "input" && /inflate to more than 256 MB.*--max-pdf-decompressed/.test(e.message),
    );
    const pages = writeFile(
      tmp.dir,
      "long.pdf",
      makePdf(Array.from({ length: 120 }, (_, i) => `Paragraph ${i}.`).join("\n\n")),
    );
    await assert.rejects(
      readSourceFile(pages, {
        pdfLimits: { maxPages: 2, maxStreams: 1000, maxDecompressedBytes: 1e8 },
      }),
      (e: AppError) => /has 5 pages, more than 2.*--max-pdf-pages/.test(e.message),
    );
    await assert.rejects(
      readSourceFile(pages, {
        pdfLimits: { maxPages: 100, maxStreams: 3, maxDecompressedBytes: 1e8 },
      }),
      (e: AppError) => /more than 3 streams.*--max-pdf-streams/.test(e.message),
    );
  });

  it("ends with an input error, not a crash, when PDF.js rejects promises no one awaits", () => {
    // damaged-xref.pdf: a generated report PDF with mutated bytes (test/fixtures/evidence/SOURCES.md);
    // loading it makes PDF.js reject internal promises for bad cross-reference entries.
    const file = join(repoRoot(), "test", "fixtures", "evidence", "damaged-xref.pdf");
    const r = runCli(["--db", `${tmp.dir}/damaged.duckdb`, "evidence", "add", file]);
    assert.equal(r.status, 3, r.stderr);
    assert.match(r.stderr, /damaged-xref\.pdf: not a readable PDF \(/);
    assert.doesNotMatch(r.stderr, /UnhandledPromiseRejection|XRefEntryException/);
  });

  it("puts the page number on every claim from a PDF and queues suggestions strongest first", async () => {
    const filler = Array.from({ length: 50 }, (_, i) => `Line ${i} of the annex.`).join("\n\n");
    const text = `Some 300 North Korean workers were seen in Tumen.\n\n${filler}\n\nAbout 6,500 North Korean workers are in Hunchun, according to a source in June 2019. Workers may not leave the dormitory.`;
    const file = writeFile(tmp.dir, "annex.pdf", makePdf(text));
    await withDb(async (store) => {
      await addSource(store, file, { published: "2019-07-01" });
      const claims = await listClaims(store, { status: "suggested" });
      const counts = claims.filter((c) => c.kind === "worker_count");
      assert.deepEqual(
        counts.map((c) => [c.value_min, c.page]),
        [
          [6500, 3],
          [300, 1],
        ],
        "the count with place and period first; each on its own page (48 lines a page)",
      );
      assert.ok(claims.every((c) => c.page !== null && c.suggestion_rank !== null));
      assert.deepEqual(
        claims.map((c) => c.suggestion_rank),
        [...claims.map((c) => c.suggestion_rank)].sort((a, b) => a! - b!),
      );
    });
  });
});
