/**
 * The held-out family L's generators (bench/screening-heldout-l.ts) on the real UN and OFAC
 * fixtures: the same lists give the same queries and negatives, in the expected numbers per kind,
 * and no negative carries a listed name's words. Scores are not looked at here: bench/eval-screening.ts
 * --held-out-l measures them, once.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { fixtureLists } from "../bench/fixture-lists.js";
import {
  bengaliOf,
  cp1251AsKoi8,
  doubleLatin1,
  foldMarks,
  heldOutLQueriesFor,
  htmlDecimal,
  kmuLatin,
  persianOf,
  realNegativesL,
  translateOrgL,
  ukrainianOf,
  urduOf,
  utf8AsCp1251,
} from "../bench/screening-heldout-l.js";
import { isDprkRelated, tokenize } from "../src/core/screening/index.js";

const lists = fixtureLists();
const entities = [...lists.un, ...lists.ofac];
const dprk = entities.filter(isDprkRelated);

const EXPECTED_TYPES = { person: 1820, org: 1742 };
const EXPECTED_KINDS: Record<string, number> = {
  "person: Ukrainian form": 189,
  "person: Bengali press form": 241,
  "person: PACER case locator line": 201,
  "person: Persian press form": 353,
  "person: bill of lading shipper or notify party": 156,
  "person: Ukrainian read back by the national transliteration": 183,
  "person: Urdu form, HTML character references": 74,
  "person: Ukrainian form, Windows-1251 read as KOI8-R": 41,
  "person: Persian form, HTML character references": 75,
  "person: Urdu press form": 256,
  "person: Ukrainian form, UTF-8 read as Windows-1251": 45,
  "person: UTF-8 read as Latin-1 twice": 6,
  "org: translated into Latvian": 206,
  "org: company registry extract": 298,
  "org: translated into Swahili": 266,
  "org: bill of lading shipper or notify party": 277,
  "org: translated into Indonesian": 241,
  "org: translated into Latvian, UTF-8 read as Latin-1 twice": 36,
  "org: PACER case locator line": 175,
  "org: translated into Latvian, HTML character references": 18,
  "org: HTML-escaped & and apostrophes": 42,
  "org: UTF-8 read as Latin-1 twice": 1,
  "org: AIS static data": 107,
  "org: vessel in Persian press copy": 33,
  "org: vessel in Ukrainian press copy": 26,
  "org: ICAO flight plan registration (item 18)": 16,
};
const EXPECTED_NEGATIVES: Record<string, number> = {
  "real Korean person (L)": 741,
  "real Chinese person (L)": 414,
  "real Iranian or Afghan person (L)": 73,
  "real Pakistani person (L)": 46,
  "real Ukrainian person (L)": 71,
  "real Indonesian, Kenyan or Tanzanian person (L)": 55,
  "real bank, company or public body of another state (L)": 210,
  "real vessel with a common-word name (L)": 115,
};

/** How many of each label, in a plain object. */
function tally(labels: string[]): Record<string, number> {
  return Object.fromEntries(
    [...new Set(labels)].map((l) => [l, labels.filter((x) => x === l).length]),
  );
}

