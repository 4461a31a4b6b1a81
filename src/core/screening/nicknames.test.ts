import assert from "node:assert/strict";
import { test } from "node:test";
import { type ListEntity, SCREEN_THRESHOLD, ScreeningIndex } from "./index.js";
import { nicknameReading, nicknamesOf } from "./nicknames.js";
import { gluedLegalFormStem } from "./text.js";

function entity(reference: string, name: string, kind: ListEntity["kind"]): ListEntity {
  return {
    list: "T",
    reference,
    kind,
    names: [{ name, type: "primary", quality: null }],
    birthDates: [],
    nationalities: [],
    identifiers: [],
    addresses: [],
    programmes: [],
    listedOn: null,
    remarks: null,
  };
}

test("the nickname table relates a given name and its forms both ways, not the forms to each other", () => {
  assert.ok(nicknamesOf("theodore").includes("ted"));
  assert.ok(nicknamesOf("ted").includes("theodore"));
  assert.ok(nicknamesOf("william").includes("bill"));
  // BILL lists WILLIAM and ROBERT: two names of their own.
  assert.ok(!nicknamesOf("william").includes("robert"));
  assert.deepEqual(nicknamesOf("xzqy"), []);
});

test("a nickname reads as the list name's full form only where the list name has it", () => {
  assert.deepEqual(nicknameReading(["ted", "doe"], ["theodore", "doe"]), {
    tokens: ["theodore", "doe"],
    replaced: [["ted", "theodore"]],
  });
  assert.equal(nicknameReading(["ted", "doe"], ["ted", "doe"]), undefined);
  assert.equal(nicknameReading(["ted", "doe"], ["edgar", "doe"]), undefined);
});

test("screening: a nickname with the surname matches, under an exact name; another given name does not", () => {
  const index = ScreeningIndex.build([
    entity("1", "Theodore DOE", "person"),
    entity("2", "Benjamin NETANYAHU", "person"),
  ]);
  const ted = index.screen({ name: "Ted Doe", type: "person" })[0];
  assert.equal(ted?.reference, "1");
  assert.ok(ted.score >= SCREEN_THRESHOLD && ted.score < 1, `${ted.score}`);
  assert.ok((index.screen({ name: "Ben Netanyahu", type: "person" })[0]?.score ?? 0) >= 0.85);
  const other = index.screen({ name: "Edgar Doe", type: "person" })[0];
  assert.ok((other?.score ?? 0) < SCREEN_THRESHOLD, `${other?.score}`);
});

test("a legal form glued to a word is read off against the other name's word", () => {
  assert.equal(gluedLegalFormStem("siemensag", ["siemens"]), "siemens");
  assert.equal(gluedLegalFormStem("siemensag", ["siemen"]), undefined);
  // The rest must be a legal form: SIEMENSGAS is no SIEMENS.
  assert.equal(gluedLegalFormStem("siemensgas", ["siemens"]), undefined);
  const index = ScreeningIndex.build([entity("1", "Siemens AG", "organization")]);
  assert.equal(index.screen({ name: "SiemensAG", type: "org" })[0]?.score, 1);
  // A list name written glued scores so too, once a candidate (its keys are the words as written).
  const glued = ScreeningIndex.build([entity("1", "SiemensAG", "organization")]);
  assert.equal(glued.explain({ name: "Siemens AG", type: "org" }, "1")[0]?.best.score, 1);
});

test("a Chinese list name in pinyin is found by its Wade–Giles spelling, under the pinyin one", () => {
  const index = ScreeningIndex.build([
    entity("1", "XI Jinping", "person"),
    entity("2", "MAO Zedong", "person"),
  ]);
  const hsi = index.screen({ name: "Hsi Chin-p'ing", type: "person" })[0];
  assert.equal(hsi?.reference, "1");
  assert.ok(hsi.score >= SCREEN_THRESHOLD && hsi.score < 1, `${hsi.score}`);
  assert.equal(index.screen({ name: "Mao Tse-tung", type: "person" })[0]?.reference, "2");
  assert.equal(index.screen({ name: "Xi Jinping", type: "person" })[0]?.score, 1);
  // Another syllable is another name.
  const other = index.screen({ name: "Hsi Chin-hua", type: "person" })[0];
  assert.ok((other?.score ?? 0) < SCREEN_THRESHOLD, `${other?.score}`);
});
