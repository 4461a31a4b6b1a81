import assert from "node:assert/strict";
import { test } from "node:test";
import { nasabConflict, numbersDiffer } from "./name-numbers.js";
import { tokenize } from "./text.js";

const t = tokenize;

test("another number in an organisation name is another body", () => {
  assert.ok(numbersDiffer(t("KUM SONG 3"), t("KUM SONG 5")));
  assert.ok(numbersDiffer(t("Apollo Investment Fund VIII"), t("Apollo Investment Fund IX")));
  // A number on one side only may be a word left out.
  assert.ok(!numbersDiffer(t("RYE SONG GANG"), t("RYE SONG GANG 1")));
  // Glued or split digits are the same number; a lone I or V is a word.
  assert.ok(!numbersDiffer(t("SOUTH HILL5"), t("SOUTH HILL 5")));
  assert.ok(!numbersDiffer(t("p532"), t("P-532")));
  assert.ok(!numbersDiffer(t("7-28"), t("728")));
  assert.ok(!numbersDiffer(t("Vitamin V Trading"), t("Vitamin Trading")));
  // Digits inside a word are a recognition slip, not a number.
  assert.ok(!numbersDiffer(t("5UNGRIISAN TRADING 2"), t("SUNGRISAN TRADING 2")));
});

test("the same words in another lineage are another person", () => {
  assert.ok(nasabConflict(t("SALMAN BIN MUHAMMAD AL-RAWI"), t("MUHAMMAD BIN SALMAN AL-RAWI")));
  assert.ok(
    nasabConflict(t("NOUREDDINE BEN MOHAMED BEN BELKASSEM"), t("NOUREDDINE BEN ALI BEN BELKASSEM")),
  );
  // A spelling of the same father, or no lineage on one side, is no conflict.
  assert.ok(!nasabConflict(t("OSAMA BIN LADEN"), t("USAMA BIN LADIN")));
  assert.ok(!nasabConflict(t("MUHAMMAD BIN SALMAN"), t("MUHAMMAD SALMAN")));
});
