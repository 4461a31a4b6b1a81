/**
 * node dist/bench/eval-screening.js [--baseline-sample 600] [--negatives 50000]
 * Screening evaluation on the real lists (test/fixtures/sanctions: UN 2026-02-27 XML, OFAC SDN
 * 2024-05-03 CSV with 2025-02 alt/add):
 *  1. DPRK queries: for every DPRK-related entity and alias, realistic variants (bench/screening-
 *     queries.ts); recall@1 = the top-ranked entity carries the source name (homonyms on either
 *     list count: names alone cannot tell two KIM YONG CHOL apart); also recall@1 at the threshold.
 *  2. False matches: yente's 50,000 synthetic negatives (persons), name only and with their birth
 *     date and nationality; a false match = any candidate at or above the threshold.
 *  3. yente's UN positives with typos/reorders ("treated"), against the UN entity of the untreated row.
 *  4. The baseline: plain token Jaro-Winkler over every list name (no index), on a sample.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import {
  foldText,
  isDprkRelated,
  type ListEntity,
  SCREEN_THRESHOLD,
  ScreeningIndex,
  splitOrgName,
  tokenize,
  tokenJaroWinkler,
} from "../src/core/screening/index.js";
import { repoRoot } from "../src/repo-root.js";
import { readListFiles } from "../src/sanctions/read-list-files.js";
import { log, numberArg } from "./cli-args.js";
import { prng, queriesFor } from "./screening-queries.js";

const BASELINE_SAMPLE = numberArg("baseline-sample", 600);
const NEGATIVES = numberArg("negatives", 50_000);
const BASELINE_THRESHOLDS = [0.85, 0.9, 0.95];

const F = join(repoRoot(), "test", "fixtures", "sanctions");

const un = readListFiles([join(F, "un_sc_consolidated_2026-02-27.xml")]).parsed.entities;
const ofac = readListFiles([
  join(F, "ofac_sdn_2024-05-03.csv"),
  join(F, "ofac_alt_2025-02.csv"),
  join(F, "ofac_add_2025-02.csv"),
]).parsed.entities;
const entities: ListEntity[] = [...un, ...ofac];
let t0 = performance.now();
const index = ScreeningIndex.build(entities);
log(`index: ${JSON.stringify(index.size)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const tokenSetKey = (s: string) => [...new Set(tokenize(s))].sort().join(" ");
const orgKey = (s: string) => [...new Set(splitOrgName(s).core)].sort().join(" ");
/**
 * The truth set of a query: every entity (on either list) that carries the source name — same
 * token set for persons, same tokens without legal form for organisations — plus every entity
 * sharing a document number with the source (the same person listed under another spelling).
 */
const byNameKey = new Map<string, Set<string>>();
const byDoc = new Map<string, Set<string>>();
const addTo = (m: Map<string, Set<string>>, k: string, id: string) => {
  const set = m.get(k) ?? new Set<string>();
  set.add(id);
  m.set(k, set);
};
for (const e of entities) {
  const id = `${e.list}:${e.reference}`;
  for (const n of e.names)
    addTo(byNameKey, e.kind === "person" ? tokenSetKey(n.name) : `org:${orgKey(n.name)}`, id);
  for (const d of e.identifiers)
    if (d.number.replace(/\W/g, "").length >= 6)
      addTo(byDoc, d.number.replace(/\W/g, "").toUpperCase(), id);
}
const entityById = new Map(entities.map((e) => [`${e.list}:${e.reference}`, e]));

// The baseline scores every list name: tokens folded once.
const allNames = entities.flatMap((e) =>
  e.names.map((n) => ({
    id: `${e.list}:${e.reference}`,
    person: e.kind === "person",
    tokens: tokenize(n.name),
  })),
);
function baselineTop(
  query: string,
  type: "person" | "org" | undefined,
): { id: string; score: number } {
  const q = tokenize(query);
  let best = { id: "", score: -1 };
  for (const n of allNames) {
    if (type === "person" && !n.person) continue;
    if (type === "org" && n.person) continue;
    const s = tokenJaroWinkler(q, n.tokens);
    if (s > best.score) best = { id: n.id, score: s };
  }
  return best;
}

const pct = (a: number, b: number) => (b === 0 ? "n/a" : `${((100 * a) / b).toFixed(2)}%`);
const quantile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
};

