import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { AppError } from "../src/core/errors.js";
import type { Store } from "../src/db/store.js";
import { compareClaims } from "../src/evidence/compare.js";
import { exportRows, formatRows } from "../src/evidence/export-evidence.js";
import { linkSanctions, linkSponsors } from "../src/evidence/links.js";
import { searchEvidence } from "../src/evidence/search.js";
import {
  addManualClaim,
  addSource,
  listClaims,
  setClaimStatus,
} from "../src/evidence/store-evidence.js";
import { ingestFile } from "../src/ingest/ingest-file.js";
import { repoRoot } from "../src/repo-root.js";
import { makePdf } from "./fixtures/evidence/make-pdf.js";
import { runCli, tempDir, withDb, writeFile } from "./helpers/with-db.js";

const REPORTS = join(repoRoot(), "test", "fixtures", "evidence", "reports");
const report = (name: string) => join(REPORTS, name);
const tmp = tempDir();
after(tmp.cleanup);

async function count(store: Store, table: string): Promise<number> {
  const row = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(row?.n ?? 0);
}

describe("evidence add", () => {
  it("stores text, Markdown, HTML and PDF with hash, bytes, capture time and text; twice is a no-op", async () => {
    await withDb(async (store) => {
      const files = [
        "hunchun-zone-2019.txt",
        "yanbian-coaches-2018.md",
        "dandong-stay-limits-2019.html",
        "hunchun-dispatch-2024.pdf",
      ];
      for (const f of files) {
        const r = await addSource(store, report(f), {
          reliability: "c",
          credibility: "3",
          publisher: f,
        });
        assert.equal(r.status, "added");
        assert.equal(r.grade, "C3");
        assert.ok(r.suggested > 0, `${f}: suggestions`);
      }
      const rows = await store.all<{
        media_type: string;
        original: Uint8Array;
        sha256: string;
        text: string;
        captured_at: Date;
        title: string | null;
        published: Date | null;
      }>(
        "SELECT media_type, original, sha256, text, captured_at, title, published FROM evidence_sources ORDER BY source_id",
      );
      assert.deepEqual(
        rows.map((r) => r.media_type),
        ["text/plain", "text/markdown", "text/html", "application/pdf"],
      );
      rows.forEach((r, i) => {
        assert.deepEqual(
          Buffer.from(r.original),
          readFileSync(report(files[i]!)),
          "original bytes kept",
        );
        assert.ok(r.captured_at instanceof Date);
      });
      // HTML: visible text only, entities decoded, metadata read.
      const html = rows[2]!;
      assert.ok(html.text.includes("Dandong limits North Koreans’ stays to a week"));
      assert.ok(!html.text.includes("dataLayer") && !html.text.includes("font-family"));
      assert.equal(html.title, "Dandong limits North Koreans' stays to a week");
      assert.equal(html.published?.toISOString().slice(0, 10), "2019-03-28");
      // PDF: the words of the source text, in order, paragraphs kept.
      const pdf = rows[3]!;
      const source = readFileSync(join(REPORTS, "..", "hunchun-dispatch-2024.source.txt"), "utf8");
      assert.equal(pdf.text.replace(/\s+/g, " "), source.trim().replace(/\s+/g, " "));
      assert.ok(pdf.text.includes("\n\n"));
      assert.equal(pdf.title, "North Korea sends first post-pandemic workers to Hunchun");

      const before = await count(store, "evidence_claims");
      const again = await addSource(store, report(files[0]!), {
        reliability: "A",
        credibility: "1",
      });
      assert.equal(again.status, "exists");
      assert.equal(again.grade, "C3", "the stored grade is unchanged");
      assert.equal(await count(store, "evidence_sources"), 4);
      assert.equal(await count(store, "evidence_claims"), before);
      const events = await store.all<{ action: string }>(
        "SELECT action FROM evidence_events WHERE action = 'captured'",
      );
      assert.equal(events.length, 4);
    });
  });

  it("refuses unsupported, empty, corrupt and undecodable files, storing nothing", async () => {
    const pdf = makePdf("Some 2,000 workers.");
    const cases: [string, Buffer | string, RegExp][] = [
      [
        "report.docx",
        "PK\u0003\u0004 not really",
        /unsupported file type "\.docx"; expected one of .*\.pdf/,
      ],
      ["empty.txt", "", /empty\.txt: the file is empty/],
      ["blank.md", "\n   \n\t\n", /blank\.md: no text could be extracted/],
      ["truncated.pdf", pdf.subarray(0, 120), /truncated\.pdf: not a readable PDF/],
      [
        "binary.html",
        Buffer.from([0x3c, 0x00, 0x01, 0x02, 0x9f, 0x00, 0x03, 0x04]),
        /binary\.html: cannot tell the text encoding.*--encoding NAME/,
      ],
    ];
    await withDb(async (store) => {
      for (const [name, content, message] of cases) {
        const file = writeFile(tmp.dir, name, content);
        await assert.rejects(
          addSource(store, file),
          (e: AppError) => e.code === "input" && message.test(e.message),
        );
      }
      assert.equal(await count(store, "evidence_sources"), 0);
      assert.equal(await count(store, "evidence_terms"), 0);
    });
  });

  it("CLI: a bad grade is refused with the allowed values; nothing stored", () => {
    const db = join(tmp.dir, "cli.duckdb");
    const bad = runCli([
      "--db",
      db,
      "evidence",
      "add",
      report("hunchun-zone-2019.txt"),
      "--reliability",
      "G",
    ]);
    assert.equal(bad.status, 2);
    assert.match(
      bad.stderr,
      /--reliability: "G" is not a source reliability grade; expected one of A \(completely reliable\)/,
    );
    const ok = runCli([
      "--db",
      db,
      "evidence",
      "add",
      report("hunchun-zone-2019.txt"),
      "--reliability",
      "B",
      "--credibility",
      "2",
      "--json",
    ]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(JSON.parse(ok.stdout).sourceId, 1);
    const again = runCli(["--db", db, "evidence", "add", report("hunchun-zone-2019.txt")]);
    assert.match(again.stdout, /already stored as source 1/);
    const bad2 = runCli([
      "--db",
      db,
      "evidence",
      "add",
      report("hunchun-zone-2019.txt"),
      "--credibility",
      "0",
    ]);
    assert.equal(bad2.status, 2);
    assert.match(bad2.stderr, /expected one of 1 \(confirmed by other sources\)/);
    const claims = runCli([
      "--db",
      db,
      "evidence",
      "claims",
      "--place",
      "珲春",
      "--kind",
      "worker_count",
      "--json",
    ]);
    assert.equal(claims.status, 0, claims.stderr);
    const rows = JSON.parse(claims.stdout) as { value_min: number; grade: string }[];
    assert.ok(rows.some((r) => r.value_min === 6500 && r.grade === "B2"));
  });
});

describe("evidence claims", () => {
  it("adds claims by quote or offsets, resolves places, inherits grades and counts independent sources", async () => {
    await withDb(async (store) => {
      const a = await addSource(
        store,
        report("hunchun-zone-2019.txt"),
        { publisher: "Daily A", reliability: "C", credibility: "3" },
        { suggest: false },
      );
      const b = await addSource(
        store,
        report("ko-hunchun-2019.txt"),
        { publisher: "Radio B", reliability: "B", credibility: "2" },
        { suggest: false },
      );
      const c = await addSource(
        store,
        report("yanbian-coaches-2018.md"),
        { publisher: "daily a", reliability: "B", credibility: "2" },
        { suggest: false },
      );
      const c1 = await addManualClaim(store, {
        sourceId: a.sourceId,
        kind: "worker_count",
        quote: "around 6,500 North Korean workers in Hunchun alone",
        place: "Hunchun",
        value: "6500",
        from: "2019-06",
      });
      const text = (await store.one<{ text: string }>(
        "SELECT text FROM evidence_sources WHERE source_id = ?",
        [b.sourceId],
      ))!.text;
      const at = [...text.slice(0, text.indexOf("6천500명"))].length;
      const c2 = await addManualClaim(store, {
        sourceId: b.sourceId,
        kind: "worker_count",
        start: String(at),
        end: String(at + 6),
        place: "훈춘",
        value: "6500",
        from: "2019",
        credibility: "3",
      });
      // Same publisher as source a (case differs): not independent.
      const c3 = await addManualClaim(store, {
        sourceId: c.sourceId,
        kind: "worker_count",
        quote: "More than 2,000 North Koreans",
        place: "Hunchun Border Economic Cooperation Zone",
        min: "2000",
      });
      const rows = await listClaims(store, { place: "Hunchun" });
      const byId = new Map(rows.map((r) => [r.claim_id, r]));
      assert.equal(byId.get(c2)?.quote, "6천500명");
      assert.equal(byId.get(c1)?.grade, "C3");
      assert.equal(
        byId.get(c2)?.grade,
        "B3",
        "claim credibility overrides, reliability is the source's",
      );
      assert.deepEqual(byId.get(c1)?.corroborated_by, [c2]);
      assert.equal(byId.get(c1)?.independent_sources, 2);
      assert.equal(
        byId.get(c3)?.place_id,
        "zone-hunchun-becz",
        "a zone in the city is listed for the city",
      );
      assert.deepEqual(byId.get(c3)?.corroborated_by, [c2]);
      assert.equal((await listClaims(store, { place: "Tumen" })).length, 0);
      assert.equal((await listClaims(store, { place: "Yanbian" })).length, 3);

      const bad = (c: Partial<Parameters<typeof addManualClaim>[1]>, re: RegExp) =>
        assert.rejects(
          addManualClaim(store, {
            sourceId: a.sourceId,
            kind: "worker_count",
            quote: "6,500",
            ...c,
          }),
          (e: AppError) => re.test(e.message),
        );
      await bad(
        { kind: "rumour" },
        /--kind: "rumour" is not a claim kind; expected one of worker_count/,
      );
      await bad({ quote: "7,500 workers" }, /does not occur in source/);
      await bad({ quote: "Hunchun" }, /occurs \d+ times .*--occurrence/);
      await bad({ place: "Atlantis" }, /--place: "Atlantis" is not in the gazetteer/);
      await bad({ from: "2019-13" }, /--from: "2019-13" is not a date or period/);
      await bad({ quote: undefined, start: "5", end: "2" }, /expected 0 ≤ start < end/);
      await bad({ min: "10", max: "5" }, /--max 5 is below --min 10/);
      await assert.rejects(
        addManualClaim(store, { sourceId: 99, kind: "other", quote: "x" }),
        /no evidence source 99/,
      );
    });
  });

  it("review: suggestions are accepted or rejected, and rejected ones leave the default list", async () => {
    await withDb(async (store) => {
      const s = await addSource(store, report("zh-dandong-2019.txt"), { publisher: "X" });
      const suggested = await listClaims(store, { status: "suggested" });
      assert.equal(suggested.length, s.suggested);
      const [first, second] = suggested;
      await setClaimStatus(store, [first!.claim_id], "accepted");
      await setClaimStatus(store, [second!.claim_id], "rejected");
      const all = await listClaims(store);
      assert.equal(all.length, s.suggested - 1);
      assert.equal(all.find((c) => c.claim_id === first!.claim_id)?.status, "accepted");
      await assert.rejects(setClaimStatus(store, [12345], "accepted"), /no claim 12345/);
    });
  });
});

describe("evidence search", () => {
  it("ranks paragraphs by BM25, in English, Korean and Chinese", async () => {
    await withDb(async (store) => {
      for (const f of [
        "hunchun-zone-2019.txt",
        "seafood-plants-2017.txt",
        "ko-hunchun-2019.txt",
        "zh-dandong-2019.txt",
        "helong-unrest-2024.txt",
      ])
        await addSource(store, report(f), {}, { suggest: false });
      const hits = await searchEvidence(store, "hostage managers", 3);
      assert.match(hits[0]!.snippet, /hostage/);
      assert.ok(hits[0]!.score > (hits[1]?.score ?? 0));
      const fenced = await searchEvidence(store, "fenced zone Hunchun");
      assert.match(fenced[0]!.snippet, /fenced development zone/);
      assert.match((await searchEvidence(store, "도강증"))[0]!.snippet, /도강증/);
      assert.match((await searchEvidence(store, "通行证"))[0]!.snippet, /边境通行证/);
      assert.equal((await searchEvidence(store, "zzzyx")).length, 0);
      await assert.rejects(searchEvidence(store, "the of"), /no searchable words/);
    });
  });
});

describe("claims vs data", () => {
  it("sets a city's claims beside DPRK crossings, documents and a presence estimate; a presence table replaces the estimate", async () => {
    const csv = writeFile(
      tmp.dir,
      "hunchun.csv",
      [
        "record_id,crossed_at,direction,port,nationality,doc_number,sponsor",
        "r1,2019-05-20,entry,Quanhe,PRK,G1,珲春市海星水产有限公司",
        "r2,2019-06-02,entry,Quanhe,PRK,G2,珲春市海星水产有限公司",
        "r3,2019-06-03,entry,Shatuozi,PRK,G3,Hunchun Haixing Seafood Co Ltd",
        "r4,2019-06-20,exit,Quanhe,PRK,G2,",
        "r5,2019-06-21,entry,Quanhe,CHN,C1,",
        "r6,2019-06-21,entry,Tumen,PRK,T1,",
      ].join("\n"),
    );
    await withDb(async (store) => {
      await ingestFile(store, csv);
      const s = await addSource(
        store,
        report("hunchun-zone-2019.txt"),
        { published: "2019-06-24", reliability: "C", credibility: "3" },
        { suggest: false },
      );
      await addManualClaim(store, {
        sourceId: s.sourceId,
        kind: "worker_count",
        quote: "around 6,500 North Korean workers in Hunchun alone",
        place: "Hunchun",
        value: "6500",
      });
      const r = await compareClaims(store, {
        place: "Hunchun",
        from: "2019-06-01",
        to: "2019-06-30",
      });
      assert.deepEqual(r.place.portIds.sort(), ["cn-jl-hunchun-quanhe", "cn-jl-hunchun-shatuozi"]);
      const p = r.period!;
      assert.deepEqual(
        [p.records_in_period, p.dprk_crossings, p.dprk_entries, p.dprk_exits, p.distinct_documents],
        [4, 3, 2, 1, 2],
      );
      assert.deepEqual(p.presence, { method: "net-flow", atStart: 1, atEnd: 2, peak: 3 });
      const [row] = r.claims;
      assert.equal(row?.period_basis, "published-month");
      assert.equal(row?.reading, "data-lower");

      await store.run(
        "CREATE TABLE IF NOT EXISTS presence (day DATE, place_id VARCHAR, likely_workers DOUBLE)",
      );
      await store.run(
        "INSERT INTO presence VALUES ('2019-06-30', 'cn-jl-hunchun', 6000), ('2019-06-15', 'cn-jl-hunchun', 6200)",
      );
      const r2 = await compareClaims(store, {
        place: "Hunchun",
        from: "2019-06-01",
        to: "2019-06-30",
      });
      assert.deepEqual(r2.period!.presence, {
        method: "presence-table",
        atStart: null,
        atEnd: 6000,
        peak: 6200,
      });
      assert.equal(r2.claims[0]?.reading, "consistent");
    });
  });

  it("links organisations to sponsors in the records, and to sanctions entities when that table exists", async () => {
    const csv = writeFile(
      tmp.dir,
      "sponsors.csv",
      [
        "record_id,crossed_at,direction,port,nationality,doc_number,sponsor",
        "s1,2019-05-20,entry,Quanhe,PRK,G1,珲春市海星水产有限公司",
        "s2,2019-06-03,entry,Quanhe,PRK,G3,훈춘시해성수산유한회사",
        "s3,2019-06-03,entry,Quanhe,PRK,G4,Hunchun Haixing Garment Co Ltd",
      ].join("\n"),
    );
    await withDb(async (store) => {
      await ingestFile(store, csv);
      const links = await linkSponsors(store, "Hunchun Haixing Seafood Co., Ltd.");
      assert.deepEqual(
        links.map((l) => [l.sponsor, l.match]),
        [
          ["珲春市海星水产有限公司", "exact"],
          ["Hunchun Haixing Garment Co Ltd", "trade-name"],
        ],
      );
      assert.deepEqual(await linkSanctions(store, "Korea Sobaeksu Trading Corporation"), []);
      // The sanctions module's table (migration 003), created here if this build lacks it.
      await store.run(
        "CREATE TABLE IF NOT EXISTS sanction_names (list VARCHAR, reference VARCHAR, name VARCHAR, name_type VARCHAR)",
      );
      await store.run(
        "INSERT INTO sanction_names (list, reference, name, name_type) VALUES ('un', 'KPe.999', 'KOREA SOBAEKSU TRADING CORPORATION', 'primary'), ('un', 'KPe.998', 'Other Bank', 'primary')",
      );
      // A plain (entity_id, name) table is read too.
      await store.run(
        "CREATE TABLE sanctions_names (entity_id VARCHAR, name VARCHAR, list VARCHAR)",
      );
      await store.run(
        "INSERT INTO sanctions_names VALUES ('E1', '朝鲜小白水贸易公司', 'x'), ('E2', 'Korea Sobaeksu Trading Corp.', 'x')",
      );
      assert.deepEqual(await linkSanctions(store, "Korea Sobaeksu Trading Corporation"), [
        { entity_id: "un:KPe.999", name: "KOREA SOBAEKSU TRADING CORPORATION", match: "exact" },
        { entity_id: "E2", name: "Korea Sobaeksu Trading Corp.", match: "exact" },
      ]);
    });
  });
});

describe("evidence export and timeline", () => {
  it("exports claims and sources as JSON Lines and CSV; the CLI timeline is in date order", async () => {
    const db = join(tmp.dir, "export.duckdb");
    for (const [f, pub] of [
      ["helong-unrest-2024.txt", "2024-02-20"],
      ["seafood-plants-2017.txt", "2017-10-04"],
    ] as const) {
      const r = runCli([
        "--db",
        db,
        "evidence",
        "add",
        report(f),
        "--published",
        pub,
        "--publisher",
        f,
      ]);
      assert.equal(r.status, 0, r.stderr);
    }
    const tl = runCli(["--db", db, "evidence", "timeline", "--json"]);
    const dates = (JSON.parse(tl.stdout) as { date: string }[]).map((r) => r.date);
    assert.deepEqual(dates, [...dates].sort());
    assert.ok(dates[0]! < "2017-12-31" && dates.at(-1)! >= "2024-01-01");
    const jsonl = runCli(["--db", db, "evidence", "export", "claims"]);
    const lines = jsonl.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { quote: string; char_start: number; source_id: number });
    assert.ok(lines.length > 10);
    const csvOut = join(tmp.dir, "sources.csv");
    const csv = runCli([
      "--db",
      db,
      "evidence",
      "export",
      "sources",
      "--format",
      "csv",
      "--out",
      csvOut,
    ]);
    assert.equal(csv.status, 0, csv.stderr);
    assert.match(readFileSync(csvOut, "utf8"), /^source_id,title,publisher/);
    const bad = runCli(["--db", db, "evidence", "export", "claims", "--format", "xml"]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format: "xml" is not one of jsonl, csv/);
    await withDb(async (store) => {
      assert.equal(formatRows(await exportRows(store, "claims"), "csv"), "");
    });
    // Quotes sit exactly at their offsets in the stored text.
    const show = runCli(["--db", db, "evidence", "show", "1", "--json"]);
    const text = [...(JSON.parse(show.stdout) as { text: string }).text];
    for (const l of lines.filter((x) => x.source_id === 1)) {
      assert.equal(text.slice(l.char_start, l.char_start + [...l.quote].length).join(""), l.quote);
    }
  });
});
