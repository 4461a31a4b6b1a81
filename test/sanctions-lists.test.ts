/**
 * Lists as distinct, versioned datasets on real files: OFAC's SDN and non-SDN consolidated sets
 * side by side, the US Consolidated Screening List, versions kept and diffed, stray ent_nums,
 * --format, FtM files without target flags, the stored screening index, and the re-screening of
 * the store's sponsors and persons after an import.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ScreeningIndex } from "../src/core/screening/index.js";
import { repoRoot } from "../src/repo-root.js";
import { readListFiles } from "../src/sanctions/read-list-files.js";
import { runCli, tempDir, writeFile } from "./helpers/with-db.js";

const F = join(repoRoot(), "test", "fixtures", "sanctions");
const json = (r: { status: number | null; stdout: string; stderr: string }) => {
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
};

test("OFAC's consolidated files are their own list and leave the SDN list as it was", () => {
  const cons = readListFiles([
    join(F, "ofac_cons_prim.csv"),
    join(F, "ofac_cons_alt.csv"),
    join(F, "ofac_cons_add.csv"),
    join(F, "ofac_cons_comments.csv"),
  ]);
  assert.equal(cons.parsed.list, "OFAC-CONS");
  assert.equal(cons.parsed.entities.length, 442);
  assert.ok(cons.parsed.entities.every((e) => e.list === "OFAC-CONS"));
  const { dir, cleanup } = tempDir();
  try {
    const db = join(dir, "l.duckdb");
    json(runCli(["--db", db, "lists", "import", join(F, "ofac_sdn_2021-07.csv"), "--json"]));
    const r = json(
      runCli(["--db", db, "lists", "import", join(F, "ofac_cons_prim.csv"), "--json"]),
    );
    assert.equal(r.list, "OFAC-CONS");
    assert.equal(r.files.length, 4, "cons_alt/add/comments are picked up beside cons_prim");
    const lists = json(runCli(["--db", db, "lists", "show", "--json"]));
    const sdn = lists.find((l: { list: string }) => l.list === "OFAC-SDN");
    assert.equal(Number(sdn.entities), 8976);
    assert.ok(lists.some((l: { list: string }) => l.list === "OFAC-CONS"));
  } finally {
    cleanup();
  }
});

test("a stray ent_num in sdn_comments warns and the rest imports", () => {
  const { dir, cleanup } = tempDir();
  try {
    const real = readFileSync(join(F, "ofac_sdn_comments_2021-07.csv"), "utf8").split("\r\n")[0];
    const comments = writeFile(
      dir,
      "sdn_comments.csv",
      `${real}\r\n99999999,"a remark of an entry this release does not have"\r\n`,
    );
    const r = readListFiles([join(F, "ofac_sdn_2021-07.csv"), comments]);
    assert.equal(r.parsed.entities.length, 8976);
    assert.ok(r.parsed.warnings?.some((w) => /1 remarks name ent_nums not in .*99999999/.test(w)));
  } finally {
    cleanup();
  }
});

test("--format ofac-csv is honoured and roles come from OFAC's file names", () => {
  const { dir, cleanup } = tempDir();
  try {
    // A file whose first record would not be recognised: the format is given, the role named.
    const sdn = writeFile(dir, "sdn.csv", readFileSync(join(F, "ofac_sdn_2021-07.csv"), "utf8"));
    const r = readListFiles([sdn], { format: "ofac-csv" });
    assert.equal(r.parsed.format, "ofac-csv");
    assert.equal(r.parsed.list, "OFAC-SDN");
    assert.throws(() => readListFiles([sdn, join(F, "ofac_cons_alt.csv")]), /different lists/);
  } finally {
    cleanup();
  }
});

test("an FtM file without target flags counts only what its Sanction entities name", () => {
  const { dir, cleanup } = tempDir();
  try {
    const person = (id: string, name: string) =>
      JSON.stringify({ id, schema: "Person", properties: { name: [name] } });
    const plain = writeFile(
      dir,
      "export.ftm.json",
      `${person("p1", "KIM YONG CHOL")}\n${person("p2", "PAK MIN SU")}\n`,
    );
    assert.throws(() => readListFiles([plain]), /no entity is marked sanctioned/);
    const withSanction = writeFile(
      dir,
      "list.ftm.json",
      `${person("p1", "KIM YONG CHOL")}\n${person("p2", "PAK MIN SU")}\n${JSON.stringify({ id: "s1", schema: "Sanction", properties: { entity: ["p1"], program: ["DPRK"] } })}\n`,
    );
    const r = readListFiles([withSanction]);
    assert.deepEqual(
      r.parsed.entities.map((e) => e.reference),
      ["p1"],
    );
  } finally {
    cleanup();
  }
});

test("US Consolidated Screening List: sources, kinds, aliases, identifiers", () => {
  const r = readListFiles([join(F, "us_csl.csv")]);
  assert.equal(r.parsed.list, "US-CSL");
  assert.equal(r.parsed.format, "csl-csv");
  assert.equal(r.parsed.entities.length, 115);
  const e = r.parsed.entities.find((x) => x.reference === "SDN-8124")!;
  assert.equal(e.kind, "organization");
  assert.ok(e.names.some((n) => n.name === "HAVANTUR CANADA INC." && n.type === "aka"));
  assert.ok(e.programmes.includes("SDN") && e.programmes.includes("CUBA"));
  const vessel = r.parsed.entities.find((x) => x.reference === "SDN-23156")!;
  assert.equal(vessel.kind, "vessel");
  assert.equal(vessel.identifiers[0]?.number, "8898831");
  // Rows of lists without a type are matched as persons and as organisations.
  const dpl = r.parsed.entities.find((x) => x.names[0]!.name === "ADRIAN MANUEL HERNANDEZ")!;
  assert.equal(dpl.kind, "other");
  const index = ScreeningIndex.build(r.parsed.entities);
  assert.equal(
    index.screen({ name: "Adrian Manuel Hernandez", type: "person" })[0]?.reference,
    dpl.reference,
  );
});

test("versions are kept: lists diff, the stored index, re-screening after an import", () => {
  const { dir, cleanup } = tempDir();
  try {
    const db = join(dir, "v.duckdb");
    const crossings = writeFile(
      dir,
      "c.csv",
      [
        "record_id,crossed_at,direction,port,nationality,doc_number,full_name,birth_date,sponsor",
        "r1,2019-06-03,entry,Quanhe,PRK,P1,PAK MIN SU,1990-01-01,Korea Mining Development Trading Corporation",
        "r2,2019-06-04,entry,Quanhe,PRK,P2,RI SONG HUN,1991-02-01,Hunchun Seafood Processing Co. Ltd",
      ].join("\n"),
    );
    assert.equal(runCli(["--db", db, "ingest", crossings]).status, 0);
    const first = json(
      runCli([
        "--db",
        db,
        "lists",
        "import",
        join(F, "un_sc_consolidated_2018-10-29.xml"),
        "--json",
      ]),
    );
    // KOMID (KPe.001) is on the 2018 list: the sponsor becomes a hit at once.
    assert.ok(
      first.refresh.newHits.some(
        (h: { subjectKind: string; reference: string }) =>
          h.subjectKind === "sponsor" && h.reference === "KPe.001",
      ),
    );
    const second = json(
      runCli([
        "--db",
        db,
        "lists",
        "import",
        join(F, "un_sc_consolidated_2026-02-27.xml"),
        "--json",
      ]),
    );
    assert.equal(second.added, 111);
    // KOMID's entry changed between the versions: it is screened again, the hit stays, not new.
    assert.ok(second.refresh.entries > 0);
    assert.ok(
      !second.refresh.newHits.some((h: { reference: string }) => h.reference === "KPe.001"),
    );
    const diff = json(runCli(["--db", db, "lists", "diff", "--list", "UN-SC", "--json"]));
    assert.deepEqual([diff.added, diff.removed, diff.changed], [111, 201, 639]);
    assert.equal(diff.from.importId, first.importId);
    // The stored index answers like a fresh build.
    const a = json(runCli(["--db", db, "screen", "Kim Yong-chol", "--json"]));
    const fresh = ScreeningIndex.build(
      readListFiles([join(F, "un_sc_consolidated_2026-02-27.xml")]).parsed.entities,
    ).screen({ name: "Kim Yong-chol" });
    assert.deepEqual(
      a.matches.map((m: { reference: string; score: number }) => [m.reference, m.score]),
      fresh.map((m) => [m.reference, m.score]),
    );
    const ex = json(
      runCli(["--db", db, "screen", "Kim Yong-chol", "--explain", "KPi.024", "--json"]),
    );
    assert.equal(ex.entries[0].reference, "KPi.024");
    assert.ok(ex.entries[0].names.length >= 2);
  } finally {
    cleanup();
  }
});
