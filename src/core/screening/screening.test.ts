import assert from "node:assert/strict";
import { test } from "node:test";
import {
  acronymOf,
  acronymsOf,
  alignNames,
  compareBirthDates,
  compareNationality,
  countryCode,
  foldText,
  isDprkRelated,
  type ListEntity,
  orgTokenVariants,
  SCREEN_THRESHOLD,
  ScreeningIndex,
  splitOrgName,
  tokenJaroWinkler,
  tokenSimilarity,
} from "./index.js";

test("foldText drops accents, apostrophes and case; keeps Hangul and Han", () => {
  assert.equal(foldText("Kim Yŏng-ch'ŏl"), "kim yong chol");
  assert.equal(foldText("김영철"), "김영철");
  assert.equal(foldText("KIM, Tong-Myo'ng"), "kim tong myong");
});

test("legal forms in English, Chinese and Korean are split off", () => {
  assert.deepEqual(splitOrgName("DANDONG HONGXIANG INDUSTRIAL DEVELOPMENT CO., LTD."), {
    core: ["dandong", "hongxiang", "industrial", "development"],
    legalForms: ["co", "ltd"],
  });
  assert.deepEqual(splitOrgName("丹东鸿祥实业发展有限公司").legalForms, ["co ltd"]);
  assert.deepEqual(splitOrgName("조선광업개발무역회사").legalForms, ["company"]);
  assert.deepEqual(orgTokenVariants("丹东鸿祥实业发展有限公司").variants[0], [
    "dandong",
    "hongxiang",
    "industrial",
    "development",
  ]);
  assert.deepEqual(orgTokenVariants("조선광업개발무역회사").variants[0], [
    "korea",
    "mining",
    "development",
    "trading",
  ]);
  assert.equal(acronymOf(["korea", "mining", "development", "trading"]), "kmdt");
  assert.equal(acronymOf(["two", "words"]), "");
  // As written too: legal form kept, numbers and brackets left out.
  const oceanReadings = [["ocean", "maritime", "management", "omm"]];
  assert.deepEqual(acronymsOf("OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)", oceanReadings), [
    "ommo",
    "ommcl",
  ]);
  assert.deepEqual(acronymsOf("HWANG GUM SAN 2", [["hwang", "gum", "san", "2"]]), ["hgs2", "hgs"]);
});

test("token similarity: exact, small typo budget, nothing for short tokens", () => {
  assert.equal(tokenSimilarity("hongxiang", "hongxiang"), 1);
  assert.ok(tokenSimilarity("institute", "insmitute") > 0.85);
  assert.equal(tokenSimilarity("li", "lu"), 0);
  assert.ok(Math.abs(tokenSimilarity("ivan", "evan") - 0.6) < 1e-9);
  assert.equal(tokenSimilarity("luisa", "luis"), 0.8);
  assert.equal(tokenSimilarity("mansudae", "mangyongdae"), 0);
  // Order-free, glued neighbours allowed, extra list tokens cost half.
  assert.equal(alignNames(["chon", "ma", "san"], ["chonmasan"]).score, 1);
  assert.ok(
    alignNames(["hector", "manuel"], ["beltran", "sanchez", "hector", "manuel"]).score <
      SCREEN_THRESHOLD,
  );
  assert.ok(tokenJaroWinkler(["kim", "jong", "un"], ["kim", "jong", "nam"]) > 0.85);
});

test("birth dates and nationalities", () => {
  assert.equal(compareBirthDates("1962-02-18", ["1962-02-18"])?.agreed, true);
  assert.ok(compareBirthDates("1962-02-19", ["1962-02-18"])!.effect < 0);
  assert.ok(compareBirthDates("1980", ["1962-02-18"])!.effect < 0);
  assert.equal(compareBirthDates("1961", ["1960/1962"])?.agreed, true);
  assert.equal(compareBirthDates("not a date", ["1962"]), undefined);
  assert.equal(countryCode("Korea, North"), "PRK");
  assert.equal(countryCode("Democratic People's Republic of Korea"), "PRK");
  assert.equal(countryCode("kp"), "PRK");
  assert.equal(countryCode("朝鲜"), "PRK");
  assert.equal(compareNationality("KP", ["PRK"])?.agreed, true);
  assert.equal(compareNationality("China", ["PRK"])?.agreed, false);
});

