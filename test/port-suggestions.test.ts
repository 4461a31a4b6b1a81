/**
 * Port spellings the gazetteer does not know: the nearest known port and its city for each
 * (road or rail crossing by the spelling's mode words, any script), in `ingest`'s text and
 * JSON; `sojourn ports alias` maps a spelling for the store, loaded records included. And every
 * China–DPRK rail crossing is in the gazetteer, with its rail spellings.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { loadGazetteer } from "../src/gazetteer/load-gazetteer.js";
import { PortSuggester, placeCore, portMode } from "../src/ingest/port-suggestions.js";
import { Vocabulary } from "../src/ingest/vocabulary.js";
import { runCli, tempDir, writeFile } from "./helpers/with-db.js";

const gazetteer = loadGazetteer();
const DANDONG = "cn-ln-dandong-friendship-bridge";
const TUMEN_RAIL = "cn-jl-tumen-namyang-rail";
const TUMEN_ROAD = "cn-jl-tumen-namyang-road";

test("place and mode are read in every script", () => {
  assert.equal(placeCore("Dandong Highway Port"), "dandong");
  assert.equal(placeCore("图们铁路口岸"), "tumen");
  assert.equal(placeCore("투먼 철도 통상구"), "tumeon");
  assert.equal(placeCore("Ji'an Kou'an"), "jian");
  assert.equal(portMode("TUMEN RAIL"), "rail");
  assert.equal(portMode("圖們鐵路"), "rail");
  assert.equal(portMode("Dandong Hwy Port"), "road");
  assert.equal(portMode("Quanhe"), null);
  // A mode word inside a place name is not a mode: "Rd" in a word is not the road.
  assert.equal(portMode("Ardong"), null);
});

test("unknown spellings get the nearest known port of their mode, and its city", () => {
  const suggester = new PortSuggester(gazetteer);
  const vocab = new Vocabulary(gazetteer);
  const cases: [string, string, string][] = [
    ["Dandong Hwy Port", DANDONG, "Dandong"],
    ["Dangdong Highway", DANDONG, "Dandong"],
    ["TUMEN RLY", TUMEN_RAIL, "Tumen"],
    ["Tumen Hwy", TUMEN_ROAD, "Tumen"],
    ["圖們鐵路站", TUMEN_RAIL, "Tumen"],
    ["투먼 철도", TUMEN_RAIL, "Tumen"],
    ["Jian Manpo Rail Bridge", "cn-jl-jian-manpo-rail", "Ji'an"],
    ["集安公路", "cn-jl-jian-manpo-road", "Ji'an"],
    ["Hunchun Quanhe Customs", "cn-jl-hunchun-quanhe", "Hunchun"],
    ["DANDONG CUSTOMS", DANDONG, "Dandong"],
  ];
  for (const [raw, port, city] of cases) {
    assert.equal(vocab.map("port", raw), null, `${raw} must be unknown for this test`);
    const s = suggester.suggest(raw);
    assert.equal(s?.port_id, port, `${raw} → ${JSON.stringify(s)}`);
    assert.equal(s?.city, city, raw);
  }
  for (const raw of ["Port 99", "Vladivostok", "Gate 3"])
    assert.equal(suggester.suggest(raw), null, raw);
});

test("every China–DPRK rail crossing is in the gazetteer, and its rail spellings resolve", () => {
  const vocab = new Vocabulary(gazetteer);
  const rail = gazetteer.ports.filter((p) => p.kind.includes("rail")).map((p) => p.id);
  for (const id of [
    DANDONG,
    "cn-jl-jian-manpo-rail",
    TUMEN_RAIL,
    "cn-ln-kuandian-shanghekou",
    "cn-jl-longjing-kaishantun",
  ])
    assert.ok(rail.includes(id), id);
  for (const id of [DANDONG, "cn-jl-jian-manpo-rail", TUMEN_RAIL]) {
    const source = gazetteer.ports.find((p) => p.id === id)?.source ?? "";
    assert.match(source, /https:\/\/beyondparallel\.csis\.org\//, id);
  }
  const known: [string, string][] = [
    ["Dandong Highway Port", DANDONG],
    ["Dandong Railway Port", DANDONG],
    ["TUMEN RAIL", TUMEN_RAIL],
    ["Tumen Highway", TUMEN_ROAD],
    ["图们铁路", TUMEN_RAIL],
    ["Ji'an Rail", "cn-jl-jian-manpo-rail"],
  ];
  for (const [raw, id] of known) assert.equal(vocab.map("port", raw), id, raw);
});

test("CLI: ingest suggests, ports alias maps the loaded records and later ingests", () => {
  const { dir, cleanup } = tempDir();
  try {
    const db = join(dir, "p.duckdb");
    const header = "record_id,crossed_at,direction,port,nationality,doc_number";
    const csv = writeFile(
      dir,
      "a.csv",
      `${header}\na1,2019-06-01,entry,TUMEN RLY,PRK,D1\na2,2019-06-02,entry,TUMEN RLY,PRK,D2\na3,2019-06-02,entry,Port 99,PRK,D3\n`,
    );
    let r = runCli(["--db", db, "ingest", csv, "--json"]);
    assert.equal(r.status, 0, r.stderr);
    const unknown = JSON.parse(r.stdout).unknown_ports;
    assert.deepEqual(
      unknown.map((u: { port: string; records: number }) => [u.port, u.records]),
      [
        ["TUMEN RLY", 2],
        ["Port 99", 1],
      ],
    );
    assert.equal(unknown[0].suggestion.port_id, TUMEN_RAIL);
    assert.equal(unknown[0].suggestion.city, "Tumen");
    assert.equal(unknown[1].suggestion, null);

    const text = runCli(["--db", join(dir, "q.duckdb"), "ingest", csv]).stdout;
    assert.match(text, /TUMEN RLY {2}\(2 records\) {2}→ nearest known: cn-jl-tumen-namyang-rail/);
    assert.match(text, /Port 99 {2}\(1 records\) {2}→ no known port near it/);
    assert.match(text, /sojourn ports alias/);

    r = runCli(["--db", db, "ports", "alias", "TUMEN RLY", TUMEN_RAIL, "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), {
      spelling: "TUMEN RLY",
      port_id: TUMEN_RAIL,
      records: 2,
    });
    // A later file under the same spelling (any case) loads with the port.
    const later = writeFile(dir, "b.csv", `${header}\nb1,2019-07-01,exit,tumen rly,PRK,D1\n`);
    r = runCli(["--db", db, "ingest", later, "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).unknown_ports, []);
    r = runCli(["--db", db, "ports", "alias", "--json"]);
    assert.deepEqual(JSON.parse(r.stdout), { "TUMEN RLY": TUMEN_RAIL });

    r = runCli(["--db", db, "ports", "alias", "Gate 3", "nowhere"]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /"nowhere" is not a port the gazetteer knows/);
    r = runCli(["--db", db, "ports", "alias", "Quanhe", TUMEN_RAIL]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /already a name of cn-jl-hunchun-quanhe/);
  } finally {
    cleanup();
  }
});
