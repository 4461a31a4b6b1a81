import assert from "node:assert/strict";
import { test } from "node:test";
import { pinyin } from "pinyin-pro";
import { romanize } from "../names/index.js";
import { orgTokenVariants } from "./org-tokens.js";
import { branchParents, CJK_ORG_WORDS, foldText, ROMANIZED_ORG_WORDS } from "./text.js";

test("each romanized organisation word is a reading of a CJK word with the same meaning", () => {
  const readings = new Map<string, string>();
  for (const [word, english] of Object.entries(CJK_ORG_WORDS)) {
    if (Array.from(word).length < 2) continue;
    const forms = /\p{Script=Hangul}/u.test(word)
      ? (["dprk", "mr", "rr"] as const).map((s) => romanize(word, s, { diacritics: false }))
      : [(pinyin(word, { toneType: "none", type: "array" }) as string[]).join("")];
    for (const f of forms) readings.set(foldText(f).replace(/\s+/g, ""), english);
  }
  for (const [w, english] of Object.entries(ROMANIZED_ORG_WORDS)) {
    assert.ok(readings.has(w), `${w} is no reading of a CJK organisation word`);
    assert.equal(english, readings.get(w), w);
  }
});

test("organisation words written in Korean or pinyin letters are also read as their English", () => {
  assert.deepEqual(orgTokenVariants("CHOSON PUGANG MUYOK HOESA").variants, [
    ["choson", "pugang", "muyok"],
    ["korea", "pugang", "trading"],
  ]);
  assert.deepEqual(orgTokenVariants("TANCHON SANGOP UNHAENG").variants[1]?.at(-1), "bank");
  // One-syllable words are also syllables of names.
  assert.deepEqual(orgTokenVariants("CHONG CHON GANG").variants, [["chong", "chon", "gang"]]);
});

test("a branch or office name gives its parent body", () => {
  const cases: [string, string[]][] = [
    ["KOMID Dandong Representative Office", ["KOMID"]],
    ["NCG, Nampo Branch", ["NCG"]],
    ["Beijing Branch of DCB", ["DCB"]],
    ["Vladivostok Office, MAEI", ["MAEI"]],
    ["PAEKMA SHIPPING CO (Singapore Branch)", ["PAEKMA SHIPPING CO"]],
    ["KKBC - Hong Kong Office", ["KKBC"]],
    ["SAEINGP'IL COMPANY (Representative Office in Nampo)", ["SAEINGP'IL COMPANY"]],
    ["THIRD FLOOR (Trade Mission in Beijing)", ["THIRD FLOOR"]],
    ["SAM JONG 1, Dubai Trade Mission", ["SAM JONG 1"]],
    ["KOTI CORP, Rason Rep. Office", ["KOTI CORP"]],
    [
      "KOREA RYONBONG GENERAL CORPORATION Hong Kong Representative Office",
      ["KOREA RYONBONG GENERAL CORPORATION Hong", "KOREA RYONBONG GENERAL CORPORATION"],
    ],
  ];
  for (const [name, parents] of cases) assert.deepEqual(branchParents(name), parents, name);
  // Names that are an office themselves, or no branch at all.
  for (const name of [
    "N.I.T.C. REPRESENTATIVE OFFICE",
    "OFFICE 39",
    "Korea Trading Bank",
    "PERMANENT MISSION OF THE DPRK",
  ])
    assert.deepEqual(branchParents(name), [], name);
});