const entity = (over: Partial<ListEntity>): ListEntity => ({
  list: "T",
  reference: "1",
  kind: "person",
  names: [],
  birthDates: [],
  nationalities: [],
  identifiers: [],
  addresses: [],
  programmes: [],
  listedOn: null,
  remarks: null,
  ...over,
});

test("DPRK-related by programme, nationality, address or remarks — not by programme tag alone", () => {
  assert.ok(isDprkRelated(entity({ programmes: ["DPRK3"] })));
  assert.ok(isDprkRelated(entity({ programmes: ["NPWMD"], nationalities: ["PRK"] })));
  assert.ok(
    isDprkRelated(
      entity({ programmes: ["NPWMD"], remarks: "Linked To: KOREA RYONBONG; Pyongyang" }),
    ),
  );
  assert.ok(isDprkRelated(entity({ reference: "KPe.001" })));
  assert.equal(isDprkRelated(entity({ programmes: ["SDGT"], nationalities: ["KOR"] })), false);
});

test("Korean homonyms with one syllable apart: ranked, under the threshold, over it with the birth date", () => {
  const index = ScreeningIndex.build([
    entity({
      reference: "A",
      names: [{ name: "KIM KYONG IL", type: "primary", quality: null }],
      birthDates: ["1979-11-01"],
    }),
    entity({ reference: "B", names: [{ name: "PAK IL KYU", type: "primary", quality: null }] }),
  ]);
  const [m] = index.screen({ name: "KIM KYONG MIN" });
  assert.equal(m?.reference, "A");
  assert.ok(m!.score < SCREEN_THRESHOLD);
  const [d] = index.screen({ name: "KIM KYONG MIN", birthDate: "1979-11-01" });
  assert.ok(d!.score > m!.score);
  assert.equal(d!.explanation.features[0]?.feature, "birth_date");
});

test("explain: every name of a named entry with its score, even far below the threshold", () => {
  const index = ScreeningIndex.build([
    entity({
      reference: "KPi.024",
      names: [
        { name: "KIM YONG CHOL", type: "primary", quality: null },
        { name: "Kim Young-Cheol", type: "aka", quality: "Good" },
        { name: "KIM YONG-CHOL", type: "weak", quality: "Low" },
      ],
      birthDates: ["1946"],
    }),
    entity({
      reference: "KPi.099",
      names: [{ name: "RI SONG HYOK", type: "primary", quality: null }],
    }),
  ]);
  const [e] = index.explain({ name: "KIM YONG MIN", birthDate: "1970-01-01" }, "KPi.024");
  assert.equal(e?.best.reference, "KPi.024");
  assert.equal(e!.names.length, 3);
  // A different last syllable keeps the name below the threshold; the birth year lowers it more.
  assert.ok(e!.best.explanation.nameScore < SCREEN_THRESHOLD);
  assert.ok(e!.best.score < e!.best.explanation.nameScore);
  assert.equal(e!.best.explanation.method, "korean-name");
  assert.ok(e!.best.explanation.nameForms.some((f) => /≠/.test(f)));
  assert.equal(e!.best.explanation.features[0]?.agreed, false);
  assert.deepEqual(index.explain({ name: "KIM YONG MIN" }, "NOPE"), []);
});

test("typos on short romanized syllables rank the listed name first: dropped vowels and letters, swapped letters", () => {
  const names = [
    "KIM KYONG IL",
    "KIM KWANG-IL",
    "KIM MYONG CHOL",
    "KIM YONG CHOL",
    "KIM SONG CHOL",
    "RI SONG CHOL",
    "CHO IL U",
    "JO YONG CHOL",
  ];
  const index = ScreeningIndex.build(
    names.map((n) =>
      entity({ reference: n, names: [{ name: n, type: "primary", quality: null }] }),
    ),
  );
  for (const [query, listed] of [
    ["KIM, Kyng Il", "KIM KYONG IL"],
    ["KIM, Myng Chol", "KIM MYONG CHOL"],
    ["KMI, Song Chol", "KIM SONG CHOL"],
    ["Jo I U", "CHO IL U"],
  ] as const) {
    const [m] = index.screen({ name: query, type: "person" }, { minScore: 0 });
    assert.equal(m?.reference, listed, `${query} → ${m?.reference} ${m?.score}`);
  }
  // Vowel-less tokens read from an abjad are no Korean syllables: عبد الله still meets Abdullah.
  const arabic = ScreeningIndex.build([
    entity({ reference: "A", names: [{ name: "Abdullah", type: "primary", quality: null }] }),
  ]);
  const [a] = arabic.screen({ name: "عبد الله", type: "person" });
  assert.ok(a && a.score >= SCREEN_THRESHOLD, `عبد الله → ${a?.score}`);
  // x and ks are one sound written two ways: Александр (Aleksandr) is Alexander.
  assert.ok(tokenSimilarity("aleksandr", "alexander") > 0.85);
});

