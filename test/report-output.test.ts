/**
 * Where `sojourn report` writes: never into a directory (a usage error, no temp file left),
 * never over an existing file without --force, and a page whose Content-Security-Policy lets
 * only its own embedded scripts run (by hash), so an inline event handler never does.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { contentSecurityPolicy } from "../src/report/render-html.js";
import { HEADER, runCli, tempDir, writeFile } from "./helpers/with-db.js";

describe("report output file", () => {
  const tmp = tempDir("sojourn-report-out-");
  const db = join(tmp.dir, "s.duckdb");
  before(() => {
    const csv = writeFile(
      tmp.dir,
      "c.csv",
      `${HEADER}\nR1,2019-06-01,entry,Quanhe,PRK,836123086\n`,
    );
    assert.equal(runCli(["--db", db, "ingest", csv]).status, 0);
  });
  after(() => tmp.cleanup());

  it("--out an existing directory: a usage error naming it, and nothing written", () => {
    const dir = join(tmp.dir, "reports");
    mkdirSync(dir);
    for (const extra of [[], ["--unmask"], ["--force"]]) {
      const r = runCli(["--db", db, "report", "--out", dir, ...extra]);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /--out .*reports: is a directory; expected a file name/);
      assert.deepEqual(readdirSync(dir), []);
    }
    assert.deepEqual(
      readdirSync(tmp.dir).filter((f) => /tmp|partial/.test(f)),
      [],
      "no temporary file beside it",
    );
  });

  it("an existing file is kept unless --force", () => {
    const out = writeFile(tmp.dir, "report.html", "an older report");
    const r = runCli(["--db", db, "report", "--out", out]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /report\.html: the file exists; pass --force to replace it/);
    assert.equal(readFileSync(out, "utf8"), "an older report");
    assert.equal(runCli(["--db", db, "report", "--out", out, "--force"]).status, 0);
    assert.match(readFileSync(out, "utf8"), /^<!DOCTYPE html>/);
  });

  it("the CSP allows the embedded scripts by hash and no inline handler", () => {
    const out = join(tmp.dir, "csp.html");
    assert.equal(runCli(["--db", db, "report", "--out", out]).status, 0);
    const html = readFileSync(out, "utf8");
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? "";
    assert.ok(!scriptSrc.includes("unsafe-inline"), csp);
    assert.ok(!scriptSrc.includes("unsafe-hashes"), csp);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "");
    assert.equal(scripts.length, 2);
    for (const s of scripts) {
      const hash = createHash("sha256").update(s, "utf8").digest("base64");
      assert.ok(
        scriptSrc.includes(`'sha256-${hash}'`),
        "each embedded script is allowed by its hash",
      );
    }
    assert.doesNotMatch(html, /\son[a-z]+="/i, "no inline event handler in the page");
    assert.match(contentSecurityPolicy(["x"]), /default-src 'none'/);
  });
});
