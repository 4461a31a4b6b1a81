/**
 * A sanctioned sponsor surfaces without a second analyze: after `screen --sponsors` and after
 * `lists import`, the sanctioned-sponsor rule's alerts are rebuilt from the new screening hits,
 * through the CLI on a small store, and they equal what a full analyze then writes.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { repoRoot } from "../src/repo-root.js";
import { runCli, tempDir, writeFile } from "./helpers/with-db.js";

const UN = join(repoRoot(), "test", "fixtures", "sanctions", "un_sc_consolidated_2026-02-27.xml");
const KOMID = "Korea Mining Development Trading Corporation";

const CROSSINGS = [
  "record_id,crossed_at,direction,port,nationality,doc_number,full_name,birth_date,sponsor",
  `a1,2019-03-01,entry,Quanhe,PRK,P100,PAK MIN SU,1990-01-01,${KOMID}`,
  `a2,2019-03-28,exit,Quanhe,PRK,P100,PAK MIN SU,1990-01-01,${KOMID}`,
  `a3,2019-04-02,entry,Quanhe,PRK,P100,PAK MIN SU,1990-01-01,${KOMID}`,
  "b1,2019-03-01,entry,Quanhe,PRK,P200,RI SONG HUN,1991-02-01,Hunchun Seafood Processing Co. Ltd",
  "b2,2019-03-20,exit,Quanhe,PRK,P200,RI SONG HUN,1991-02-01,Hunchun Seafood Processing Co. Ltd",
].join("\n");

interface Alert {
  rule: string;
  person_id: string;
  score: number;
  explanation?: string;
  text?: string;
}

function sponsorAlerts(db: string): Alert[] {
  const r = runCli(["--db", db, "alerts", "--rule", "sanctioned-sponsor", "--json"]);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const list: Alert[] = Array.isArray(out) ? out : out.alerts;
  return list.map((a) => ({ ...a })).sort((x, y) => x.person_id.localeCompare(y.person_id));
}

function ok(args: string[]) {
  const r = runCli(args);
  assert.equal(r.status, 0, `${args.join(" ")}: ${r.stderr}`);
  return r;
}

test("screen --sponsors updates the sanctioned-sponsor alerts without a second analyze", () => {
  const { dir, cleanup } = tempDir();
  try {
    const db = join(dir, "s.duckdb");
    ok(["--db", db, "lists", "import", UN]);
    ok(["--db", db, "ingest", writeFile(dir, "c.csv", CROSSINGS)]);
    ok(["--db", db, "analyze"]);
    // No sponsor screened yet: no alert.
    assert.deepEqual(sponsorAlerts(db), []);
    const r = JSON.parse(ok(["--db", db, "screen", "--sponsors", "--json"]).stdout);
    assert.equal(r.subjectsWithHits, 1);
    assert.equal(r.sponsorAlerts, 1);
    const after = sponsorAlerts(db);
    assert.equal(after.length, 1);
    assert.ok(after[0]!.score > 0 && after[0]!.score <= 1, `score ${after[0]!.score}`);
    const text = ok(["--db", db, "alerts", "--rule", "sanctioned-sponsor"]).stdout;
    assert.match(text, /KPe\.001/);
    // A second analyze (the hits changed its inputs, so every step runs) writes the same alert.
    ok(["--db", db, "analyze"]);
    assert.deepEqual(sponsorAlerts(db), after);
    // The text report says so too.
    const line = ok(["--db", db, "screen", "--sponsors"]).stdout;
    assert.match(line, /sanctioned-sponsor alerts: 1/);
  } finally {
    cleanup();
  }
});

test("lists import updates the sanctioned-sponsor alerts without a second analyze", () => {
  const { dir, cleanup } = tempDir();
  try {
    const db = join(dir, "l.duckdb");
    ok(["--db", db, "ingest", writeFile(dir, "c.csv", CROSSINGS)]);
    ok(["--db", db, "analyze"]);
    assert.deepEqual(sponsorAlerts(db), []);
    const r = JSON.parse(ok(["--db", db, "lists", "import", UN, "--json"]).stdout);
    assert.equal(r.refresh.sponsorAlerts, 1);
    const after = sponsorAlerts(db);
    assert.equal(after.length, 1);
    assert.match(ok(["--db", db, "alerts", "--rule", "sanctioned-sponsor"]).stdout, /KPe\.001/);
    ok(["--db", db, "analyze"]);
    assert.deepEqual(sponsorAlerts(db), after);
  } finally {
    cleanup();
  }
});