test("written-out legal forms, dotted abbreviations and numbers in words compare as their short forms", () => {
  assert.deepEqual(splitOrgName("Siemens Aktiengesellschaft").core, ["siemens"]);
  assert.deepEqual(splitOrgName("Volkswagen Bank G.m.b.H.").core, ["volkswagen", "bank"]);
  assert.deepEqual(splitOrgName("TACTICAL MISSILES CORPORATION JOINT STOCK COMPANY").core, [
    "tactical",
    "missiles",
  ]);
  assert.deepEqual(splitOrgName("FABERLIC EUROPE Sp. z o.o.").core, ["faberlic", "europe"]);
  assert.deepEqual(splitOrgName("Brigade Forty-Four").core, ["brigade", "44"]);
  assert.deepEqual(splitOrgName("SECOND ACADEMY OF NATURAL SCIENCES").core, [
    "2",
    "academy",
    "of",
    "natural",
    "sciences",
  ]);
  assert.deepEqual(splitOrgName("2nd Academy").core, ["2", "academy"]);
  // Dotted letters keep their order: A.B.C. is not C.B.A.
  assert.notDeepEqual(splitOrgName("A.B.C. Company").core, splitOrgName("C.B.A. Company").core);
});

test("trade-paper abbreviations, kin words and words glued to the name compare as written out", () => {
  const core = (n: string) => splitOrgName(n).core;
  assert.deepEqual(
    core("KOREA MINING DEVT TRADING CORPN"),
    core("KOREA MINING DEVELOPMENT TRADING CORPORATION"),
  );
  assert.deepEqual(core("MIRIM MARINE CO LTD"), core("MIRIM SHIPPING CO LTD"));
  assert.deepEqual(core("DAEWONINDUSTRIES"), core("DAEWON INDUSTRIES"));
  assert.deepEqual(core("XIANGHETRADE CO LTD"), core("XIANGHE TRADE CO., LTD."));
  assert.deepEqual(core("THIRDFLOOR"), ["3", "floor"]);
  assert.deepEqual(core("SINSMSPTE LTD"), ["sinsms"]);
  // Short words are left whole: a trade word needs four letters of name before it.
  assert.deepEqual(core("EUROTRADE"), ["euro", "trading"]);
  assert.deepEqual(core("BIGTRADE"), ["bigtrade"]);
});

test("digits in a person's name read as the letters they resemble", () => {
  const index = ScreeningIndex.build([
    entity({
      reference: "1",
      names: [{ name: "SECHIN, Igor Ivanovich", type: "primary", quality: null }],
    }),
  ]);
  const m = index.screen({ name: "Ig0r Ivan0vich Sech1n", type: "person" })[0];
  assert.ok(m && m.score >= SCREEN_THRESHOLD, `${m?.score}`);
});

test("person names: initials, patronymics, a doubled word, the same words in any order", () => {
  const index = ScreeningIndex.build(
    [
      "Ali Khamenei",
      "PUTIN, Vladimir Vladimirovich",
      "LAVROV, Sergey Viktorovich",
      "Sergey Shoigu",
      "John Doe",
      "Nursultan Nazarbayev",
    ].map((n) => entity({ reference: n, names: [{ name: n, type: "primary", quality: null }] })),
  );
  const top = (name: string) => index.screen({ name, type: "person" }, { minScore: 0 })[0];
  for (const [query, listed] of [
    ["A. Khamenei", "Ali Khamenei"],
    ["Vladimir Putin", "PUTIN, Vladimir Vladimirovich"],
    ["Sergey Sergey Shoigu", "Sergey Shoigu"],
    ["John Doe", "John Doe"],
  ] as const) {
    const m = top(query);
    assert.equal(m?.reference, listed, query);
    assert.ok(m!.score >= SCREEN_THRESHOLD, `${query} → ${m!.score}`);
  }
  assert.equal(top("Doe John")?.score, 1);
  // Another father's name is another person; initials alone name nobody.
  assert.ok((top("Sergey Ivanovich Lavrov")?.score ?? 0) < SCREEN_THRESHOLD);
  assert.ok((top("N. N.")?.score ?? 0) < SCREEN_THRESHOLD);
});

