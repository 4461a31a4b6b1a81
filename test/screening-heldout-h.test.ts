/**
 * The held-out family H's generators (bench/screening-heldout-h.ts) on the real UN and OFAC
 * fixtures: the same lists give the same queries and negatives, in the expected numbers per kind,
 * and no negative carries a listed name's words. Scores are not looked at here: bench/eval-screening.ts
 * --held-out-h measures them, once.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { fixtureLists } from "../bench/fixture-lists.js";
import { heldOutHQueriesFor, realNegativesH, translateOrgH } from "../bench/screening-heldout-h.js";
import { isDprkRelated, tokenize } from "../src/core/screening/index.js";

const lists = fixtureLists();
const entities = [...lists.un, ...lists.ofac];
const dprk = entities.filter(isDprkRelated);

const EXPECTED_TYPES = { person: 1905, org: 2525 };
const EXPECTED_KINDS: Record<string, number> = {
  "person: katakana with 氏": 124,
  "person: katakana read back in Hepburn": 247,
  "person: Czech transcription": 113,
  "person: Hungarian transcription": 227,
  "person: PDF text: no-break or zero-width space": 466,
  "person: katakana": 176,
  "person: PDF text: typographic apostrophe or dash": 104,
  "person: Czech transcription, háčeks lost": 129,
  "person: full-width Latin": 291,
  "person: PDF text: soft hyphen inside a word": 15,
  "org: translated into Dutch": 142,
  "org: KOREA written the DPRK way": 129,
  "org: PDF text: word broken at a line end": 216,
  "org: the DPRK's possessive before the name": 367,
  "org: PDF text: soft hyphen inside a word": 262,
  "org: translated into Italian": 135,
  "org: full-width Latin": 464,
  "org: PDF text: no-break or zero-width space": 381,
  "org: translated into Polish": 132,
  "org: translated into Portuguese": 136,
  "org: KOREAN written the DPRK way": 14,
  "org: PDF text: typographic apostrophe or dash": 35,
  "org: PDF text: ligature": 6,
  "person: PDF text: word broken at a line end": 13,
  "org: vessel in news copy": 106,
};
const EXPECTED_NEGATIVES: Record<string, number> = {
  "real Korean person (H)": 309,
  "real Chinese person (H)": 120,
  "real Japanese person (H)": 63,
  "real European company or public body (H)": 168,
  "South Korean public body (H)": 25,
  "real merchant vessel (H)": 30,
};

const countBy = <T>(xs: T[], key: (x: T) => string) => {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
};

test("held-out H: deterministic, the expected queries per kind over the DPRK-related entries", () => {
  const a = heldOutHQueriesFor(dprk);
  assert.deepEqual(heldOutHQueriesFor(dprk), a);
  assert.deepEqual(
    countBy(a, (q) => q.type),
    EXPECTED_TYPES,
  );
  assert.deepEqual(
    countBy(a, (q) => `${q.type}: ${q.variant.replace(/^alias: /, "")}`),
    EXPECTED_KINDS,
  );
  for (const q of a) assert.notEqual(q.query, q.sourceName);
  assert.notDeepEqual(heldOutHQueriesFor(dprk, 1), a, "another seed gives other queries");
});

test("held-out H negatives: deterministic, the expected names per kind, none with a listed name's words", () => {
  const a = realNegativesH(entities, new Set());
  assert.deepEqual(realNegativesH(entities, new Set()), a);
  assert.deepEqual(
    countBy(a, (n) => n.kind),
    EXPECTED_NEGATIVES,
  );
  const listed = entities.flatMap((e) => e.names.map((n) => new Set(tokenize(n.name))));
  for (const n of a) {
    const words = [...new Set(tokenize(n.name.normalize("NFKC").replace(/[\u00ad\u200b]/g, "")))];
    const inside = listed.find(
      (l) =>
        (words.length >= 2 || l.size === 1) && words.length > 0 && words.every((w) => l.has(w)),
    );
    assert.equal(inside, undefined, `${n.name} is inside ${[...(inside ?? [])].join(" ")}`);
  }
});

test("organisations in Italian, Portuguese, Dutch and Polish: head, gender, case and compounds", () => {
  assert.equal(
    translateOrgH("RECONNAISSANCE GENERAL BUREAU", "it"),
    "Ufficio generale di ricognizione",
  );
  assert.equal(
    translateOrgH("MINISTRY OF ATOMIC ENERGY INDUSTRY", "it"),
    "Ministero dell'industria dell'energia atomica",
  );
  assert.equal(
    translateOrgH("MINISTRY OF ATOMIC ENERGY INDUSTRY", "pl"),
    "Ministerstwo Przemysłu Energii Atomowej",
  );
  assert.equal(
    translateOrgH("MINISTRY OF ATOMIC ENERGY INDUSTRY", "nl"),
    "Ministerie van Atoomenergie-industrie",
  );
  assert.equal(translateOrgH("TANCHON COMMERCIAL BANK", "pl"), "Bank Handlowy Tanchon");
  assert.equal(
    translateOrgH("ACADEMY OF NATURAL SCIENCES", "pt"),
    "Academia das Ciências Naturais",
  );
  assert.equal(translateOrgH("KOREAN PEOPLE'S ARMY", "pl"), "Koreańska Armia Ludowa");
  assert.equal(
    translateOrgH("CHONMYONG SHIPPING COMPANY LIMITED", "nl"),
    "Chonmyong Scheepvaartbedrijf Limited",
  );
  assert.equal(translateOrgH("KORYO BANK", "it"), "Banca Koryo");
  assert.equal(translateOrgH("TONGBANG U'NHAENG", "it"), undefined, "nothing to translate");
});
