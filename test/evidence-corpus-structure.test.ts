/**
 * The labelled corpus of real reports (test/fixtures/evidence/corpus/) is well formed, as its
 * README describes: every file parses, its id is its file name, every label's quote is in the
 * text (and not in page furniture), every place id is one the gazetteer knows, and bounds,
 * periods and durations are well formed. No claim suggestion is run here: the scores live in
 * test/evidence-corpus.test.ts and `npm run bench:evidence`.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import {
  CLAIM_KINDS,
  type CorpusText,
  corpusDocument,
  type LabelledClaim,
  locateQuote,
} from "../src/core/evidence/index.js";
import { placeIndex } from "../src/evidence/gazetteer-place-index.js";
import { repoRoot } from "../src/repo-root.js";

const CORPUS = join(repoRoot(), "test", "fixtures", "evidence", "corpus");

const TEXT_FIELDS = new Set([
  "id",
  "lang",
  "split",
  "batch",
  "url",
  "via",
  "published",
  "publisher",
  "title",
  "paragraphs",
  "noise",
  "claims",
]);
const CLAIM_FIELDS = new Set([
  "kind",
  "quote",
  "occurrence",
  "place",
  "min",
  "max",
  "days",
  "org",
  "from",
  "to",
]);

function isIsoDate(s: unknown): boolean {
  if (typeof s !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  return new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
}

const isBound = (v: unknown) =>
  v === null || (typeof v === "number" && Number.isInteger(v) && v >= 0);

function loadFiles(): { file: string; text: CorpusText & Record<string, unknown> }[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => ({ file, text: JSON.parse(readFileSync(join(CORPUS, file), "utf8")) }));
}

/** Code-point span of each paragraph in the document corpusDocument builds. */
function paragraphSpans(t: CorpusText): [number, number][] {
  let at = 0;
  return t.paragraphs.map((p) => {
    const span: [number, number] = [at, at + [...p].length];
    at = span[1] + 2;
    return span;
  });
}

function checkClaim(t: CorpusText, c: LabelledClaim, where: string): void {
  const places = placeIndex().places;
  for (const key of Object.keys(c))
    assert.ok(CLAIM_FIELDS.has(key), `${where}: unknown field ${key}`);
  assert.ok((CLAIM_KINDS as readonly string[]).includes(c.kind), `${where}: kind ${c.kind}`);
  assert.ok(typeof c.quote === "string" && c.quote.trim() !== "", `${where}: empty quote`);
  const doc = corpusDocument(t);
  const [start, end] = locateQuote(doc, c);
  if (c.occurrence === undefined)
    assert.equal(
      doc.indexOf(c.quote, doc.indexOf(c.quote) + 1),
      -1,
      `${where}: quote occurs twice, give occurrence`,
    );
  const spans = paragraphSpans(t);
  for (const i of t.noise ?? []) {
    const [a, b] = spans[i]!;
    assert.ok(end <= a || start >= b, `${where}: quote lies in furniture paragraph ${i}`);
  }
  if (c.place !== undefined && c.place !== null) {
    for (const id of Array.isArray(c.place) ? c.place : [c.place]) {
      const place = places.get(id);
      assert.ok(place, `${where}: unknown place id ${id}`);
      assert.notEqual(
        place.kind,
        "country",
        `${where}: a claim is never placed in a country (${id})`,
      );
    }
  }
  if (c.kind === "worker_count") {
    assert.ok("min" in c && "max" in c, `${where}: a count needs min and max`);
    assert.ok(isBound(c.min) && isBound(c.max), `${where}: bounds ${c.min}, ${c.max}`);
    assert.ok(c.min !== null || c.max !== null, `${where}: both bounds open`);
    if (c.min != null && c.max != null) assert.ok(c.min <= c.max, `${where}: min > max`);
  } else {
    assert.ok(!("min" in c) && !("max" in c), `${where}: bounds on a ${c.kind}`);
  }
  if (c.kind === "employer")
    assert.ok(c.org && c.org.trim() !== "", `${where}: employer needs org`);
  if (c.days !== undefined)
    assert.ok(Number.isInteger(c.days) && c.days > 0, `${where}: days ${c.days}`);
  for (const d of [c.from, c.to])
    if (d !== undefined) assert.ok(isIsoDate(d), `${where}: date ${d}`);
  if (c.from !== undefined && c.to !== undefined) assert.ok(c.from <= c.to, `${where}: from > to`);
}

describe("evidence: the labelled corpus is well formed", () => {
  const files = loadFiles();

  it("each file is one text, named by its unique id, with the documented fields", () => {
    assert.ok(files.length > 0);
    const ids = new Set<string>();
    for (const { file, text: t } of files) {
      for (const key of Object.keys(t))
        assert.ok(TEXT_FIELDS.has(key), `${file}: unknown field ${key}`);
      assert.equal(`${t.id}.json`, file);
      assert.ok(!ids.has(t.id), `${t.id}: duplicate id`);
      ids.add(t.id);
      assert.ok(["en", "zh", "ko"].includes(t.lang), `${t.id}: lang ${t.lang}`);
      assert.ok(t.id.startsWith(`${t.lang}-`), `${t.id}: id does not start with its language`);
      assert.ok(["tune", "heldout"].includes(t.split), `${t.id}: split ${t.split}`);
      if (t.batch !== undefined) {
        assert.ok(
          [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14].includes(t.batch),
          `${t.id}: batch ${t.batch}`,
        );
        assert.equal(t.split, "heldout", `${t.id}: a later batch is held out whole`);
      }
      assert.match(String(t.url), /^https?:\/\/\S+$/, `${t.id}: url`);
      if (t.via !== undefined) assert.match(String(t.via), /^https?:\/\/\S+$/, `${t.id}: via`);
      assert.ok(
        t.published === null || /^\d{4}-\d{2}(-\d{2})?$/.test(t.published),
        `${t.id}: published ${t.published}`,
      );
      assert.ok(typeof t.publisher === "string" && t.publisher !== "", `${t.id}: publisher`);
      assert.ok(t.paragraphs.length > 0, `${t.id}: no paragraphs`);
      for (const p of t.paragraphs)
        assert.ok(typeof p === "string" && p.trim() !== "", `${t.id}: empty paragraph`);
      const noise = t.noise ?? [];
      assert.equal(new Set(noise).size, noise.length, `${t.id}: noise listed twice`);
      for (const i of noise)
        assert.ok(Number.isInteger(i) && i >= 0 && i < t.paragraphs.length, `${t.id}: noise ${i}`);
    }
  });

  it("every label quotes the text outside its furniture, with known places and sound bounds and dates", () => {
    for (const { text: t } of files)
      for (const [i, c] of t.claims.entries())
        checkClaim(t, c, `${t.id} claim ${i + 1} "${c.quote}"`);
  });

  it("no URL is used twice", () => {
    const seen = new Map<string, string>();
    for (const { text: t } of files) {
      const other = seen.get(String(t.url));
      assert.equal(other, undefined, `${t.id} and ${other} share ${t.url}`);
      seen.set(String(t.url), t.id);
    }
  });
});
