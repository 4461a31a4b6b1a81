/**
 * Screening on the real UN (2026-02-27) and OFAC (2024-05-03) lists: Korean names across
 * romanizations and scripts, one-syllable differences kept under the threshold unless the birth
 * date or a document agrees, organisations across legal forms, acronyms and Chinese characters;
 * the CLI end to end (import, single query, batch, --sponsors/--persons into screening_hits).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import { fixtureLists } from "../bench/fixture-lists.js";
import { SCREEN_THRESHOLD, ScreeningIndex, type ScreenQuery } from "../src/core/screening/index.js";
import { repoRoot } from "../src/repo-root.js";
import { runCli, tempDir, writeFile } from "./helpers/with-db.js";

const F = join(repoRoot(), "test", "fixtures", "sanctions");
let index: ScreeningIndex;

before(() => {
  const { un, ofac } = fixtureLists();
  index = ScreeningIndex.build([...un, ...ofac]);
});

const top = (q: ScreenQuery) => index.screen(q, { limit: 5, minScore: 0 });
const refs = (q: ScreenQuery) =>
  top(q)
    .filter((m) => m.score >= SCREEN_THRESHOLD)
    .map((m) => `${m.list}:${m.reference}`);

test("Korean person names across romanizations, order, hyphenation and scripts", () => {
  for (const name of [
    "KIM YONG CHOL",
    "Kim Yong-chol",
    "Kim Yŏng-ch'ŏl",
    "Gim Yeong-cheol",
    "YONGCHOL KIM",
    "김영철",
    "金永哲",
  ]) {
    const r = refs({ name, type: "person" });
    assert.ok(r.includes("UN-SC:KPi.024"), `${name} → ${r.join(", ")}`);
  }
  const kju = top({ name: "김정은" })[0]!;
  assert.equal(`${kju.list}:${kju.reference}`, "OFAC-SDN:20157");
  assert.ok(kju.score >= SCREEN_THRESHOLD);
  assert.match(kju.explanation.nameForms.join(" "), /정/);
});

test("a one-syllable difference ranks but stays under the threshold, unless the birth date agrees", () => {
  const r = top({ name: "KIM KYONG MIN", type: "person" });
  const il = r.find((m) => m.reference === "KPi.067");
  assert.ok(il, "KIM KYONG IL is a candidate");
  assert.ok(il.score < SCREEN_THRESHOLD, `score ${il.score}`);
  assert.ok(r.every((m) => m.score < SCREEN_THRESHOLD));
  // Same name, but birth dates tell homonyms apart: KIM YONG CHOL of KOMID was born 1962-02-18.
  const withDob = top({ name: "KIM YONG CHOL", birthDate: "1962-02-18", type: "person" });
  const other = withDob.find((m) => m.reference === "12211")!;
  assert.ok(other.score < SCREEN_THRESHOLD && withDob[0]!.score === 1);
  assert.equal(other.explanation.features[0]?.agreed, false);
});

test("a document number that agrees makes the match", () => {
  const r = top({ name: "KIM YONG CHUL", documents: ["472310168"], type: "person" });
  assert.equal(r[0]!.reference, "KPi.024");
  assert.ok(r[0]!.score >= 0.97);
  assert.equal(r[0]!.explanation.features.find((f) => f.feature === "document")?.agreed, true);
});

test("organisations: legal forms in any language, acronyms, Korean and Chinese characters", () => {
  for (const name of [
    "Korea Mining Development Trading Corp.",
    "KOMID",
    "조선광업개발무역회사",
    "korea mining development trading",
  ])
    assert.ok(refs({ name, type: "org" }).includes("UN-SC:KPe.001"), name);
  assert.ok(refs({ name: "丹东鸿祥实业发展有限公司", type: "org" }).includes("OFAC-SDN:20564"));
  assert.ok(
    refs({ name: "Mansudae Overseas Project Group of Companies" }).includes("UN-SC:KPe.050"),
  );
  // A shared legal form is not a match.
  assert.deepEqual(refs({ name: "Dandong Trading Co., Ltd.", type: "org" }), []);
});

test("organisations followed by an address, a place or a country are read without it", () => {
  for (const [name, ref] of [
    ["KOMID, No. 16 Binjiang Middle Road, Dandong 118000, China", "UN-SC:KPe.001"],
    ["NCG Sosong District, Pyongyang", "UN-SC:KPe.004"],
    ["DCB; ul. Svetlanskaya 45, Vladivostok 690091", "UN-SC:KPe.023"],
    // On both lists under this name: the two tie.
    ["KOREA DAESONG GENERAL TRADING CORPORATION - P.O. Box 8101, Pyongyang", "UN-SC:KPe.042"],
  ] as const) {
    const r = top({ name, type: "org" });
    const best = r.filter((m) => m.score === r[0]!.score).map((m) => `${m.list}:${m.reference}`);
    assert.ok(best.includes(ref), `${name}: ${best}`);
    assert.ok(r[0]!.score >= SCREEN_THRESHOLD, name);
  }
});

test("a short name in brackets after a body's name is a name of its own, and so is the rest", () => {
  // FOREIGN TRADE BANK (FTB): not BANK FOR FOREIGN TRADE (VTB's former name).
  for (const name of ["FTB", "Foreign Trade Bank of the DPRK"]) {
    const r = top({ name, type: "org" });
    assert.equal(`${r[0]?.list}:${r[0]?.reference}`, "UN-SC:KPe.047", name);
    assert.equal(r[0]!.score, 1, name);
  }
});

test("common words alone and derived initials rank a body but do not match it", () => {
  // INDUSTRIAL BANK (Syria) and a derived acronym of ZHEJIANG TIANLU ENERGY CO., LTD.
  for (const name of ["Industrial Bank of Korea", "ZTE Corporation"]) {
    assert.ok(top({ name, type: "org" }).length > 0, name);
    assert.deepEqual(refs({ name, type: "org" }), [], name);
  }
  // The listed name word for word still matches, however common its words.
  assert.ok(refs({ name: "Industrial Bank", type: "org" }).includes("OFAC-SDN:17243"));
});

test("unrelated names are not matches", () => {
  for (const name of ["John Smith", "Patricia Lucas Wheeler", "Hector Manuel"])
    assert.deepEqual(refs({ name, type: "person" }), [], name);
});

test("CLI: lists import, screen, batch, --sponsors and --persons", async () => {
  const { dir, cleanup } = tempDir();
  try {
    const db = join(dir, "s.duckdb");
    let r = runCli([
      "--db",
      db,
      "lists",
      "import",
      join(F, "un_sc_consolidated_2026-02-27.xml"),
      "--json",
    ]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).entities, 1003);
    // The CLI half keeps to the UN list (fast index builds); OFAC import is covered in sanctions-import.
    r = runCli(["--db", db, "screen", "Kim Yong-chol", "--birth-date", "1962-02-18", "--json"]);
    assert.equal(r.status, 0, r.stderr);
    const one = JSON.parse(r.stdout);
    assert.equal(one.matches[0].match, true);
    assert.ok(one.matches.some((m: { reference: string }) => m.reference === "KPi.024"));

    const input = writeFile(
      dir,
      "q.csv",
      "query_id,name,type,birth_date,nationality\nq1,KIM KYONG MIN,person,,\nq2,조선광업개발무역회사,org,,\nq3,Patricia Lucas Wheeler,person,2002-07-14,Ethiopia\nq4,,person,,\nq5,KIM YONG CHOL,alien,,\n",
    );
    const out = join(dir, "out.jsonl");
    r = runCli(["--db", db, "screen", "--input", input, "--out", out, "--workers", "1", "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).queries, 5);
    const lines = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      lines.map((l) => l.query_id),
      ["q1", "q2", "q3", "q4", "q5"],
    );
    assert.deepEqual(lines[0].matches, []);
    assert.ok(lines[1].matches.some((m: { reference: string }) => m.reference === "KPe.001"));
    for (const m of lines[1].matches) assert.ok(m.score >= SCREEN_THRESHOLD);
    assert.deepEqual(lines[2].matches, []);
    assert.match(lines[3].error, /line 5: name is empty/);
    assert.match(lines[4].error, /type "alien"/);

    const crossings = writeFile(
      dir,
      "c.csv",
      [
        "record_id,crossed_at,direction,port,nationality,doc_number,full_name,birth_date,sponsor",
        "r1,2019-06-03,entry,Quanhe,PRK,472310168,KIM YONG CHOL,1962-02-18,Korea Mining Development Trading Corporation",
        "r2,2019-06-04,entry,Quanhe,PRK,P123,PAK MIN SU,1990-01-01,Hunchun Seafood Processing Co. Ltd",
      ].join("\n"),
    );
    r = runCli(["--db", db, "ingest", crossings]);
    assert.equal(r.status, 0, r.stderr);
    r = runCli(["--db", db, "screen", "--sponsors", "--json"]);
    assert.equal(r.status, 0, r.stderr);
    const sp = JSON.parse(r.stdout);
    assert.equal(sp.subjects, 2);
    assert.equal(sp.subjectsWithHits, 1);
    r = runCli(["--db", db, "screen", "--persons", "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).subjectsWithHits, 1);
    // Re-running replaces that kind's hits: the same rows, not twice as many.
    const again = runCli(["--db", db, "screen", "--persons", "--json"]);
    assert.equal(JSON.parse(again.stdout).hits, JSON.parse(r.stdout).hits);
    r = runCli(["--db", db, "screen", "--persons", "--sponsors"]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /exactly one of/);
  } finally {
    cleanup();
  }
});