test("legal forms of other languages written in Latin letters are set aside", () => {
  assert.deepEqual(splitOrgName("HESONG TRADING YOUXIAN ZEREN GONGSI").core, ["hesong", "trading"]);
  assert.deepEqual(splitOrgName("KORYO BANK CHUSIK HOESA").core, ["koryo", "bank"]);
  assert.deepEqual(splitOrgName('TOO "DEFENSE ENGINEERING"').core, ["defense", "engineering"]);
  assert.deepEqual(splitOrgName("DEFENSE ENGINEERINGTOO").core, ["defense", "engineering"]);
});

test("a name with initials ranks the listed person first but is no match on its own", () => {
  const index = ScreeningIndex.build([
    ...[
      "KIM KWANG-IL",
      "KIM, Song Chol",
      "CHANG, Chang-ha",
      "CHANG MYONG HO",
      "PUTIN, Vladimir Vladimirovich",
    ].map((name, i) =>
      entity({ reference: String(i + 1), names: [{ name, type: "primary", quality: null }] }),
    ),
  ]);
  const top = (name: string) => index.screen({ name, type: "person" }, { minScore: 0 })[0];
  const kim = top("KIM, K. I.")!;
  assert.equal(kim.reference, "1");
  assert.equal(kim.explanation.method, "initials");
  assert.ok(kim.score < SCREEN_THRESHOLD);
  assert.equal(top("CHANG, M. H.")!.reference, "4");
  // An initial does not pair with a family name: SONG, H. K. is not KIM, Song Chol.
  assert.ok((top("SONG, H. K.")?.score ?? 0) < SCREEN_THRESHOLD);
  // Every initial and the family name agree letter for letter: the name may still match.
  assert.ok(top("V. Putin")!.score >= SCREEN_THRESHOLD);
});

const org = (reference: string, name: string): ListEntity =>
  entity({ reference, kind: "organization", names: [{ name, type: "primary", quality: null }] });

/** The best match of an organisation query against bodies listed as references 1, 2, 3… */
const topOrgOf = (...names: string[]) => {
  const index = ScreeningIndex.build(names.map((n, i) => org(String(i + 1), n)));
  return (name: string) => index.screen({ name, type: "org" }, { limit: 1, minScore: 0 })[0];
};

test("a translated name finds the listed English name, and another body stays below a match", () => {
  const top = topOrgOf("TANCHON COMMERCIAL BANK", "KOREA MIRAE SHIPPING CO. LTD.", "OFFICE 39");
  assert.equal(top("Banque commerciale de Tanchon")?.reference, "1");
  assert.ok(top("Banque commerciale de Tanchon")!.score >= 0.85);
  assert.equal(top("Compañía naviera de Mirae de Corea")?.reference, "2");
  assert.equal(top("Amt 39")?.reference, "3");
  assert.ok((top("Banque commerciale de Corée")?.score ?? 0) < 0.85);
  // Acronyms are of the words as written: the English reading of a Spanish name makes none.
  const acronyms = ScreeningIndex.build([
    org("1", "CONTINENTE MOVIL Y SERVICIOS S.R.L."),
    org("2", "CHON MYONG SHIPPING COMPANY LIMITED"),
  ]);
  assert.deepEqual(
    acronyms.screen({ name: "CMS", type: "org" }, { minScore: 0.5 }).map((m) => m.reference),
    ["2"],
  );
});

test("a name cut at a payment line's length reads its last word as the start of a list word", () => {
  const top = topOrgOf(
    "MINISTRY OF PEOPLE'S SECURITY",
    "MINISTRY OF PEOPLE'S SECURITY CORRECTIONAL BUREAU",
    // A legal form spelt in a way no table knows stays among the name's words.
    "OBSHCESTVO S OGRANICHENNOI OTVETSTSVENNOSTYU KARST",
  );
  const cut = "MINISTRY OF PEOPLE'S SECURITY CORRE";
  assert.equal(cut.length, 35);
  assert.equal(top(cut)?.reference, "2");
  // One letter short of a line: no cut, the word is the query's own.
  assert.equal(top(cut.slice(1))?.reference, "1");
  // A last word that a list name has as a word of its own is whole: OFFICE is not OFFICERS.
  const whole = topOrgOf("NAMPO CITY PEOPLE'S SECURITY OFFICE", "NAMPO CITY SECURITY OFFICERS");
  assert.equal("NAMPO CITY PEOPLE'S SECURITY OFFICE".length, 35);
  assert.equal(whole("NAMPO CITY PEOPLE'S SECURITY OFFICE")?.reference, "1");
  // A legal form cut short is not completed: it says nothing of which body.
  const legal = "OBSHCHESTVO S OGRANICHENNOI OTVETST";
  assert.equal(legal.length, 35);
  assert.ok((top(legal)?.score ?? 0) < 0.85);
});

