/**
 * `sojourn report` on small stores: every section renders from the tables that exist or says
 * which command fills it; document numbers and names are masked unless --unmask.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { runCli, tempDir, writeFile } from "./helpers/with-db.js";

const CSV = [
  "record_id,crossed_at,direction,port,nationality,doc_number,family_name,given_name,sponsor",
  "R1,2019-11-02 08:10,entry,Quanhe,PRK,836123086,KIM,YONG CHOL,珲春市东洋水产有限公司",
  "R2,2019-11-29 16:40,exit,Quanhe,PRK,836123086,KIM,YONG CHOL,珲春市东洋水产有限公司",
  "R3,2019-12-03 08:05,entry,圈河,PRK,836123086,KIM,YONG CHOL,Hunchun Dongyang Seafood Co. Ltd.",
  "R4,2020-01-05 09:00,entry,Dandong,PRK,PS123456789,RI,SONG HUI,Dandong Hailin Seafood Co. Ltd.",
  "R5,2020-01-06 09:00,entry,Nowhere Gate,PRK,PS123456780,RI,OK SUN,",
].join("\n");

describe("sojourn report", () => {
  const tmp = tempDir("sojourn-report-");
  after(() => tmp.cleanup());
  const db = join(tmp.dir, "store.duckdb");
  const csv = writeFile(tmp.dir, "crossings.csv", `${CSV}\n`);
  before(() => {
    const ingest = runCli(["--db", db, "ingest", csv, "--json"]);
    assert.equal(ingest.status, 0, ingest.stderr);
  });

  it("says which command fills each missing section", () => {
    const empty = join(tmp.dir, "empty.duckdb");
    const out = join(tmp.dir, "empty.html");
    const r = runCli(["--db", empty, "report", "--out", out, "--json"]);
    assert.equal(r.status, 0, r.stderr);
    const summary = JSON.parse(r.stdout) as { sections: Record<string, string> };
    assert.match(summary.sections.presence ?? "", /run sojourn ingest/);
    assert.match(summary.sections.evidence ?? "", /run sojourn evidence add/);
    assert.match(summary.sections.sanctions ?? "", /run sojourn lists import/);
    const html = readFileSync(out, "utf8");
    assert.match(html, /Not available: .*run sojourn/);
  });

  it("masks document numbers and names by default and shows them with --unmask", () => {
    const masked = join(tmp.dir, "masked.html");
    const r = runCli(["--db", db, "report", "--out", masked]);
    assert.equal(r.status, 0, r.stderr);
    const html = readFileSync(masked, "utf8");
    assert.ok(!html.includes("836123086"), "a full document number is in the masked report");
    assert.ok(!html.includes("YONG CHOL"), "a full name is in the masked report");
    assert.match(html, /data-masked="true"/);
    // Sponsors in two scripts are one organisation; the Latin spelling labels it.
    assert.match(html, /Hunchun Dongyang Seafood Co\. Ltd\./);
    // The unknown port is reported under data quality.
    assert.match(html, /Nowhere Gate/);
    const unmasked = join(tmp.dir, "unmasked.html");
    assert.equal(runCli(["--db", db, "report", "--out", unmasked, "--unmask"]).status, 0);
    assert.match(readFileSync(unmasked, "utf8"), /UNMASKED/);
  });

  it("filters by place and period, and refuses bad values with the expected form", () => {
    const out = join(tmp.dir, "dandong.html");
    const r = runCli([
      "--db",
      db,
      "report",
      "--out",
      out,
      "--place",
      "Dandong",
      "--from",
      "2020-01-01",
      "--json",
    ]);
    assert.equal(r.status, 0, r.stderr);
    const summary = JSON.parse(r.stdout) as {
      headline: { records: number; dprkCrossings: number };
    };
    assert.equal(summary.headline.records, 1);
    const bad = runCli(["--db", db, "report", "--out", out, "--from", "2019-13-45"]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--from "2019-13-45": expected a date YYYY-MM-DD/);
    const place = runCli(["--db", db, "report", "--out", out, "--place", "Atlantis"]);
    assert.equal(place.status, 2);
    assert.match(place.stderr, /Atlantis/);
  });
});
