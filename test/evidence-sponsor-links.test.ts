/**
 * Employers named in reports, linked to the sponsor groups of the crossing records end to end:
 * records with one sponsor spelt in Chinese, English and Korean are ingested and analyzed; a
 * report naming the employer in English is added; its suggested employer claim, and a claim
 * added by hand with the Korean spelling, link to that sponsor group in `evidence claims`, in
 * the read model behind the report, and in the report itself.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { Store } from "../src/db/store.js";
import { readEvidence } from "../src/read/claims.js";
import { cliOk, queryDb, tempDir, writeFile } from "./helpers/with-db.js";

const tmp = tempDir();
after(tmp.cleanup);

interface ClaimJson {
  claim_id: number;
  kind: string;
  status: string;
  organisation: string | null;
  sponsor_keys: string[];
}

describe("evidence: employers linked to sponsors in the store", () => {
  it("a suggested and a manual employer claim link to the sponsor group across scripts, in claims, readEvidence and the report", async () => {
    const db = join(tmp.dir, "links.duckdb");
    const rows = ["record_id,crossed_at,direction,port,nationality,doc_number,sponsor"];
    const spellings = [
      "珲春市海星水产有限公司",
      "Hunchun Haixing Seafood Co Ltd",
      "훈춘시해성수산유한회사",
      "丹东市鸿运服装有限公司",
    ];
    for (let i = 0; i < 24; i++) {
      const sponsor = spellings[i % spellings.length]!;
      const day = String(1 + (i % 20)).padStart(2, "0");
      rows.push(`e${i},2019-03-${day}T09:00:00Z,entry,Quanhe,PRK,G${i},${sponsor}`);
      rows.push(`x${i},2020-02-${day}T09:00:00Z,exit,Quanhe,PRK,G${i},${sponsor}`);
    }
    const csv = writeFile(tmp.dir, "crossings.csv", `${rows.join("\n")}\n`);
    cliOk(["ingest", csv, "--db", db]);
    cliOk(["analyze", "--db", db]);
    const groups = await queryDb<{ spelling: string; sponsor_key: string }>(
      db,
      "SELECT spelling, sponsor_key FROM sponsor_names ORDER BY spelling",
    );
    const haixing = groups.find((g) => g.spelling === "珲春市海星水产有限公司")?.sponsor_key;
    assert.ok(haixing, JSON.stringify(groups));
    // The three spellings are one group in the store; the garment company is another.
    assert.equal(groups.filter((g) => g.sponsor_key === haixing).length, 3);

    const report = writeFile(
      tmp.dir,
      "report.txt",
      [
        "Title: Seafood plants in Hunchun",
        "Published: 2019-06-24",
        "",
        "About 200 North Korean workers are employed at Hunchun Haixing Seafood Co., Ltd., a seafood-processing company in Hunchun, according to two managers.",
        "",
        "훈춘시해성수산유한회사에서 일하는 북한 노동자들은 한 달에 한 번 외출한다.",
      ].join("\n"),
    );
    cliOk(["evidence", "add", report, "--publisher", "Test Wire", "--db", db]);
    cliOk([
      "evidence",
      "claim",
      "add",
      "--db",
      db,
      "--source",
      "1",
      "--kind",
      "employer",
      "--quote",
      "훈춘시해성수산유한회사",
      "--org",
      "훈춘시해성수산유한회사",
    ]);
    const claims = JSON.parse(cliOk(["evidence", "claims", "--json", "--db", db])) as ClaimJson[];
    const suggested = claims.find((c) => c.kind === "employer" && c.status === "suggested");
    assert.ok(suggested, JSON.stringify(claims));
    assert.match(suggested.organisation ?? "", /Haixing/);
    assert.deepEqual(suggested.sponsor_keys, [haixing]);
    const manual = claims.find((c) => c.kind === "employer" && c.status === "accepted");
    assert.ok(manual, JSON.stringify(claims));
    assert.deepEqual(manual.sponsor_keys, [haixing]);
    // A claim that names no organisation links to nothing.
    for (const c of claims.filter((x) => !x.organisation)) assert.deepEqual(c.sponsor_keys, []);
    // The table shows the sponsor too.
    assert.ok(cliOk(["evidence", "claims", "--db", db]).includes(haixing));

    const store = await Store.open(db);
    try {
      const section = await readEvidence(store);
      assert.ok(section.available);
      const employers = section.data.claims.filter((v) => v.claim.kind === "employer");
      assert.ok(employers.length >= 2);
      for (const v of employers) assert.deepEqual(v.claim.sponsor_keys, [haixing]);
    } finally {
      store.close();
    }

    const html = join(tmp.dir, "report.html");
    cliOk(["report", "--out", html, "--db", db]);
    const page = readFileSync(html, "utf8");
    assert.ok(
      page.includes(`sponsor in the records: ${haixing}`),
      "the report's claim row names the sponsor",
    );
  });
});
