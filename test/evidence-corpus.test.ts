/**
 * Claim suggestion on real reports (test/fixtures/evidence/corpus/): the labelled corpus's
 * tuning and held-out parts, per language, against the floors reached (docs/evidence.md has
 * the figures and `npm run bench:evidence` prints them); no suggestion ever comes from page
 * furniture; the seed claims about Hunchun are still found; and each general reading rule
 * holds on a sentence written for it (test/fixtures/evidence/rules.json).
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import {
  type ClaimDraft,
  type CorpusText,
  corpusDocument,
  evaluateCorpus,
  suggestClaims,
} from "../src/core/evidence/index.js";
import { placeIndex } from "../src/evidence/gazetteer-place-index.js";
import { repoRoot } from "../src/repo-root.js";

const FIXTURES = join(repoRoot(), "test", "fixtures", "evidence");
const CORPUS = join(FIXTURES, "corpus");

function loadCorpus(): CorpusText[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(CORPUS, f), "utf8")) as CorpusText);
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

describe("evidence: suggestions on real reports", () => {
  const texts = loadCorpus();
  const places = placeIndex();
  const suggest = (text: string, published: string | null) =>
    suggestClaims(text, { places, published });
  // Batches 1 to 6 and 8 to 10 are the tuning data of the rules (docs/evidence.md): their figures
  // are guarded against regressions, a little under what they reach. Batch 7 is the check, looked
  // at only in aggregate, and batch 11 is measured as it came: those are reported, not
  // guarded, so a new batch below the floors never fails the build by itself. Batch 12 is kept
  // unseen for a single measurement (`npm run bench:evidence`), so it is neither scored nor
  // printed here.
  const fitted = texts.filter((t) => (t.batch ?? 1) !== 7 && (t.batch ?? 1) <= 10);
  const guarded = evaluateCorpus(fitted, suggest).scores;
  const reported = evaluateCorpus(
    texts.filter((t) => !fitted.includes(t) && (t.batch ?? 1) <= 11),
    suggest,
  ).scores;

  it("the corpus is as documented: ≥ 30 texts, ≥ 10 English, ≥ 5 Chinese, ≥ 5 Korean, split by rule", () => {
    assert.ok(texts.length >= 30);
    for (const [lang, min] of [
      ["en", 10],
      ["zh", 5],
      ["ko", 5],
    ] as const) {
      const of = texts.filter((t) => t.lang === lang);
      assert.ok(of.length >= min, lang);
      // First batch: every third id, in sorted order, is held out. Later batches: all held out.
      of.filter((t) => t.batch === undefined)
        .map((t) => t.id)
        .sort()
        .forEach((id, i) => {
          const t = texts.find((x) => x.id === id)!;
          assert.equal(t.split, i % 3 === 2 ? "heldout" : "tune", id);
        });
      for (const t of of.filter((x) => x.batch !== undefined))
        assert.equal(t.split, "heldout", t.id);
    }
    for (const t of texts)
      for (const c of t.claims)
        assert.ok(corpusDocument(t).includes(c.quote), `${t.id}: ${c.quote}`);
  });

  it("reaches its floors per language on both parts, and draws nothing from furniture", () => {
    for (const [key, s] of Object.entries(guarded))
      process.stdout.write(
        `# fitted ${key}: labelled ${s.labelled}, suggested ${s.suggested}, right ${s.right}; P ${ratio(s.right, s.suggested).toFixed(2)} R ${ratio(s.right, s.labelled).toFixed(2)}; from furniture ${s.noise}\n`,
      );
    for (const [key, s] of Object.entries(reported))
      process.stdout.write(
        `# reported only (batch 7, the check; batch 11) ${key}: P ${ratio(s.right, s.suggested).toFixed(2)} R ${ratio(s.right, s.labelled).toFixed(2)}; from furniture ${s.noise}\n`,
      );
    // Two captions without a photo credit (an English and a Korean one, in batches 8 and 6)
    // and two headlines of other articles set as links in a Chinese page of batch 9 still yield
    // a suggestion each; nothing comes from a URL, a byline or a time stamp.
    const captions: Record<string, number> = {
      "en/batch8": 1,
      "ko/batch6": 1,
      "zh/batch9": 2,
      "all/batch8": 1,
      "all/batch6": 1,
      "all/batch9": 2,
      "en/heldout": 1,
      "ko/heldout": 1,
      "zh/heldout": 2,
      "all/heldout": 4,
    };
    for (const [key, s] of Object.entries(guarded))
      assert.ok(s.noise <= (captions[key] ?? 0), `${key}: ${s.noise} suggestions from furniture`);
    const floor = (key: string, p: number, r: number) => {
      const s = guarded[key]!;
      assert.ok(
        ratio(s.right, s.suggested) >= p,
        `${key} precision ${ratio(s.right, s.suggested)}`,
      );
      assert.ok(ratio(s.right, s.labelled) >= r, `${key} recall ${ratio(s.right, s.labelled)}`);
    };
    // Batch 1 labels neither a group under five ("13名和3名员工" is labelled 13) nor a recall
    // (召回) as an incident; batch 9 and the corpus README count both.
    for (const lang of ["all", "en", "ko"]) floor(`${lang}/tune`, 0.95, 0.95);
    floor("zh/tune", 0.85, 0.95);
    // Batches 1 to 4, each overall; batches 5, 6, 8, 9 and 10 whole, overall and per language.
    for (const n of [1, 2, 3, 4]) floor(`all/batch${n}`, 0.93, 0.93);
    floor("all/batch5", 0.77, 0.74);
    for (const lang of ["en", "zh", "ko"]) floor(`${lang}/batch5`, 0.72, 0.69);
    floor("all/batch6", 0.79, 0.73);
    for (const lang of ["en", "zh", "ko"]) floor(`${lang}/batch6`, 0.7, 0.67);
    floor("all/batch8", 0.69, 0.73);
    for (const lang of ["en", "zh", "ko"]) floor(`${lang}/batch8`, 0.57, 0.58);
    floor("all/batch9", 0.67, 0.76);
    for (const lang of ["en", "zh", "ko"]) floor(`${lang}/batch9`, 0.66, 0.67);
    floor("all/batch10", 0.62, 0.55);
    for (const lang of ["en", "zh", "ko"]) floor(`${lang}/batch10`, 0.6, 0.48);
  });
});

describe("evidence: the seed claims about Hunchun", () => {
  const places = placeIndex();
  const has = (claims: ClaimDraft[], test: (c: ClaimDraft) => boolean, what: string) =>
    assert.ok(claims.some(test), `${what} in ${JSON.stringify(claims.map((c) => c.quote))}`);

  it("6,500 in Hunchun, one-month stays and the fenced zone (the fictional report); 13 restaurant workers who defected in 2016 and the fence (Daily NK)", () => {
    const fiction = readFileSync(join(FIXTURES, "reports", "hunchun-zone-2019.txt"), "utf8");
    const a = suggestClaims(fiction, { places, published: "2019-06-24" });
    has(
      a,
      (c) => c.kind === "worker_count" && c.valueMin === 6500 && c.placeId === "cn-jl-hunchun",
      "6,500 in Hunchun",
    );
    has(
      a,
      (c) => c.kind === "visa_practice" && c.valueMin === 30 && c.valueUnit === "days",
      "one-month stays",
    );
    has(a, (c) => c.kind === "movement_restriction" && /fenced/.test(c.quote), "the fenced zone");
    const real = texts("en-dailynk-hunchun-zone-2019");
    const b = suggestClaims(real.doc, { places, published: real.published });
    has(
      b,
      (c) =>
        c.kind === "worker_count" &&
        c.valueMin === 13 &&
        c.periodStart === "2016-01-01" &&
        c.placeId === null,
      "13 restaurant workers in 2016, not placed in Hunchun",
    );
    has(b, (c) => c.kind === "incident" && /defection/.test(c.quote), "the defection");
    has(b, (c) => c.kind === "movement_restriction" && /fence/.test(c.quote), "the fence");
  });
});

/** What a suggestion must have (test/fixtures/evidence/rules.json); a field left out is not
 * checked. */
