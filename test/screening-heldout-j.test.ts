/**
 * The held-out family J's generators (bench/screening-heldout-j.ts) on the real UN and OFAC
 * fixtures: the same lists give the same queries and negatives, in the expected numbers per kind,
 * and no negative carries a listed name's words. Scores are not looked at here: bench/eval-screening.ts
 * --held-out-j measures them, once.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { fixtureLists } from "../bench/fixture-lists.js";
import {
  alaLc,
  arabicOf,
  folded,
  hebrewOf,
  heldOutJQueriesFor,
  realNegativesJ,
  serbianCyrillic,
  southSlavic,
  translateOrgJ,
} from "../bench/screening-heldout-j.js";
import { isDprkRelated, tokenize } from "../src/core/screening/index.js";

const lists = fixtureLists();
const entities = [...lists.un, ...lists.ofac];
const dprk = entities.filter(isDprkRelated);

const EXPECTED_TYPES = { person: 2008, org: 1529 };
const EXPECTED_KINDS: Record<string, number> = {
  "person: South Slavic press form": 410,
  "person: Serbian Cyrillic capitals": 93,
  "person: Arabic read back by ALA-LC, marks lost": 240,
  "person: customs declaration trader box": 111,
  "person: South Slavic press form, marks lost": 160,
  "person: Arabic read back by ALA-LC": 283,
  "person: Serbian Cyrillic": 200,
  "person: Arabic press form": 223,
  "person: Hebrew press form": 191,
  "person: commercial invoice buyer": 97,
  "org: translated into Croatian": 234,
  "org: customs declaration trader box": 329,
  "org: translated into Danish": 243,
  "org: translated into Finnish": 261,
  "org: commercial invoice buyer": 356,
  "org: shipbroker's position list": 47,
  "org: charter party preamble": 59,
};
const EXPECTED_NEGATIVES: Record<string, number> = {
  "real Korean person (J)": 276,
  "real Chinese, Japanese or Mongolian person (J)": 206,
  "real European person (J)": 111,
  "real Arab person (J)": 80,
  "real company or public body of another state (J)": 149,
  "real merchant vessel (J)": 50,
};

const countBy = <T>(xs: T[], key: (x: T) => string) => {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
};

test("held-out J: deterministic, the expected queries per kind over the DPRK-related entries", () => {
  const a = heldOutJQueriesFor(dprk);
  assert.deepEqual(heldOutJQueriesFor(dprk), a);
  assert.deepEqual(
    countBy(a, (q) => q.type),
    EXPECTED_TYPES,
  );
  assert.deepEqual(
    countBy(a, (q) => `${q.type}: ${q.variant.replace(/^alias: /, "")}`),
    EXPECTED_KINDS,
  );
  for (const q of a) assert.notEqual(q.query, q.sourceName);
  assert.notDeepEqual(heldOutJQueriesFor(dprk, 1), a, "another seed gives other queries");
});

test("held-out J negatives: deterministic, the expected names per kind, none with a listed name's words", () => {
  const a = realNegativesJ(entities, new Set());
  assert.deepEqual(realNegativesJ(entities, new Set()), a);
  assert.deepEqual(
    countBy(a, (n) => n.kind),
    EXPECTED_NEGATIVES,
  );
  const listed = entities.flatMap((e) => e.names.map((n) => new Set(tokenize(n.name))));
  for (const n of a) {
    const words = [...new Set(tokenize(folded(n.name)))];
    const inside = listed.find(
      (l) =>
        (words.length >= 2 || l.size === 1) && words.length > 0 && words.every((w) => l.has(w)),
    );
    assert.equal(inside, undefined, `${n.name} is inside ${[...(inside ?? [])].join(" ")}`);
  }
});

test("organisations in Danish, Finnish and Croatian: head, agreement, case and compounds", () => {
  const m = "MINISTRY OF ATOMIC ENERGY INDUSTRY";
  assert.equal(translateOrgJ(m, "da"), "Ministeriet for atomenergiindustri");
  assert.equal(translateOrgJ(m, "fi"), "Atomienergiateollisuuden ministeriö");
  assert.equal(translateOrgJ(m, "hr"), "Ministarstvo industrije atomske energije");
  assert.equal(translateOrgJ("TANCHON COMMERCIAL BANK", "da"), "Tanchon handelsbank");
  assert.equal(translateOrgJ("TANCHON COMMERCIAL BANK", "fi"), "Tanchon kauppapankki");
  assert.equal(translateOrgJ("TANCHON COMMERCIAL BANK", "hr"), "Trgovačka banka Tanchon");
  assert.equal(
    translateOrgJ("MINISTRY OF STATE SECURITY", "hr"),
    "Ministarstvo državne sigurnosti",
  );
  assert.equal(
    translateOrgJ("FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", "fi"),
    "Korean demokraattisen kansantasavallan ulkomaankauppapankki",
  );
  assert.equal(
    translateOrgJ("FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", "hr"),
    "Banka vanjske trgovine Demokratske Narodne Republike Koreje",
  );
  assert.equal(translateOrgJ("KOREAN PEOPLE'S ARMY", "fi"), "Korean kansanarmeija");
  assert.equal(
    translateOrgJ("ORGANIZATION AND GUIDANCE DEPARTMENT", "da"),
    "Organisations- og vejledningsafdeling",
  );
  assert.equal(translateOrgJ("SECOND ECONOMIC COMMITTEE", "hr"), "Drugi gospodarski odbor");
  assert.equal(
    translateOrgJ("3RD TECHNICAL SURVEILLANCE BUREAU", "da"),
    "Tredje tekniske overvågningsbureau",
  );
  assert.equal(translateOrgJ("MINISTRY OF FOREIGN AFFAIRS", "hr"), "Ministarstvo vanjskih poslova");
  assert.equal(translateOrgJ("TONGBANG U'NHAENG", "da"), undefined, "nothing to translate");
});

test("South Slavic respelling and Serbian Cyrillic; Arabic letters and their ALA-LC reading; Hebrew letters", () => {
  assert.equal(southSlavic("Kim Jong Un"), "Kim Džong Un");
  assert.equal(southSlavic("RI YONG HO"), "RI JONG HO");
  assert.equal(southSlavic("Choe Ryong Hae"), "Čoe Rjong He");
  assert.equal(folded("Kim Džong Un"), "Kim Dzong Un");
  assert.equal(serbianCyrillic("Kim Džong Un"), "Ким Џонг Ун");
  assert.equal(serbianCyrillic("RI JONG HO"), "РИ ЈОНГ ХО");
  assert.equal(arabicOf("Kim Jong Un"), "كيم جونغ أون");
  assert.equal(arabicOf("Kim Il-sung"), "كيم إل سونغ");
  assert.equal(arabicOf("Choe Ryong Hae"), "تشوي ريونغ هاي");
  assert.equal(alaLc("كيم جونغ أون"), "Kīm Jūngh Ūn");
  assert.equal(alaLc("فاروق الباز"), "Fārūq al-Bāz");
  assert.equal(hebrewOf("Kim Jong Un"), "קים ג'ונג און");
  assert.equal(hebrewOf("Kim Il-sung"), "קים איל סונג");
  assert.equal(hebrewOf("Lee Min-ho"), "לי מין הו");
});
