/**
 * OFAC's SDN_ADVANCED / CONS_ADVANCED XML and the UK Sanctions List (XML and CSV), on hand-written
 * fixtures that follow the issuers' published structures (test/fixtures/sanctions/SOURCES.md):
 * every field read, each list its own versioned dataset, a later version diffed against the
 * earlier one, and bad files refused with the file and place named.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { isDprkRelated } from "../src/core/screening/index.js";
import { repoRoot } from "../src/repo-root.js";
import { importList } from "../src/sanctions/import-list.js";
import { diffListVersions } from "../src/sanctions/list-diff.js";
import { datePeriod } from "../src/sanctions/parse-ofac-advanced-xml.js";
import { ukDate } from "../src/sanctions/parse-uk-list.js";
import { readListFiles } from "../src/sanctions/read-list-files.js";
import { tempDir, withDb, writeFile } from "./helpers/with-db.js";

const F = join(repoRoot(), "test", "fixtures", "sanctions");
const ADVANCED = join(F, "ofac_sdn_advanced_sample.xml");
const UK_XML = join(F, "uk_sanctions_list_sample.xml");
const UK_CSV = join(F, "uk_sanctions_list_sample.csv");

test("OFAC SDN_ADVANCED XML: names by part type, scripts, features, documents, programmes", () => {
  const r = readListFiles([ADVANCED]).parsed;
  assert.equal(r.format, "ofac-advanced-xml");
  assert.equal(r.list, "OFAC-SDN");
  assert.equal(r.version, "2024-05-03");
  const kim = r.entities.find((e) => e.reference === "11648")!;
  assert.equal(kim.kind, "person");
  assert.deepEqual(
    kim.names.map((n) => [n.name, n.type]),
    [
      ["KIM, Tong-Myo'ng", "primary"],
      ["김 동명", "original-script"],
      ["KIM, CHIN-SO'K", "aka"],
      ["KIM, JIN SOK", "weak"],
    ],
  );
  // A DatePeriod spanning one whole year is OFAC's way of writing a year.
  assert.deepEqual(kim.birthDates, ["1964", "1962-08-28"]);
  assert.deepEqual(kim.nationalities, ["PRK"]);
  assert.deepEqual(
    kim.identifiers.map((i) => [i.type, i.number, i.country]),
    [["passport", "290320764", "PRK"]],
  );
  assert.deepEqual(kim.programmes, ["NPWMD"]);
  assert.equal(kim.listedOn, "2016-12-02");
  assert.ok(isDprkRelated(kim));
  const komid = r.entities.find((e) => e.reference === "9345")!;
  assert.equal(komid.kind, "organization");
  assert.deepEqual(komid.programmes, ["NPWMD", "DPRK3"]);
  assert.deepEqual(komid.addresses, [
    { text: "Pyongyang, Korea, North", city: "Pyongyang", country: "PRK" },
  ]);
  const period = (s: string, e: string) => ({
    Start: { From: ymd(s) },
    End: { To: ymd(e) },
  });
  assert.equal(datePeriod(period("1960-01-01", "1962-12-31")), "1960/1962");
  assert.equal(datePeriod(period("1962-08-28", "1962-08-28")), "1962-08-28");
});

const ymd = (s: string) => {
  const [Year, Month, Day] = s.split("-");
  return { Year, Month, Day };
};

test("OFAC advanced XML: the SDN list and a non-SDN list are separate datasets; a new version is diffed", async (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  const xml = readFileSync(ADVANCED, "utf8");
  // CONS_ADVANCED has the same layout; its entries point at non-SDN lists.
  const cons = writeFile(
    dir,
    "cons_advanced.xml",
    xml.replace('<List ID="1550">SDN List</List>', '<List ID="1550">NS-MBS List</List>'),
  );
  const next = writeFile(
    dir,
    "sdn_advanced_next.xml",
    xml
      .replace("<Day>3</Day>", "<Day>10</Day>")
      .replace("<Comment>DPRK3</Comment>", "<Comment>DPRK4</Comment>"),
  );
  await withDb(async (store) => {
    const sdn = await importList(store, readListFiles([ADVANCED]));
    assert.equal(sdn.list, "OFAC-SDN");
    assert.equal(sdn.dprk, 2);
    const c = await importList(store, readListFiles([cons]));
    assert.equal(c.list, "OFAC-CONS");
    const counts = await store.all<{ list: string; n: bigint }>(
      "SELECT list, count(*) AS n FROM sanction_entities GROUP BY list ORDER BY list",
    );
    assert.deepEqual(
      counts.map((x) => [x.list, Number(x.n)]),
      [
        ["OFAC-CONS", 2],
        ["OFAC-SDN", 2],
      ],
    );
    await importList(store, readListFiles([next]));
    const d = await diffListVersions(store, "OFAC-SDN");
    assert.deepEqual([d.from.version, d.to.version], ["2024-05-03", "2024-05-10"]);
    assert.equal(d.changed, 1);
    assert.equal(d.changes[0]?.reference, "9345");
  });
});

test("OFAC advanced XML: a file mixing the SDN list with another list, or a party without a name, is refused", (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  const xml = readFileSync(ADVANCED, "utf8");
  const mixed = writeFile(
    dir,
    "mixed.xml",
    xml
      .replace(
        '<List ID="1550">SDN List</List>',
        '<List ID="1550">SDN List</List><List ID="1551">NS-PLC List</List>',
      )
      .replace('ProfileID="9345" ListID="1550"', 'ProfileID="9345" ListID="1551"'),
  );
  assert.throws(
    () => readListFiles([mixed]),
    /mixed\.xml \(SanctionsEntries\): the file mixes the SDN list with NS-PLC List/,
  );
  const nameless = writeFile(
    dir,
    "nameless.xml",
    xml.replace(
      'AliasTypeID="1403" Primary="true" LowQuality="false">\n            <DocumentedName ID="6010"',
      'AliasTypeID="1400" Primary="false" LowQuality="false">\n            <DocumentedName ID="6010"',
    ),
  );
  assert.throws(
    () => readListFiles([nameless]),
    /nameless\.xml \(DistinctParty 9345\): no primary Latin-script name/,
  );
});

test("UK Sanctions List: the XML and the CSV give the same entities; UK-FCDO is its own list", async () => {
  const x = readListFiles([UK_XML]).parsed;
  const c = readListFiles([UK_CSV]).parsed;
  assert.deepEqual([x.format, c.format], ["uk-xml", "uk-csv"]);
  assert.deepEqual([x.list, c.list], ["UK-FCDO", "UK-FCDO"]);
  assert.deepEqual([x.version, c.version], ["2026-10-08", "2026-10-08"]);
  const sorted = (l: typeof x) =>
    l.entities.map((e) => ({ ...e, birthDates: [...e.birthDates].sort() }));
  assert.deepEqual(sorted(c), sorted(x));
  const kim = x.entities.find((e) => e.reference === "DPR0024")!;
  assert.equal(kim.kind, "person");
  assert.deepEqual(
    kim.names.map((n) => [n.name, n.type]),
    [
      ["KIM, Yong Chol", "primary"],
      ["KIM, Yong-Chol", "aka"],
      ["KIM, Young-Chul", "weak"],
      ["김영철", "original-script"],
    ],
  );
  assert.deepEqual(kim.birthDates, ["1946", "1962-02-18"]);
  assert.deepEqual(kim.nationalities, ["PRK"]);
  assert.equal(kim.identifiers[0]?.number, "472310168");
  assert.equal(kim.listedOn, "2016-03-02");
  assert.match(kim.remarks ?? "", /UN reference KPi\.024/);
  const komid = x.entities.find((e) => e.reference === "DPR0001")!;
  assert.deepEqual(
    komid.names.map((n) => n.type),
    ["primary", "aka", "aka"],
  );
  const ship = x.entities.find((e) => e.reference === "DPR0075")!;
  assert.equal(ship.kind, "vessel");
  assert.ok(isDprkRelated(ship), "the UK regime name says DPRK");
  assert.equal(ukDate("dd/mm/1945"), "1945");
  assert.equal(ukDate("dd/07/1945"), "1945-07");

  await withDb(async (store) => {
    await importList(store, readListFiles([join(F, "un_sc_consolidated_2026-02-27.xml")]));
    const uk = await importList(store, readListFiles([UK_XML]));
    assert.equal(uk.list, "UK-FCDO");
    assert.equal(uk.entities, 3);
    assert.equal(uk.dprk, 3);
    const un = await store.one<{ n: bigint }>(
      "SELECT count(*) AS n FROM sanction_entities WHERE list = 'UN-SC'",
    );
    assert.equal(Number(un?.n), 1003);
  });
});

test("UK Sanctions List CSV: a missing column or an empty Unique ID names the file and line", (t) => {
  const { dir, cleanup } = tempDir();
  t.after(cleanup);
  const csv = readFileSync(UK_CSV, "utf8");
  const noType = writeFile(dir, "uk.csv", csv.replace("Designation Type", "Kind"));
  assert.throws(
    () => readListFiles([noType]),
    /uk\.csv \(line 2\): missing column\(s\) Designation Type/,
  );
  const lines = csv.split("\r\n");
  lines[3] = lines[3]!.replace("DPR0024", "");
  const noId = writeFile(dir, "uk2.csv", lines.join("\r\n"));
  assert.throws(() => readListFiles([noId]), /uk2\.csv \(line 4\): Unique ID is empty/);
});
