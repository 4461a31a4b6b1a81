import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { cliPath, HEADER, runCli, tempDir, writeFile } from "./helpers/with-db.js";

const tmp = tempDir();
after(tmp.cleanup);

describe("cli", () => {
  it("ingest --json prints the counts; rejects --out writes them; runs lists the run", () => {
    const db = join(tmp.dir, "cli.duckdb");
    const file = writeFile(
      tmp.dir,
      "c.csv",
      `${HEADER}\n1,2019-06-01,entry,Quanhe,PRK,A\n2,2019-02-30,entry,Quanhe,PRK,A\n1,2019-06-01,entry,Quanhe,PRK,A\n`,
    );
    const r = runCli(["--db", db, "ingest", file, "--json"]);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual([out.read, out.loaded, out.duplicates, out.rejected], [3, 1, 1, 1]);
    assert.equal(r.stderr, "", "quiet when piped");

    const csv = join(tmp.dir, "rejects.csv");
    assert.equal(runCli(["--db", db, "rejects", "--out", csv]).status, 0);
    const text = readFileSync(csv, "utf8");
    assert.match(text, /^run_id,file,line,column,value,reason,raw/);
    assert.match(text, /,3,crossed_at,2019-02-30,"impossible date/);

    const runs = runCli(["--db", db, "runs", "--json"]);
    const [run] = JSON.parse(runs.stdout);
    assert.equal(run.status, "done");
    assert.equal(run.sha256.length, 12);
    assert.equal(runCli(["--db", db, "rejects", "--run", "99"]).status, 4);
  });

  it("rejects --out and --warnings --out neutralise formula cells and never overwrite", () => {
    const db = join(tmp.dir, "formula.duckdb");
    const file = writeFile(
      tmp.dir,
      "formula.csv",
      `${HEADER},visa_type,sex\n` +
        `1,=HYPERLINK("http://x.invalid"),entry,Quanhe,PRK,A,,\n` +
        `2,2019-06-01,entry,Quanhe,PRK,B,@SUM(1+1),+cmd|' /C calc'!A0\n`,
    );
    assert.equal(runCli(["--db", db, "ingest", file]).status, 0);
    const rejects = join(tmp.dir, "formula-rejects.csv");
    assert.equal(runCli(["--db", db, "rejects", "--out", rejects]).status, 0);
    const r = readFileSync(rejects, "utf8");
    assert.match(r, /,"?'=HYPERLINK\(/);
    assert.doesNotMatch(r, /,"?=HYPERLINK/);
    const warnings = join(tmp.dir, "formula-warnings.csv");
    assert.equal(runCli(["--db", db, "rejects", "--warnings", "--out", warnings]).status, 0);
    const w = readFileSync(warnings, "utf8");
    assert.match(w, /,'@SUM\(1\+1\)/);
    assert.match(w, /,"?'\+cmd\|/);
    assert.doesNotMatch(w, /,(@SUM|"?\+cmd)/);
    const again = runCli(["--db", db, "rejects", "--out", rejects]);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /the file exists; pass --force/);
    assert.equal(runCli(["--db", db, "rejects", "--out", rejects, "--force"]).status, 0);
  });

  it("ingest draws a progress bar on a terminal, from DuckDB's query progress", () => {
    const db = join(tmp.dir, "tty.duckdb");
    const rows = Array.from(
      { length: 200_000 },
      (_, i) => `t${i},2019-06-01,entry,Quanhe,PRK,D${i % 5000}`,
    );
    const file = writeFile(tmp.dir, "tty.csv", `${HEADER}\n${rows.join("\n")}\n`);
    const command = [process.execPath, cliPath(), "--db", db, "ingest", file]
      .map((a) => `'${a}'`)
      .join(" ");
    // `script` gives the command a terminal; CI unset, since the bar stays off in CI logs.
    const env: NodeJS.ProcessEnv = { ...process.env, TZ: "UTC" };
    delete env.CI;
    delete env.NODE_TEST_CONTEXT;
    const r = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8", env });
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, /ingest \[[█░]+\] \d+%/);
    assert.match(r.stdout, /read 200000 = loaded 200000/);
  });

  it("uses $SOJOURN_DB when --db is not given", () => {
    const db = join(tmp.dir, "env.duckdb");
    const file = writeFile(tmp.dir, "e.csv", `${HEADER}\n1,2019-06-01,entry,Quanhe,PRK,A\n`);
    assert.equal(runCli(["ingest", file], { SOJOURN_DB: db }).status, 0);
    assert.ok(existsSync(db));
  });

  it("a file missing required columns exits non-zero with one clear line", () => {
    const db = join(tmp.dir, "bad.duckdb");
    const file = writeFile(tmp.dir, "bad.csv", "record_id,port\n1,Quanhe\n");
    const r = runCli(["--db", db, "ingest", file]);
    assert.equal(r.status, 3);
    assert.match(
      r.stderr,
      /bad\.csv: missing required columns crossed_at, direction, nationality, doc_number/,
    );
  });

  it("ports lists the gazetteer", () => {
    const r = runCli(["ports", "--json"]);
    assert.equal(r.status, 0);
    const ports = JSON.parse(r.stdout);
    const quanhe = ports.find((p: { id: string }) => p.id === "cn-jl-hunchun-quanhe");
    assert.equal(quanhe.city, "Hunchun");
    assert.ok(quanhe.aliases.includes("圈河"));
  });

  it("unknown options get a usage error", () => {
    assert.equal(runCli(["ingest", "--nope"]).status, 2);
  });
});
