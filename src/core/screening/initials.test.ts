import assert from "node:assert/strict";
import { test } from "node:test";
import { SCREEN_THRESHOLD } from "./index.js";
import { initialsForm, nameSplits, scoreInitials } from "./initials.js";

test("FAMILY, G. G. and its other orders are read as a family name and initials", () => {
  assert.deepEqual(initialsForm("KIM, K. I."), { family: ["kim"], initials: ["k", "i"] });
  assert.deepEqual(initialsForm("O, C. O."), { family: ["o"], initials: ["c", "o"] });
  assert.deepEqual(initialsForm("V. Putin"), { family: ["putin"], initials: ["v"] });
  assert.deepEqual(initialsForm("Kim K I"), { family: ["kim"], initials: ["k", "i"] });
  // A single letter without a dot is a whole Korean syllable, not an initial.
  assert.equal(initialsForm("CHO IL U"), undefined);
  assert.equal(initialsForm("KIM, U"), undefined);
  assert.equal(initialsForm("KIM JONG UN"), undefined);
});

test("initials line up with the given names in order, across romanizations", () => {
  const q = initialsForm("HYON, G. I.")!;
  const [split] = nameSplits("HYON, Kwang Il");
  assert.ok(scoreInitials(q, split!) > 0.7 && scoreInitials(q, split!) < SCREEN_THRESHOLD);
  assert.equal(scoreInitials(initialsForm("HYON, K. I.")!, split!), 0.8);
  assert.equal(scoreInitials(initialsForm("HYON, I. K.")!, split!), 0, "order matters");
  assert.equal(scoreInitials(initialsForm("PAK, K. I.")!, split!), 0, "another family name");
  // UN order: family first; JO and CHO are one family name in two romanizations.
  const splits = nameSplits("CHO CHUN RYONG");
  assert.ok(splits.some((s) => scoreInitials(initialsForm("JO, C. R.")!, s) > 0.7));
});
