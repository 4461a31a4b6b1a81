import assert from "node:assert/strict";
import { test } from "node:test";
import { readTsvFixture } from "../../../test/fixtures/names/read-fixture.js";
import { compareNames } from "./compare-names.js";
import { detectScript } from "./detect-script.js";
import { nameKeys } from "./name-keys.js";
import { MATCH_THRESHOLD, runNameMatcherContract } from "./name-matcher-contract.js";

runNameMatcherContract("compareNames", (a, b) => compareNames(a, b).score);

test("explanations name the forms that matched", () => {
  const m = compareNames({ full: "KIM YONG CHOL" }, { full: "金永哲" });
  assert.ok(m.explanation.some((e) => e.includes("김")));
  assert.ok(m.explanation.some((e) => e.includes("영")));
  const p = compareNames({ full: "JIN YONGZHE" }, { full: "김영철" });
  assert.ok(p.explanation.some((e) => e.startsWith("pinyin")));
});

test("Hanja that read alike match, below an exact Hanja match (朴奉珠 / 朴鳳柱, 金正恩 / 金諪恩)", () => {
  const s = compareNames({ full: "朴奉珠" }, { full: "朴鳳柱" }).score;
  assert.ok(s >= MATCH_THRESHOLD && s < 1, `${s}`);
  assert.ok(compareNames({ full: "金正恩" }, { full: "金諪恩" }).score < 1);
  assert.equal(compareNames({ full: "张成泽" }, { full: "張成澤" }).score, 1);
});

test("blocking keys collide across systems, scripts and pinyin", () => {
  const forms = [
    "KIM YONG CHOL",
    "Kim Yŏng-ch'ŏl",
    "Gim Yeong-cheol",
    "김영철",
    "金永哲",
    "JIN YONGZHE",
    "YONGCHOL KIM",
  ];
  const keys = forms.map((f) => new Set(nameKeys({ full: f })));
  for (let i = 0; i < forms.length; i++)
    for (let j = i + 1; j < forms.length; j++) {
      const shared = [...keys[i]!].some((k) => keys[j]!.has(k));
      assert.ok(
        shared,
        `${forms[i]} and ${forms[j]} share no key: ${[...keys[i]!]} / ${[...keys[j]!]}`,
      );
    }
  assert.ok(nameKeys({ full: "KIM YONG CHOL" }).length <= 12);
});

/**
 * dprk_names.tsv: every Latin/Hangul/Han spelling recorded for one person should match the others
 * (positives); spellings of two different persons should not (negatives), except the homonyms the
 * file marks on purpose (same name, different person), which are positives for a name matcher.
 */
export function dprkPairs(): { a: string; b: string; same: boolean }[] {
  const rows = readTsvFixture("dprk_names.tsv").filter(
    (r) =>
      r.entity_type === "person" && ["latin", "hangul", "han"].includes(detectScript(r.variant!)),
  );
  const byKey = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = byKey.get(r.key!) ?? new Set<string>();
    set.add(r.variant!);
    if (r.hangul && r.hangul_status === "sourced") set.add(r.hangul);
    byKey.set(r.key!, set);
  }
  const keys = [...byKey.keys()].sort();
  const pairs: { a: string; b: string; same: boolean }[] = [];
  const canonical = (k: string) => [...byKey.get(k)!][0]!;
  for (const k of keys) {
    const vs = [...byKey.get(k)!];
    for (let i = 0; i < vs.length; i++)
      for (let j = i + 1; j < vs.length; j++) pairs.push({ a: vs[i]!, b: vs[j]!, same: true });
  }
  for (let i = 0; i < keys.length; i++)
    for (let j = i + 1; j < keys.length; j++) {
      const a = canonical(keys[i]!);
      const b = canonical(keys[j]!);
      // Homonyms (two persons named KIM YONG CHOL) are the same name: not a negative.
      const homonym = [...byKey.get(keys[i]!)!].some((x) => byKey.get(keys[j]!)!.has(x));
      if (!homonym) pairs.push({ a, b, same: false });
    }
  return pairs;
}

test("dprk_names.tsv: same-person spellings match, different persons do not", () => {
  const pairs = dprkPairs();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const p of pairs) {
    const s = compareNames({ full: p.a }, { full: p.b }).score;
    const predicted = s >= MATCH_THRESHOLD;
    if (predicted && p.same) tp++;
    else if (predicted) {
      fp++;
      misses.push(`FP ${s} ${p.a} | ${p.b}`);
    } else if (p.same) {
      fn++;
      misses.push(`FN ${s} ${p.a} | ${p.b}`);
    }
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  if (process.env.NAMES_REPORT)
    console.log({ pairs: pairs.length, tp, fp, fn, precision, recall }, misses.join("\n"));
  // Floors: the module's figures rounded down (docs/names.md); the misses are mostly
  // inferred-Hangul and typo rows.
  assert.ok(precision >= DPRK_PRECISION_FLOOR, `precision ${precision}`);
  assert.ok(recall >= DPRK_RECALL_FLOOR, `recall ${recall}`);
});

const DPRK_PRECISION_FLOOR = 0.99;
const DPRK_RECALL_FLOOR = 0.84;

test("two different pinyin names stay apart; the same one in another order matches", () => {
  for (const [a, b] of [
    ["Yang Shu", "YANG, Qi"],
    ["Li Li", "LI, Yi"],
    ["Wang Shu", "WANG, Chen"],
  ] as const) {
    const s = compareNames({ full: a }, { full: b }).score;
    assert.ok(s < MATCH_THRESHOLD, `${a} / ${b}: ${s}`);
  }
  assert.ok(compareNames({ full: "ZHANG, Wei" }, { full: "Wei Zhang" }).score >= MATCH_THRESHOLD);
  // A Mandarin reading still meets the Korean name it reads (金永哲 → JIN YONGZHE).
  assert.ok(compareNames({ full: "JIN YONGZHE" }, { full: "KIM YONG CHOL" }).score >= 0.85);
});

test("a pinyin name meets a Korean one through one given syllable's Hanja below a match", () => {
  // 근 has Hanja read jin (近, 謹), 춘 Hanja read chun: one coincidence each, not the same name.
  for (const [a, b] of [
    ["Yu Geun", "YU, Jin"],
    ["Yu Chun", "YU, Jin"],
  ] as const) {
    const m = compareNames({ full: a }, { full: b });
    assert.ok(m.score < MATCH_THRESHOLD, `${a} / ${b}: ${m.score}`);
  }
  // Two given syllables that both fit still match (金永哲 → JIN YONGZHE).
  assert.ok(compareNames({ full: "JIN YONGZHE" }, { full: "KIM YONG CHOL" }).score >= 0.85);
});
