import assert from "node:assert/strict";
import { test } from "node:test";
import { glossaryReadings } from "./org-glossary.js";
import { orgTokenVariants } from "./org-tokens.js";

test("a name written head first in a Romance language is read in English order", () => {
  assert.deepEqual(glossaryReadings("Banque commerciale de Tanchon"), [
    ["tanchon", "trading", "bank"],
    ["tanchon", "commercial", "bank"],
  ]);
  assert.deepEqual(glossaryReadings("Compañía naviera de Mirae de Corea"), [
    ["korea", "mirae", "shipping", "company"],
  ]);
  // Elided articles (d'Amnokkang) leave the name's own word whole.
  assert.deepEqual(glossaryReadings("Banque de développement d'Amnokkang"), [
    ["amnokkang", "development", "bank"],
  ]);
  assert.deepEqual(glossaryReadings("Banca di sviluppo di Amnokkang", 1), [
    ["amnokkang", "development", "bank"],
  ]);
});

test("German, Dutch and Swedish compounds are split into their words", () => {
  assert.deepEqual(glossaryReadings("Tanchon Handelsbank", 1), [["tanchon", "trading", "bank"]]);
  assert.deepEqual(glossaryReadings("Mirae Schifffahrtsgesellschaft"), [
    ["mirae", "shipping", "company"],
  ]);
  assert.deepEqual(glossaryReadings("Amnokkang Ontwikkelingsbank"), [
    ["amnokkang", "development", "bank"],
  ]);
  // No glossary word: no reading (a name of its own is never cut into pieces).
  assert.deepEqual(glossaryReadings("Daesongbanking"), []);
});

test("the other EU languages and scripts read the same words", () => {
  assert.deepEqual(glossaryReadings("Ministerstwo Przemysłu Atomowego", 1), [
    ["industrial", "atomic", "ministry"],
  ]);
  assert.deepEqual(glossaryReadings("Κορεατική Εμπορική Τράπεζα", 1), [
    ["korean", "trading", "bank"],
  ]);
  assert.deepEqual(glossaryReadings("Корейска търговска банка", 1), [
    ["korean", "trading", "bank"],
  ]);
  assert.deepEqual(glossaryReadings("Koreai Kereskedelmi Bank", 1), [
    ["korean", "trading", "bank"],
  ]);
});

test("an English name has no glossary reading, and its English words stay as written", () => {
  assert.deepEqual(glossaryReadings("TANCHON COMMERCIAL BANK"), []);
  assert.deepEqual(glossaryReadings("KOREA NATIONAL INSURANCE CORPORATION"), []);
  // Maritime is read as shipping, like marine (Compagnie maritime = shipping company).
  assert.deepEqual(glossaryReadings("OCEAN MARITIME MANAGEMENT"), [
    ["ocean", "shipping", "management"],
  ]);
  assert.deepEqual(glossaryReadings("Société de KWANGSON BANKING de Corée"), [
    ["korea", "kwangson", "banking", "company"],
  ]);
});

test("the reading is one of the name's token variants, legal forms set aside", () => {
  assert.deepEqual(orgTokenVariants("Compañía naviera de Mirae de Corea").variants.at(-1), [
    "korea",
    "mirae",
    "shipping",
  ]);
  // A list name carries its first senses only.
  assert.equal(orgTokenVariants("Banque commerciale de Tanchon", 1).variants.length, 2);
});