test("a legal form cut short at the end of a name is set aside like the whole one", () => {
  assert.deepEqual(splitOrgName("TACTICAL MISSILES CORPORATION JOINT STOCK COMPAN").core, [
    "tactical",
    "missiles",
  ]);
  assert.deepEqual(splitOrgName("DAESONG LIMI").core, ["daesong"]);
  // Three letters, or a word no legal form begins with, stay the name's own.
  assert.deepEqual(splitOrgName("BANK OF KORE").core, ["bank", "of", "kore"]);
  assert.deepEqual(splitOrgName("DAESONG LIM").core, ["daesong", "lim"]);
});

test("a name read through Japanese finds a list name whose family name the reading ranks third", () => {
  // チェ is 채, 제 or 최 by its letters alone: each gives the name keys of its own.
  const index = ScreeningIndex.build([
    entity({ reference: "A", names: [{ name: "CHOE SONG IL", type: "primary", quality: null }] }),
    entity({ reference: "B", names: [{ name: "CHAE SONG MIN", type: "primary", quality: null }] }),
  ]);
  const [m] = index.screen({ name: "チェ・ソンイル" });
  assert.equal(m?.reference, "A");
  assert.ok(m!.score >= SCREEN_THRESHOLD);
});

test("a weak alias of a body matches a name that is that alias, not a longer name beginning with it", () => {
  const entity = (
    reference: string,
    kind: ListEntity["kind"],
    names: [string, "primary" | "weak"][],
  ): ListEntity => ({
    list: "T",
    reference,
    kind,
    names: names.map(([name, type]) => ({ name, type, quality: null })),
    birthDates: [],
    nationalities: [],
    identifiers: [],
    addresses: [],
    programmes: [],
    listedOn: null,
    remarks: null,
  });
  const index = ScreeningIndex.build([
    entity("1", "organization", [
      ["MUJAHIDIN SHURA COUNCIL", "primary"],
      ["MSC", "weak"],
    ]),
    entity("2", "organization", [
      ["GENERAL BUREAU OF ATOMIC ENERGY", "primary"],
      ["GBAE", "weak"],
    ]),
  ]);
  const top = (name: string) => index.screen({ name, type: "org" }, { limit: 1, minScore: 0.5 })[0];
  assert.equal(top("MSC")?.reference, "1");
  assert.ok((top("MSC")?.score ?? 0) >= SCREEN_THRESHOLD);
  // A vessel line that starts with the alias is another name.
  for (const line of [
    "MSC FLAMINIA MNG 2009BLT 11,937DWT OPEN LONGKOU",
    "MSC IRINA",
    "GBAE TRADING LTD",
  ])
    assert.ok((top(line)?.score ?? 0) < SCREEN_THRESHOLD, line);
  // A place after the alias is where the body is.
  assert.ok((top("GBAE, PYONGYANG")?.score ?? 0) >= SCREEN_THRESHOLD);
});

test("a person name in Hebrew letters compares by its vowel letters too; one in Arabic letters by its skeleton", () => {
  const person = (reference: string, name: string): ListEntity => ({
    list: "T",
    reference,
    kind: "person",
    names: [{ name, type: "primary", quality: null }],
    birthDates: [],
    nationalities: [],
    identifiers: [],
    addresses: [],
    programmes: [],
    listedOn: null,
    remarks: null,
  });
  const index = ScreeningIndex.build([
    person("1", "KOLCHANOV, Vasily"),
    person("2", "MAHMOUD, Khaled"),
    person("3", "ORLOV, Vasiliy Aleksandrovich"),
  ]);
  const top = (name: string) =>
    index.screen({ name, type: "person" }, { limit: 1, minScore: 0.5 })[0];
  // Hebrew press spelling of a Russian name: every vowel written (kolchanv).
  assert.equal(top("קולצ'אנוב ואסילי")?.reference, "1");
  // Arabic without short vowels: the skeleton (khld mhmwd).
  assert.equal(top("خالد محمود")?.reference, "2");
});
