/**
 * The held-out family K's generators (bench/screening-heldout-k.ts) on the real UN and OFAC
 * fixtures: the same lists give the same queries and negatives, in the expected numbers per kind,
 * and no negative carries a listed name's words. Scores are not looked at here: bench/eval-screening.ts
 * --held-out-k measures them, once.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { fixtureLists } from "../bench/fixture-lists.js";
import {
  alaHindi,
  armenianBack,
  armenianOf,
  devanagariOf,
  georgianBack,
  georgianOf,
  heldOutKQueriesFor,
  mojibake,
  nachaName,
  realNegativesK,
  sevenBit,
  stripMarks,
  thaiOfKorean,
  translateOrgK,
} from "../bench/screening-heldout-k.js";
import { isDprkRelated, tokenize } from "../src/core/screening/index.js";

const lists = fixtureLists();
const entities = [...lists.un, ...lists.ofac];
const dprk = entities.filter(isDprkRelated);

const EXPECTED_TYPES = { person: 1596, org: 1585 };
const EXPECTED_KINDS: Record<string, number> = {
  "person: Thai read back by RTGS": 144,
  "person: Georgian form": 153,
  "person: Armenian read back by ISO 9985, marks lost": 59,
  "person: air waybill shipper or consignee": 183,
  "person: Thai press form": 218,
  "person: Armenian form": 155,
  "person: press caption with age and title": 174,
  "person: Georgian read back (national system)": 104,
  "person: Devanagari read back by ALA-LC": 26,
  "person: Devanagari read back by ALA-LC, marks lost": 40,
  "person: Hindi press form (Devanagari)": 147,
  "person: Armenian read back by ISO 9985, UTF-8 read as Windows-1252": 13,
  "person: Georgian read back (national system), marks lost": 68,
  "person: Armenian read back by ISO 9985": 44,
  "person: Devanagari read back by ALA-LC, 7-bit capitals": 45,
  "person: Devanagari read back by ALA-LC, UTF-8 read as Windows-1252": 21,
  "org: translated into Lithuanian": 198,
  "org: translated into Bulgarian": 111,
  "org: air waybill shipper or consignee": 308,
  "org: translated into Bulgarian, names in Cyrillic": 128,
  "org: documentary credit applicant or beneficiary": 333,
  "org: translated into Maltese, UTF-8 read as Windows-1252": 20,
  "org: translated into Maltese": 203,
  "org: translated into Maltese, 7-bit capitals": 23,
  "org: NACHA receiver name field (22 characters)": 104,
  "org: translated into Lithuanian, UTF-8 read as Windows-1252": 26,
  "org: translated into Lithuanian, 7-bit capitals": 25,
  "org: port state control detention list": 106,
  "person: NACHA receiver name field (22 characters)": 2,
};
const EXPECTED_NEGATIVES: Record<string, number> = {
  "real Korean person (K)": 597,
  "real East or Southeast Asian person (K)": 196,
  "real Thai person (K)": 63,
  "real Georgian, Armenian or Indian person (K)": 141,
  "real company or public body of another state (K)": 181,
  "real vessel with a common-word name (K)": 146,
};

/** How many of each label, in a plain object. */
function tally(labels: string[]): Record<string, number> {
  return Object.fromEntries(
    [...new Set(labels)].map((l) => [l, labels.filter((x) => x === l).length]),
  );
}

test("held-out K: deterministic, the expected queries per kind over the DPRK-related entries", () => {
  const [first, again, otherSeed] = [
    heldOutKQueriesFor(dprk),
    heldOutKQueriesFor(dprk),
    heldOutKQueriesFor(dprk, 1),
  ];
  assert.deepEqual(again, first);
  assert.notDeepEqual(otherSeed, first, "another seed gives other queries");
  assert.deepEqual(
    {
      types: tally(first.map((q) => q.type)),
      kinds: tally(first.map((q) => `${q.type}: ${q.variant.replace(/^alias: /, "")}`)),
    },
    { types: EXPECTED_TYPES, kinds: EXPECTED_KINDS },
  );
  assert.ok(first.every((q) => q.query !== q.sourceName && q.query.trim() !== ""));
});

test("held-out K negatives: deterministic, the expected names per kind, none with a listed name's words", () => {
  const a = realNegativesK(entities, new Set());
  assert.deepEqual(realNegativesK(entities, new Set()), a);
  assert.deepEqual(tally(a.map((n) => n.kind)), EXPECTED_NEGATIVES);
  const byWord = new Map<string, Set<string>[]>();
  for (const e of entities)
    for (const n of e.names) {
      const set = new Set(tokenize(n.name));
      for (const w of set) byWord.set(w, [...(byWord.get(w) ?? []), set]);
    }
  for (const n of a) {
    const words = [...new Set(tokenize(stripMarks(n.name)))];
    const inside = (byWord.get(words[0] ?? "") ?? []).find(
      (l) => (words.length >= 2 || l.size === 1) && words.every((w) => l.has(w)),
    );
    assert.equal(inside, undefined, `${n.name} is inside ${[...(inside ?? [])].join(" ")}`);
  }
  // A listed person's Hangul reading drops a negative that reads the same.
  const fewer = realNegativesK(entities, new Set(["김민희"]));
  assert.ok(a.some((n) => n.name === "Kim Min-hee"));
  assert.ok(!fewer.some((n) => n.name === "Kim Min-hee"));
});

