/**
 * Agreement with other screening tools' labelled name pairs (test/fixtures/screening/peers, with
 * their licences): nomenklatura's name bench and watchman's cross-script pairs. Agreement = our
 * score ≥ SCREEN_THRESHOLD exactly where the peer says match, counted over the pairs whose label
 * stands (peer-label-notes.csv gives the reason for each label judged not to be ground truth).
 * The floors are the measured figures (docs/screening.md), so a change that loses agreement fails.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "csv-parse/sync";
import {
  type EntityKind,
  SCREEN_THRESHOLD,
  ScreeningIndex,
  type ScreenQuery,
} from "../src/core/screening/index.js";
import { repoRoot } from "../src/repo-root.js";

const P = join(repoRoot(), "test", "fixtures", "screening", "peers");
type Row = Record<string, string>;
const csv = (file: string) =>
  parse(readFileSync(join(P, file)), { columns: true, bom: true }) as Row[];

function pairScore(query: string, listed: string, kind: EntityKind): number {
  const index = ScreeningIndex.build([
    {
      list: "PAIR",
      reference: "1",
      kind,
      names: [{ name: listed, type: "primary", quality: null }],
      birthDates: [],
      nationalities: [],
      identifiers: [],
      addresses: [],
      programmes: [],
      listedOn: null,
      remarks: null,
    },
  ]);
  const q: ScreenQuery = { name: query, type: kind === "person" ? "person" : "org" };
  return index.explain(q, "1")[0]?.best.score ?? 0;
}

interface Pair {
  name1: string;
  name2: string;
  label: boolean;
  kind: EntityKind;
}

function standingAgreement(set: string, pairs: Pair[]) {
  const judged = new Set(
    csv("peer-label-notes.csv")
      .filter((r) => r.set === set && r.reason)
      .map((r) => `${r.name1}|${r.name2}`),
  );
  let n = 0;
  let agree = 0;
  const misses: string[] = [];
  for (const p of pairs) {
    if (judged.has(`${p.name1}|${p.name2}`)) continue;
    n++;
    const score = pairScore(p.name1, p.name2, p.kind);
    if (score >= SCREEN_THRESHOLD === p.label) agree++;
    else misses.push(`${p.name1} / ${p.name2} (${p.label}, ${score})`);
  }
  return { n, agree, rate: agree / n, judged: judged.size, misses };
}

test("nomenklatura name bench: agreement where the peer's label stands", () => {
  const kinds: Record<string, EntityKind> = { Person: "person", Vessel: "vessel" };
  const pairs = csv("nomenklatura_name_bench_cases.csv").map((r) => ({
    name1: r.name1!,
    name2: r.name2!,
    label: r.is_match === "true",
    kind: kinds[r.schema!] ?? "organization",
  }));
  const r = standingAgreement("nomenklatura", pairs);
  assert.equal(pairs.length, 826);
  assert.ok(r.judged >= 55 && r.n >= 760, `${r.judged} labels judged, ${r.n} standing`);
  // 669 of 767: one of the disagreements is a Bengali pair read into Latin letters
  // (মোহাম্মদ শামসুদ্দিন / মোহাম্মদ সাহাবুদ্দিন, Mohammad Shamsuddin / Mohammad Sahabuddin: 0.85),
  // which the same names written in Latin letters score too.
  assert.ok(r.rate >= 0.872, `agreement ${r.agree}/${r.n} = ${r.rate.toFixed(4)}`);
});

test("watchman cross-script pairs: agreement where the peer's label stands", () => {
  const pairs = readFileSync(join(P, "watchman_cross_script_pairs.csv"), "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#") && !l.startsWith("Query,"))
    .map((l) => {
      const [name1, name2] = l.split(",");
      return { name1: name1!, name2: name2!, label: true, kind: "person" as const };
    });
  const r = standingAgreement("watchman", pairs);
  assert.equal(pairs.length, 22);
  assert.ok(r.rate >= 18 / 21, `agreement ${r.agree}/${r.n}; misses: ${r.misses.join("; ")}`);
});
