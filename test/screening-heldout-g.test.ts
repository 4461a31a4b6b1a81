/**
 * The held-out family G's generators (bench/screening-heldout-g.ts) on the real UN and OFAC
 * fixtures: the same lists give the same queries and negatives, in the expected numbers, and no
 * negative carries a listed name's words. Scores are not looked at here: bench/eval-screening.ts
 * --held-out-g measures them.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { fixtureLists } from "../bench/fixture-lists.js";
import { heldOutGQueriesFor, realNegativesG } from "../bench/screening-heldout-g.js";
import { isDprkRelated, tokenize } from "../src/core/screening/index.js";

const lists = fixtureLists();
const entities = [...lists.un, ...lists.ofac];
const dprk = entities.filter(isDprkRelated);

test("held-out G: deterministic, 2,415 queries over the DPRK-related entries", () => {
  const a = heldOutGQueriesFor(dprk);
  const b = heldOutGQueriesFor(dprk);
  assert.deepEqual(a, b);
  assert.equal(a.length, 2415);
  const kinds = new Set(a.map((q) => q.variant.replace(/^alias: /, "")));
  assert.equal(kinds.size, 12);
  for (const q of a) assert.notEqual(q.query, q.sourceName);
  assert.notDeepEqual(heldOutGQueriesFor(dprk, 1), a, "another seed gives other queries");
});

test("held-out G negatives: deterministic, 249 names, none with a listed person's words", () => {
  const a = realNegativesG(entities, new Set());
  assert.deepEqual(realNegativesG(entities, new Set()), a);
  assert.equal(a.length, 249);
  // No person negative's words are all inside one listed person name (Valentina Tereshkova is
  // inside TERESHKOVA, Valentina Vladimirovna), nor equal to a one-word listed name.
  const listed = entities
    .filter((e) => e.kind === "person")
    .flatMap((e) => e.names.map((n) => new Set(tokenize(n.name))));
  for (const n of a.filter((x) => x.type === "person")) {
    const words = [...new Set(tokenize(n.name))];
    const inside = listed.find(
      (l) => (words.length >= 2 || l.size === 1) && words.every((w) => l.has(w)),
    );
    assert.equal(inside, undefined, `${n.name} is inside ${[...(inside ?? [])].join(" ")}`);
  }
});