test("organisations in Bulgarian, Lithuanian and Maltese: order, agreement, case and article", () => {
  const m = "MINISTRY OF ATOMIC ENERGY INDUSTRY";
  assert.equal(translateOrgK(m, "bg"), "Министерство на атомната енергийна промишленост");
  assert.equal(translateOrgK(m, "lt"), "Atominės energijos pramonės ministerija");
  assert.equal(translateOrgK(m, "mt"), "Ministeru tal-Industrija tal-Enerġija Atomika");
  assert.equal(translateOrgK("TANCHON COMMERCIAL BANK", "bg"), "Търговска банка „Tanchon“");
  assert.equal(translateOrgK("TANCHON COMMERCIAL BANK", "bg", true), "Търговска банка „Танчон“");
  assert.equal(translateOrgK("TANCHON COMMERCIAL BANK", "lt"), "Tanchon komercinis bankas");
  assert.equal(translateOrgK("TANCHON COMMERCIAL BANK", "mt"), "Bank Kummerċjali ta' Tanchon");
  assert.equal(
    translateOrgK("MINISTRY OF STATE SECURITY", "mt"),
    "Ministeru tas-Sigurtà tal-Istat",
  );
  assert.equal(translateOrgK("SECOND ECONOMIC COMMITTEE", "mt"), "It-Tieni Kumitat Ekonomiku");
  assert.equal(translateOrgK("SECOND ECONOMIC COMMITTEE", "lt"), "Antras ekonominis komitetas");
  assert.equal(
    translateOrgK("ORGANIZATION AND GUIDANCE DEPARTMENT", "bg"),
    "Отдел на организацията и ръководството",
  );
  assert.equal(
    translateOrgK("FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", "lt"),
    "Korėjos Liaudies Demokratinės Respublikos užsienio prekybos bankas",
  );
  assert.equal(
    translateOrgK("CENTRAL MILITARY COMMISSION OF THE WORKERS’ PARTY OF KOREA (CMC)", "bg"),
    "Централна военна комисия на Трудовата партия на Корея (CMC)",
  );
  assert.equal(translateOrgK("TONGBANG U'NHAENG", "mt"), undefined, "nothing to translate");
});

test("Thai by the Royal Institute's rules and RTGS; Georgian, Armenian and Devanagari letters and their readings", () => {
  assert.deepEqual(thaiOfKorean("Choe Ryong Hae"), { thai: "ชเว รยง-แฮ", rtgs: "Chwe Ryong-hae" });
  assert.deepEqual(thaiOfKorean("Pak Pong Ju"), { thai: "พัก บง-จู", rtgs: "Phak Bong-chu" });
  assert.equal(thaiOfKorean("Park Hui Sop")?.thai, "พัก ฮี-ซ็อบ", "the Institute's 박희섭 example");
  assert.equal(thaiOfKorean("Hyon Yong Chol")?.rtgs, "Hyon Yong-chon", "a final ㄹ is ล, read n");
  assert.equal(georgianOf("Kim Jong Un"), "კიმ ჯონგ უნი");
  assert.equal(georgianOf("Ri Yong Ho"), "რი იონგ ჰო", "no -ი after a vowel");
  assert.equal(georgianBack("კიმ ჯონგ უნი"), "K'im Jong Uni");
  assert.equal(armenianOf("Kim Jong Un"), "Կիմ Ջոնգ Ուն");
  assert.equal(armenianBack("Կիմ Ջոնգ Ուն"), "Kim J̌ong Own");
  assert.equal(armenianBack("Լևոն"), "Lewon");
  assert.equal(devanagariOf("Kim Jong Un"), "किम जोंग उन");
  assert.equal(devanagariOf("Hyon Yong Chol"), "ह्योन योंग चोल");
  assert.equal(alaHindi("किम जोंग उन"), "Kim Joṅg Un");
  assert.equal(sevenBit("Ministeru tal-Ħaddiema"), "MINISTERU TAL-?ADDIEMA");
  assert.equal(mojibake("Enerġija"), "EnerÄ¡ija");
  assert.equal(nachaName("KOREA MINING DEVELOPMENT TRADING CORPORATION"), "KOREA MINING DEVELOPME");
  assert.equal(nachaName("KIM JONG UN"), undefined, "a name that fits is not cut");
});