// ---- 1. DPRK queries ----------------------------------------------------------------------
const dprk = entities.filter(isDprkRelated);
const queries = queriesFor(dprk);
log(
  `DPRK-related entities: ${dprk.length} (UN ${dprk.filter((e) => e.list === "UN-SC").length}, OFAC ${dprk.filter((e) => e.list === "OFAC-SDN").length}); queries: ${queries.length}`,
);
const byVariant = new Map<string, { n: number; top1: number; atThreshold: number }>();
let top1 = 0;
let atThreshold = 0;
const times: number[] = [];
const misses: string[] = [];
const truthOf = (q: (typeof queries)[number]) => {
  const key = q.type === "person" ? tokenSetKey(q.sourceName) : `org:${orgKey(q.sourceName)}`;
  const t = new Set(byNameKey.get(key) ?? []);
  t.add(q.source);
  for (const d of entityById.get(q.source)?.identifiers ?? [])
    for (const id of byDoc.get(d.number.replace(/\W/g, "").toUpperCase()) ?? []) t.add(id);
  return t;
};
for (const q of queries) {
  const t = performance.now();
  const r = index.screen({ name: q.query, type: q.type }, { limit: 3, minScore: 0 });
  times.push(performance.now() - t);
  const truth = truthOf(q);
  const hit = r[0] !== undefined && truth.has(`${r[0].list}:${r[0].reference}`);
  const over = hit && r[0]!.score >= SCREEN_THRESHOLD;
  if (hit) top1++;
  else if (misses.length < 40)
    misses.push(
      `${q.variant}: "${q.query}" (from ${q.sourceName}, ${q.source}) → ${r[0] ? `${r[0].list}:${r[0].reference} ${r[0].name} ${r[0].score}` : "nothing"}`,
    );
  if (over) atThreshold++;
  const kind = q.variant.replace(/^alias: /, "");
  const v = byVariant.get(kind) ?? { n: 0, top1: 0, atThreshold: 0 };
  v.n++;
  if (hit) v.top1++;
  if (over) v.atThreshold++;
  byVariant.set(kind, v);
}

// Baseline on a seeded sample of the same queries (it scans every list name per query).
const rand = prng(7);
const sample = queries.filter(() => rand() < BASELINE_SAMPLE / queries.length);
let baseTop1 = 0;
let oursTop1Sample = 0;
const baseAt = new Map(BASELINE_THRESHOLDS.map((th) => [th, 0]));
t0 = performance.now();
for (const q of sample) {
  const b = baselineTop(q.query, q.type);
  const truth = truthOf(q);
  if (truth.has(b.id)) {
    baseTop1++;
    for (const th of BASELINE_THRESHOLDS) if (b.score >= th) baseAt.set(th, baseAt.get(th)! + 1);
  }
  const r = index.screen({ name: q.query, type: q.type }, { limit: 1, minScore: 0 });
  if (r[0] && truth.has(`${r[0].list}:${r[0].reference}`)) oursTop1Sample++;
}
log(`baseline on ${sample.length} queries: ${((performance.now() - t0) / 1000).toFixed(0)} s`);

// ---- 2. Negatives -------------------------------------------------------------------------
type Row = Record<string, string>;
const negatives = (
  parse(readFileSync(join(F, "yente_cgb_negatives_global.csv")), {
    columns: true,
    bom: true,
  }) as Row[]
).slice(0, NEGATIVES);
let fpName = 0;
let fpFeatures = 0;
const fpExamples: string[] = [];
const negTimes: number[] = [];
for (const r of negatives) {
  const t = performance.now();
  const a = index.screen(
    { name: r.full_name!, type: "person" },
    { limit: 1, minScore: SCREEN_THRESHOLD },
  );
  negTimes.push(performance.now() - t);
  if (a.length) {
    fpName++;
    if (fpExamples.length < 25)
      fpExamples.push(
        `"${r.full_name}" → ${a[0]!.list}:${a[0]!.reference} ${a[0]!.name} ${a[0]!.score} (${a[0]!.explanation.method})`,
      );
  }
  const b = index.screen(
    {
      name: r.full_name!,
      type: "person",
      birthDate: r.date_of_birth || undefined,
      nationality: r.nationality || undefined,
    },
    { limit: 1, minScore: SCREEN_THRESHOLD },
  );
  if (b.length) fpFeatures++;
}
const negSample = negatives.filter(
  () => rand() < numberArg("baseline-negatives", 300) / negatives.length,
);
const baseFp = new Map(BASELINE_THRESHOLDS.map((th) => [th, 0]));
for (const r of negSample) {
  const b = baselineTop(r.full_name!, "person");
  for (const th of BASELINE_THRESHOLDS) if (b.score >= th) baseFp.set(th, baseFp.get(th)! + 1);
}