test("held-out L: deterministic, the expected queries per kind over the DPRK-related entries", () => {
  const [first, again, otherSeed] = [
    heldOutLQueriesFor(dprk),
    heldOutLQueriesFor(dprk),
    heldOutLQueriesFor(dprk, 1),
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

test("held-out L negatives: deterministic, the expected names per kind, none with a listed name's words", () => {
  const a = realNegativesL(entities, new Set());
  assert.deepEqual(realNegativesL(entities, new Set()), a);
  assert.deepEqual(tally(a.map((n) => n.kind)), EXPECTED_NEGATIVES);
  const byWord = new Map<string, Set<string>[]>();
  for (const e of entities)
    for (const n of e.names) {
      const set = new Set(tokenize(n.name));
      for (const w of set) byWord.set(w, [...(byWord.get(w) ?? []), set]);
    }
  for (const n of a) {
    const words = [...new Set(tokenize(foldMarks(n.name)))];
    const inside = (byWord.get(words[0] ?? "") ?? []).find(
      (l) => (words.length >= 2 || l.size === 1) && words.every((w) => l.has(w)),
    );
    assert.equal(inside, undefined, `${n.name} is inside ${[...(inside ?? [])].join(" ")}`);
  }
  // A listed person's Hangul reading drops a negative that reads the same, with all its forms.
  const fewer = realNegativesL(entities, new Set(["박지성"]));
  assert.ok(a.some((n) => n.name === "Park Ji-sung"));
  assert.ok(!fewer.some((n) => n.name === "Park Ji-sung"));
});

test("organisations in Indonesian, Swahili and Latvian: order, the associative by class, case and agreement", () => {
  const m = "MINISTRY OF ATOMIC ENERGY INDUSTRY";
  assert.equal(translateOrgL(m, "id"), "Kementerian Industri Energi Atom");
  assert.equal(translateOrgL(m, "sw"), "Wizara ya Viwanda vya Nishati ya Atomiki");
  assert.equal(translateOrgL("TANCHON COMMERCIAL BANK", "id"), "Bank Komersial Tanchon");
  assert.equal(translateOrgL("TANCHON COMMERCIAL BANK", "sw"), "Benki ya Biashara ya Tanchon");
  assert.equal(translateOrgL("SECOND ECONOMIC COMMITTEE", "id"), "Komite Ekonomi Kedua");
  assert.equal(translateOrgL("SECOND ECONOMIC COMMITTEE", "sw"), "Kamati ya Pili ya Kiuchumi");
  assert.equal(translateOrgL("MINISTRY OF STATE SECURITY", "sw"), "Wizara ya Usalama wa Dola");
  assert.equal(
    translateOrgL("DANDONG ZHONGSHENG INDUSTRY & TRADE CO., LTD.", "id"),
    "Industri dan Perdagangan Dandong Zhongsheng CO., LTD.",
  );
  assert.equal(
    translateOrgL("CENTRAL MILITARY COMMISSION OF THE WORKERS’ PARTY OF KOREA (CMC)", "sw"),
    "Tume ya Kijeshi Kuu ya Chama cha Wafanyakazi cha Korea (CMC)",
  );
  assert.equal(
    translateOrgL("FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", "id"),
    "Bank Perdagangan Luar Negeri Republik Demokratik Rakyat Korea",
  );
  assert.equal(translateOrgL(m, "lv"), "Atomu enerģijas rūpniecības ministrija");
  assert.equal(translateOrgL("TANCHON COMMERCIAL BANK", "lv"), "Tanchon komerciālā banka");
  assert.equal(translateOrgL("SECOND ECONOMIC COMMITTEE", "lv"), "Otrā ekonomiskā komiteja");
  assert.equal(translateOrgL("FIRST CREDIT BANK", "lv"), "Pirmā kredīta banka");
  assert.equal(translateOrgL("MINISTRY OF STATE SECURITY", "lv"), "Valsts drošības ministrija");
  assert.equal(
    translateOrgL("FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", "lv"),
    "Korejas Tautas Demokrātiskās Republikas ārējās tirdzniecības banka",
  );
  assert.equal(
    translateOrgL("KOREA MINING DEVELOPMENT TRADING CORPORATION", "lv"),
    "Korejas kalnrūpniecības attīstības tirdzniecības korporācija",
  );
  assert.equal(translateOrgL("KKBC", "id"), undefined, "nothing to translate");
});

test("Persian, Urdu, Bengali and Ukrainian letters, the national transliteration and the mis-decodings", () => {
  assert.equal(persianOf("Kim Jong Un"), "کیم جونگ اون");
  assert.equal(persianOf("Kim Il Sung"), "کیم ایل سونگ");
  assert.equal(urduOf("Kim Jong Un"), "کم جونگ ان");
  assert.equal(urduOf("Donald Trump"), "ڈونلڈ ٹرمپ");
  assert.equal(bengaliOf("Kim Jong Un"), "কিম জং উন");
  assert.equal(bengaliOf("Kim Il Sung"), "কিম ইল সুং");
  assert.equal(bengaliOf("Ri Yong Ho"), "রি ইয়ং হো");
  assert.equal(bengaliOf("Kim Won Ho"), "কিম ওন হো", "w before a vowel as the vowel letter");
  assert.equal(urduOf("Zhang Shuai"), "ژنگ شوای", "a run of vowels is written");
  assert.equal(ukrainianOf("Kim Jong Un"), "Кім Джонг Ун");
  assert.equal(ukrainianOf("Kim Jong Un", true), "Кім Джонґ Ун");
  assert.equal(kmuLatin("Кім Джонг Ун"), "Kim Dzhonh Un", "г is h");
  assert.equal(kmuLatin("Юлія Згурівка"), "Yuliia Zghurivka");
  assert.equal(utf8AsCp1251("Кім"), "РљС–Рј");
  assert.equal(cp1251AsKoi8("Кім Джонг Ун"), "йЁЛ дФНМЦ сМ");
  assert.equal(doubleLatin1("Ch’oe").startsWith("ChÃ¢"), true);
  assert.equal(htmlDecimal("کیم"), "&#1705;&#1740;&#1605;");
});
