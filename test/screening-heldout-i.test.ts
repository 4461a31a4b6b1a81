/**
 * The held-out family I's generators (bench/screening-heldout-i.ts) on the real UN and OFAC
 * fixtures: the same lists give the same queries and negatives, in the expected numbers per kind,
 * and no negative carries a listed name's words. Scores are not looked at here: bench/eval-screening.ts
 * --held-out-i measures them, once.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { fixtureLists } from "../bench/fixture-lists.js";
import {
  elot743,
  heldOutIQueriesFor,
  realNegativesI,
  translateOrgI,
  withoutMarks,
} from "../bench/screening-heldout-i.js";
import { isDprkRelated, tokenize } from "../src/core/screening/index.js";

const lists = fixtureLists();
const entities = [...lists.un, ...lists.ofac];
const dprk = entities.filter(isDprkRelated);

const EXPECTED_TYPES = { person: 1714, org: 1685 };
const EXPECTED_KINDS: Record<string, number> = {
  "person: Sino-Vietnamese reading": 249,
  "person: Sino-Vietnamese reading, marks lost": 164,
  "person: Greek press form": 175,
  "person: Greek read back by ELOT 743": 584,
  "person: court caption": 153,
  "person: Turkish-locale upper case": 85,
  "person: Greek capitals": 118,
  "person: Turkish-locale lower case": 32,
  "person: payment ordering customer": 154,
  "org: translated into Czech": 140,
  "org: bill of lading consignee": 358,
  "org: translated into Romanian": 131,
  "org: payment ordering customer": 238,
  "org: forfeiture caption": 200,
  "org: translated into Swedish": 151,
  "org: Turkish-locale lower case": 168,
  "org: translated into Hungarian": 131,
  "org: Turkish-locale upper case": 11,
  "org: ship register line": 106,
  "org: forfeiture caption of a vessel": 51,
};
const EXPECTED_NEGATIVES: Record<string, number> = {
  "real Korean person (I)": 203,
  "real Chinese person (I)": 219,
  "real Vietnamese person (I)": 173,
  "real company or public body of another state (I)": 285,
};

const countBy = <T>(xs: T[], key: (x: T) => string) => {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
};

test("held-out I: deterministic, the expected queries per kind over the DPRK-related entries", () => {
  const a = heldOutIQueriesFor(dprk);
  assert.deepEqual(heldOutIQueriesFor(dprk), a);
  assert.deepEqual(
    countBy(a, (q) => q.type),
    EXPECTED_TYPES,
  );
  assert.deepEqual(
    countBy(a, (q) => `${q.type}: ${q.variant.replace(/^alias: /, "")}`),
    EXPECTED_KINDS,
  );
  for (const q of a) assert.notEqual(q.query, q.sourceName);
  assert.notDeepEqual(heldOutIQueriesFor(dprk, 1), a, "another seed gives other queries");
});

test("held-out I negatives: deterministic, the expected names per kind, none with a listed name's words", () => {
  const a = realNegativesI(entities, new Set());
  assert.deepEqual(realNegativesI(entities, new Set()), a);
  assert.deepEqual(
    countBy(a, (n) => n.kind),
    EXPECTED_NEGATIVES,
  );
  const listed = entities.flatMap((e) => e.names.map((n) => new Set(tokenize(n.name))));
  for (const n of a) {
    const words = [...new Set(tokenize(withoutMarks(n.name).replace(/ı/g, "i")))];
    const inside = listed.find(
      (l) =>
        (words.length >= 2 || l.size === 1) && words.length > 0 && words.every((w) => l.has(w)),
    );
    assert.equal(inside, undefined, `${n.name} is inside ${[...(inside ?? [])].join(" ")}`);
  }
});

test("organisations in Swedish, Czech, Romanian and Hungarian: head, agreement, case and compounds", () => {
  const m = "MINISTRY OF ATOMIC ENERGY INDUSTRY";
  assert.equal(translateOrgI(m, "sv"), "Ministeriet för atomenergiindustri");
  assert.equal(translateOrgI(m, "cs"), "Ministerstvo průmyslu atomové energie");
  assert.equal(translateOrgI(m, "ro"), "Ministerul Industriei Energiei Atomice");
  assert.equal(translateOrgI(m, "hu"), "Atomenergetikai Ipari Minisztérium");
  assert.equal(translateOrgI("TANCHON COMMERCIAL BANK", "sv"), "Tanchon handelsbank");
  assert.equal(translateOrgI("TANCHON COMMERCIAL BANK", "cs"), "Obchodní banka Tanchon");
  assert.equal(translateOrgI("TANCHON COMMERCIAL BANK", "ro"), "Banca Comercială Tanchon");
  assert.equal(
    translateOrgI("MINISTRY OF STATE SECURITY", "cs"),
    "Ministerstvo státní bezpečnosti",
  );
  assert.equal(
    translateOrgI("FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", "ro"),
    "Banca Comerțului Extern a Republicii Populare Democrate Coreene",
  );
  assert.equal(translateOrgI("KOREAN PEOPLE'S ARMY", "hu"), "Koreai Néphadsereg");
  assert.equal(
    translateOrgI("KOREA TONGHUNG SHIPPING COMPANY LIMITED", "cs"),
    "Korejská lodní společnost Tonghung Limited",
  );
  assert.equal(
    translateOrgI("GORGEOUS BANK OF NORTH KOREA", "cs"),
    "Banka Gorgeous Severní Koreje",
  );
  assert.equal(
    translateOrgI("ORGANIZATION AND GUIDANCE DEPARTMENT", "hu"),
    "Szervezési és Irányítási Osztály",
  );
  assert.equal(translateOrgI("TONGBANG U'NHAENG", "sv"), undefined, "nothing to translate");
});

test("Greek read back by ELOT 743, and Vietnamese without its marks", () => {
  assert.equal(elot743("Κιμ Τζονγκ Ουν"), "Kim Tzongk Oun");
  assert.equal(elot743("ΡΙ ΓΙΟΝΓΚ ΧΟ"), "RI GIONGK CHO");
  assert.equal(elot743("Μπακ Ντονγκ"), "Bak Dongk");
  assert.equal(withoutMarks("Kim Chính Ân"), "Kim Chinh An");
  assert.equal(withoutMarks("Trịnh Đức"), "Trinh Duc");
});
