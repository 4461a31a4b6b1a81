import assert from "node:assert/strict";
import { test } from "node:test";
import { SCREEN_THRESHOLD, ScreeningIndex, tokenize, tokenSimilarity } from "./index.js";
import { countriesNamed, namesStateBodyOnly } from "./org-country.js";
import type { ListEntity } from "./types.js";

const named = (s: string) => [...countriesNamed(tokenize(s))].sort();

test("countries are read from their names and adjectives in the EU's languages", () => {
  assert.deepEqual(named("Ministério da Defesa Nacional de Portugal"), ["PRT"]);
  assert.deepEqual(named("Dutch Ministry of Defence"), ["NLD"]);
  assert.deepEqual(named("Narodowy Bank Polski"), ["POL"]);
  assert.deepEqual(named("Ministry of National Defence of Italy"), ["ITA"]);
  assert.deepEqual(named("DPRK Ministry of National Defence"), ["PRK"]);
  assert.deepEqual(named("Ministerio de Defensa de Corea del Norte"), ["PRK"]);
  assert.deepEqual(named("Ministry of National Defence"), []);
  assert.ok(namesStateBodyOnly(tokenize("MINISTRY OF NATIONAL DEFENCE")));
  assert.ok(namesStateBodyOnly(tokenize("CENTRAL BANK OF IRAN")));
  assert.ok(!namesStateBodyOnly(tokenize("TANCHON COMMERCIAL BANK")));
});

const body = (reference: string, name: string, dprk: boolean): ListEntity => ({
  list: "T",
  reference,
  kind: "organization",
  names: [{ name, type: "primary", quality: null }],
  birthDates: [],
  nationalities: [],
  identifiers: [],
  addresses: [],
  programmes: dprk ? ["DPRK"] : [],
  listedOn: null,
  remarks: null,
});

test("a kind of state body is no match for another state's body of that name", () => {
  const index = ScreeningIndex.build([
    body("1", "MINISTRY OF NATIONAL DEFENCE", true),
    body("2", "NATIONAL BANK OF IRAN", false),
  ]);
  const score = (name: string) =>
    index.screen({ name, type: "org" }, { limit: 1, minScore: 0 })[0]?.score ?? 0;
  // Another country named, in English or its own language, or another language and no country.
  assert.ok(score("Ministry of National Defence of Poland") < SCREEN_THRESHOLD);
  assert.ok(score("Portuguese Ministry of National Defence") < SCREEN_THRESHOLD);
  assert.ok(score("Ministério da Defesa Nacional") < SCREEN_THRESHOLD);
  assert.ok(score("Ministerio de Defensa Nacional") < SCREEN_THRESHOLD);
  assert.ok(score("Narodowy Bank Polski") < SCREEN_THRESHOLD);
  // The listed body's own country, or the lists' English: the name decides.
  assert.ok(score("Ministry of National Defence") >= SCREEN_THRESHOLD);
  assert.ok(score("North Korea's Ministry of National Defence") >= SCREEN_THRESHOLD);
  assert.ok(score("National Bank of Iran") >= SCREEN_THRESHOLD);
});

test("two banks' short names glued to bank are two banks", () => {
  assert.equal(tokenSimilarity("mbank", "mbbank"), 0);
  assert.equal(tokenSimilarity("mbbank", "mbbank"), 1);
  assert.ok(tokenSimilarity("sberbank", "sberbnak") > 0);
});