// ---- 3. UN positives, treated ---------------------------------------------------------------
const untreated = parse(readFileSync(join(F, "yente_cgb_positives_un_untreated.csv")), {
  columns: true,
  bom: true,
}) as Row[];
const treated = parse(readFileSync(join(F, "yente_cgb_positives_un_treated.csv")), {
  columns: true,
  bom: true,
}) as Row[];
const unByKey = new Map<string, Set<string>>();
for (const e of un)
  for (const n of e.names) {
    const k = tokenSetKey(n.name);
    const s = unByKey.get(k) ?? new Set<string>();
    s.add(`${e.list}:${e.reference}`);
    unByKey.set(k, s);
  }
// The UN positives are screened against the UN list alone: the same people are on the OFAC list
// too, under the same names, and would tie with the UN entity.
const unIndex = ScreeningIndex.build(un);
const unRes = {
  all: { n: 0, top1: 0, at: 0, top1f: 0, atf: 0 },
  kp: { n: 0, top1: 0, at: 0, top1f: 0, atf: 0 },
};
let unMissingTruth = 0;
const unMisses: string[] = [];
treated.forEach((row, i) => {
  const truth = unByKey.get(tokenSetKey(untreated[i]!.full_name!));
  if (!truth) {
    unMissingTruth++;
    return;
  }
  const buckets = [unRes.all, ...(row.nationality === "kp" ? [unRes.kp] : [])];
  const a = unIndex.screen({ name: row.full_name!, type: "person" }, { limit: 1, minScore: 0 })[0];
  const b = unIndex.screen(
    {
      name: row.full_name!,
      type: "person",
      birthDate: row.date_of_birth || undefined,
      nationality: row.nationality || undefined,
    },
    { limit: 1, minScore: 0 },
  )[0];
  const ha = a !== undefined && truth.has(`${a.list}:${a.reference}`);
  const hb = b !== undefined && truth.has(`${b.list}:${b.reference}`);
  if (!ha && unMisses.length < 15)
    unMisses.push(
      `"${row.full_name}" (untreated "${untreated[i]!.full_name}") → ${a ? `${a.list}:${a.reference} ${a.name} ${a.score}` : "nothing"}`,
    );
  for (const k of buckets) {
    k.n++;
    if (ha) k.top1++;
    if (ha && a!.score >= SCREEN_THRESHOLD) k.at++;
    if (hb) k.top1f++;
    if (hb && b!.score >= SCREEN_THRESHOLD) k.atf++;
  }
});

const report = {
  threshold: SCREEN_THRESHOLD,
  lists: { entities: entities.length, names: index.size.names, dprkEntities: dprk.length },
  dprkQueries: {
    queries: queries.length,
    recallAt1: top1 / queries.length,
    recallAt1AtThreshold: atThreshold / queries.length,
    byVariant: Object.fromEntries(
      [...byVariant].map(([k, v]) => [
        k,
        {
          n: v.n,
          recallAt1: +(v.top1 / v.n).toFixed(4),
          atThreshold: +(v.atThreshold / v.n).toFixed(4),
        },
      ]),
    ),
    latencyMs: { p50: quantile(times, 0.5), p99: quantile(times, 0.99) },
  },
  baseline: {
    method: "token Jaro-Winkler, best list name by brute force",
    sample: sample.length,
    recallAt1: baseTop1 / sample.length,
    oursRecallAt1OnSample: oursTop1Sample / sample.length,
    recallAt1AtThreshold: Object.fromEntries([...baseAt].map(([th, n]) => [th, n / sample.length])),
    negativesSample: negSample.length,
    falseMatchRate: Object.fromEntries([...baseFp].map(([th, n]) => [th, n / negSample.length])),
  },
  negatives: {
    queries: negatives.length,
    falseMatchesNameOnly: fpName,
    falseMatchRateNameOnly: fpName / negatives.length,
    falseMatchesWithBirthDateAndNationality: fpFeatures,
    falseMatchRateWithFeatures: fpFeatures / negatives.length,
    latencyMs: { p50: quantile(negTimes, 0.5), p99: quantile(negTimes, 0.99) },
    examples: fpExamples,
  },
  unTreated: { rowsWithoutUnEntity: unMissingTruth, ...unRes, misses: unMisses },
  misses,
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
log(
  `DPRK recall@1 ${pct(top1, queries.length)} (at threshold ${pct(atThreshold, queries.length)}); baseline JW recall@1 ${pct(baseTop1, sample.length)} vs ours ${pct(oursTop1Sample, sample.length)} on ${sample.length}; negatives false matches ${fpName}/${negatives.length} = ${pct(fpName, negatives.length)} (with DOB+nationality ${fpFeatures})`,
);
void foldText;
