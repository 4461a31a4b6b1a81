import assert from "node:assert/strict";
import { test } from "node:test";
import { isCommonWord, isDictionaryWord } from "./common-words.js";
import { SCREEN_THRESHOLD, ScreeningIndex } from "./index.js";
import type { EntityKind, ListEntity, NameType } from "./types.js";

test("common words: dictionary words, places and countries; not Korean syllables or acronyms", () => {
  for (const w of ["pride", "diamond", "pacific", "bank", "shipping", "rainbow", "symphony"])
    assert.ok(isCommonWord(w), w);
  for (const w of ["georgia", "india", "iran", "pyongyang", "dandong"])
    assert.ok(isCommonWord(w), w);
  // English words that are also one Korean syllable are syllables of names as often.
  for (const w of ["song", "son", "sun", "man", "sin", "chin"]) assert.ok(!isDictionaryWord(w), w);
  for (const w of ["vtb", "ips", "la", "ii", "sakhalin", "kwangson", "daesong"])
    assert.ok(!isCommonWord(w), w);
});

/** A list entry with these names and nothing else. */
function entity(reference: string, kind: EntityKind, ...names: [string, NameType][]): ListEntity {
  const none = { birthDates: [], nationalities: [], identifiers: [], addresses: [] };
  return {
    ...none,
    list: "T",
    reference,
    kind,
    names: names.map(([name, type]) => ({ name, type, quality: null })),
    programmes: [],
    listedOn: null,
    remarks: null,
  };
}

const index = ScreeningIndex.build([
  entity("1", "vessel", ["LA PRIDE", "primary"]),
  entity("2", "organization", ["VTB BANK GEORGIA JOINT STOCK COMPANY", "primary"]),
  entity("3", "vessel", ["SNOW", "primary"], ["RAINBOW", "fka"]),
  entity("4", "vessel", ["DIAMOND II", "primary"]),
  entity("5", "organization", ["IRAN AND INDIA SHIPPING COMPANY", "primary"]),
  entity("6", "vessel", ["SAKHALIN 8", "primary"]),
  entity("7", "organization", ["IPS PACIFIC COMPANY LIMITED", "primary"]),
  entity("8", "vessel", ["PATRIOT", "primary"]),
]);
const top = (name: string) => index.screen({ name, type: "org" }, { limit: 1, minScore: 0 })[0];
const score = (name: string) => top(name)?.score ?? 0;

test("one common word shared is no match when the list name has a word the query lacks", () => {
  for (const q of [
    "PRIDE OF HULL",
    "PRIDE OF AMERICA | 9752239 | Italy | Bulk carrier | 17.03.2022 | Busan | PRS",
    "Bank of Georgia",
    "Shipping Corporation of India",
    "PACIFIC DAWN | 9106131 | Liberia | Oil tanker | 12.01.2017 | Vostochny | PRS",
    "DIAMOND PRINCESS | 9516663 | Italy | Container | 01.06.2013 | Dalian | KRS",
  ]) {
    assert.ok(score(q) < SCREEN_THRESHOLD, `${q}: ${score(q)}`);
    // Still ranked for an analyst.
    assert.ok(score(q) > 0.5, `${q}: ${score(q)}`);
  }
  // The list names themselves, and the distinctive word with the common one, still match.
  for (const q of ["LA PRIDE", "VTB Bank Georgia JSC", "DIAMOND II", "IPS Pacific Co Ltd"])
    assert.ok(score(q) >= SCREEN_THRESHOLD, `${q}: ${score(q)}`);
});

test("a name of one common word is evidence only as the query's whole name", () => {
  // The former name RAINBOW of the vessel SNOW: an alias of one common word counts as weak.
  const rainbow = top("RAINBOW");
  assert.equal(rainbow?.reference, "3");
  assert.ok(rainbow!.score >= SCREEN_THRESHOLD && rainbow!.score < 1, `${rainbow?.score}`);
  const warrior = "RAINBOW WARRIOR | 9815337 | Italy | Passenger ship | 14.11.2018 | Busan | CCS";
  assert.ok(score(warrior) < SCREEN_THRESHOLD, `${score(warrior)}`);
  assert.ok(score("PATRIOT") >= SCREEN_THRESHOLD);
  assert.ok(score("PATRIOT, Nampo") >= SCREEN_THRESHOLD);
  assert.ok(score("MV PATRIOT") >= SCREEN_THRESHOLD);
  assert.ok(score("PATRIOT GAMES") < SCREEN_THRESHOLD);
});

test("a reading guessed from a longer name does not stand for a list name with more words", () => {
  const q = "Sakhalin Zarya Road Works JSC";
  assert.ok(score(q) < SCREEN_THRESHOLD, `${score(q)}`);
  assert.ok(score("SAKHALIN 8") >= SCREEN_THRESHOLD);
});

test("a person name with a part in place of one of the list name's is another person", () => {
  const persons = ScreeningIndex.build([
    entity("p1", "person", ["MOHAMMED QASIM MIR WALI KHUDAI RAHIM", "primary"]),
    entity("p2", "person", ["William W Frost", "primary"]),
    entity("p3", "person", ["ABDUL JALIL HAQQANI WALI MOHAMMAD", "primary"]),
  ]);
  const person = (name: string) =>
    persons.screen({ name, type: "person" }, { limit: 1, minScore: 0 })[0]?.score ?? 0;
  for (const q of [
    "MOHAMMED QASIM MIR ABDUL KHUDAI RAHIM",
    "Frost, William G.",
    "ABDUL JALIL HAQQANI MIR MOHAMMAD",
  ]) {
    assert.ok(person(q) < SCREEN_THRESHOLD, `${q}: ${person(q)}`);
    assert.ok(person(q) > 0.5, `${q}: ${person(q)}`);
  }
  // A part left out, or a particle written otherwise, is no other person.
  for (const q of [
    "MOHAMMED QASIM MIR WALI RAHIM",
    "William Frost",
    "ABDUL JALIL HAQQANI AL WALI MOHAMMAD",
  ])
    assert.ok(person(q) >= SCREEN_THRESHOLD, `${q}: ${person(q)}`);
});

test("a Chinese name in Wade–Giles meets a listed name by its Wade–Giles reading, not a Korean one", () => {
  const persons = ScreeningIndex.build([
    entity("c1", "person", ["WANG, Shucheng", "primary"]),
    entity("c2", "person", ["HUANG, Wan-Ken", "primary"]),
    entity("c3", "person", ["XI Jinping", "primary"]),
    entity("c4", "person", ["RUKAN RAZUKI ABD-AL-GHAFUR SULAIMAN AL-TIKRITI", "primary"]),
  ]);
  const person = (name: string) =>
    persons.screen({ name, type: "person" }, { limit: 1, minScore: 0 })[0]?.score ?? 0;
  for (const q of ["Wang Shu-jung", "Huang Hung-an"])
    assert.ok(person(q) < SCREEN_THRESHOLD, `${q}: ${person(q)}`);
  for (const q of ["Hsi Chin-ping", "Wang Shucheng", "Huang Wan Ken"])
    assert.ok(person(q) >= SCREEN_THRESHOLD, `${q}: ${person(q)}`);
  // A letter moved across a space is a typo, not another part of the name.
  const moved = "RUKAN RAZUK IABD-AL-GHAFUR SULAIMAN AL-TIKRITI";
  assert.ok(person(moved) >= SCREEN_THRESHOLD, `${person(moved)}`);
});