interface Expected {
  min?: number | null;
  max?: number | null;
  place?: string | null;
  from?: string | null;
  to?: string | null;
  org?: string;
  days?: number;
}

interface RuleRows {
  published: string;
  rows: { lang: string; rule: string; text: string; kind: string; expect: Expected | null }[];
  onlyCounts: { rule: string; text: string; values: number[] }[];
}

function meets(c: ClaimDraft, e: Expected): boolean {
  const checks: [unknown, unknown][] = [
    [e.min, c.valueMin],
    [e.max, c.valueMax],
    [e.place, c.placeId],
    [e.from, c.periodStart],
    [e.to, c.periodEnd],
    [e.org, c.organisation],
  ];
  if (e.days !== undefined && (c.valueUnit !== "days" || c.valueMin !== e.days)) return false;
  return checks.every(([want, got]) => want === undefined || want === got);
}

describe("evidence: one written sentence per reading rule, in three languages", () => {
  const places = placeIndex();
  const table = JSON.parse(readFileSync(join(FIXTURES, "rules.json"), "utf8")) as RuleRows;
  const suggest = (text: string) => suggestClaims(text, { places, published: table.published });
  for (const row of table.rows) {
    it(`${row.lang} · ${row.rule}`, () => {
      const ofKind = suggest(row.text).filter((c) => c.kind === row.kind);
      const seen = JSON.stringify(
        ofKind.map((c) => [
          c.valueMin,
          c.valueMax,
          c.placeId,
          c.periodStart,
          c.periodEnd,
          c.organisation,
        ]),
      );
      if (row.expect === null) assert.equal(ofKind.length, 0, `no ${row.kind}: ${seen}`);
      else
        assert.ok(
          ofKind.some((c) => meets(c, row.expect!)),
          `${row.kind} ${JSON.stringify(row.expect)} in ${seen}`,
        );
    });
  }
  for (const row of table.onlyCounts) {
    it(`noise · ${row.rule}`, () => {
      const values = suggest(row.text)
        .filter((c) => c.kind === "worker_count")
        .map((c) => c.valueMin ?? c.valueMax);
      assert.deepEqual(values, row.values);
    });
  }
});

function texts(id: string): { doc: string; published: string | null } {
  const t = JSON.parse(readFileSync(join(CORPUS, `${id}.json`), "utf8")) as CorpusText;
  return { doc: corpusDocument(t), published: t.published };
}
