// Korean-name pairs of the nomenklatura name benchmark (opensanctions/nomenklatura contrib/name_bench,
// MIT; copied to test/fixtures/names). Measures compareNames at MATCH_THRESHOLD against the labels as
// published and against the labels corrected where docs/names.md argues they are wrong, next to
// nomenklatura logic-v2's frozen outcomes on the same pairs.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCsv, readNamesFixture } from "../../../test/fixtures/names/read-fixture.js";
import { compareNames } from "./compare-names.js";
import { detectScript } from "./detect-script.js";
import { MATCH_THRESHOLD } from "./name-matcher-contract.js";

/**
 * Labels we judge wrong: each pair differs in a whole given-name syllable (a different Hangul
 * syllable, not a spelling of the same one), which makes a different name — e.g. 경민 vs 경일.
 * The benchmark tags them "Korean given-name swap" yet labels them true.
 */
export const DOUBTFUL_LABELS: readonly { name1: string; name2: string; reason: string }[] = [
  { name1: "KIM KYONG MIN", name2: "KIM KYONG IL", reason: "민 vs 일: different second syllable" },
  {
    name1: "JANG YONG MIN",
    name2: "JANG YONG SON",
    reason: "민 vs 선/손: different second syllable",
  },
  {
    name1: "RI MYONG-CHUL",
    name2: "RI PYONG CHUL",
    reason: "명 vs 병: different first syllable (Myong ≠ Pyong)",
  },
  {
    name1: "SON YONG HYOK",
    name2: "SON JONG HYOK",
    reason: "영 vs 정/종: different first syllable",
  },
  {
    name1: "HAN BONG SU",
    name2: "HAN JANG SU",
    reason: "봉 vs 장: different first syllable (HAN JANG SU is UN-listed)",
  },
  { name1: "KO CHOL HUN", name2: "KO CHOL MAN", reason: "훈 vs 만: different second syllable" },
  { name1: "Kim Yong-chol", name2: "Kim Yong-chun", reason: "철 vs 춘: different second syllable" },
  {
    name1: "Kim Pong-ryul",
    name2: "Kim Pyong-ryul",
    reason:
      "봉 vs 병: different syllables (a one-letter typo is possible but not the likelier reading)",
  },
  { name1: "Lee Jae Hyung", name2: "Lee Jae Myung", reason: "형 vs 명: different third syllable" },
  { name1: "KU JA YOUNG", name2: "KU JA HYONG", reason: "영 vs 형: different third syllable" },
  { name1: "KO TAE BIN", name2: "KO TAE HUN", reason: "빈 vs 훈: different third syllable" },
  { name1: "Kim Myong-sik", name2: "Kim Myong-guk", reason: "식 vs 국: different third syllable" },
];

/**
 * Selection of the Korean-name pairs, by a rule that does not use the matcher under test: both names
 * Hangul, or both Latin with a first token that is a common Korean surname spelling.
 */
const SURNAME_TOKENS = new Set(
  "kim ri lee yi pak park choe choi jang chang han ryu kang hwang song jong jung yun son mun ko ku ju chu cho jo ra paek yu hyon min o rim lim jon chon".split(
    " ",
  ),
);

function isKoreanName(name: string): boolean {
  const script = detectScript(name);
  if (script === "hangul") return true;
  const tokens = name.trim().toLowerCase().split(/\s+/);
  return (
    script === "latin" && tokens.length >= 2 && SURNAME_TOKENS.has(tokens[0]!.replace(/,$/, ""))
  );
}

export interface BenchPair {
  group: string;
  schema: string;
  name1: string;
  name2: string;
  label: boolean;
  corrected: boolean;
  logicV2?: boolean;
}

export function koreanPairs(): BenchPair[] {
  const [header, ...rows] = parseCsv(readNamesFixture("nomenklatura_name_bench_cases.csv"));
  const col = (n: string) => header!.indexOf(n);
  const [fHeader, ...fRows] = parseCsv(
    readNamesFixture("nomenklatura_name_bench_logicv2_frozen_scores.csv"),
  );
  const fcol = (n: string) => fHeader!.indexOf(n);
  const frozen = new Map<string, boolean>();
  for (const r of fRows)
    if (r.length > 3)
      frozen.set(
        [r[fcol("case_group")], r[fcol("schema")], r[fcol("name1")], r[fcol("name2")]].join("\t"),
        r[fcol("predicted_match")] === "true",
      );
  const out: BenchPair[] = [];
  for (const r of rows) {
    if (r.length < 5) continue;
    const name1 = r[col("name1")]!;
    const name2 = r[col("name2")]!;
    if (!["Person", "LegalEntity"].includes(r[col("schema")]!)) continue;
    if (!isKoreanName(name1) || !isKoreanName(name2)) continue;
    const label = r[col("is_match")] === "true";
    const doubtful = DOUBTFUL_LABELS.some((d) => d.name1 === name1 && d.name2 === name2);
    const key = [r[col("case_group")], r[col("schema")], name1, name2].join("\t");
    out.push({
      group: r[col("case_group")]!,
      schema: r[col("schema")]!,
      name1,
      name2,
      label,
      corrected: doubtful ? !label : label,
      logicV2: frozen.get(key),
    });
  }
  return out;
}

export function precisionRecall(pairs: readonly { label: boolean; predicted: boolean }[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of pairs) {
    if (p.predicted && p.label) tp++;
    else if (p.predicted) fp++;
    else if (p.label) fn++;
  }
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    tp,
    fp,
    fn,
  };
}

test("nomenklatura Korean pairs: recall ≥ 0.9 at precision ≥ 0.95 on corrected labels", () => {
  const pairs = koreanPairs();
  assert.ok(pairs.length >= 25, `expected the ~27 Korean pairs, selected ${pairs.length}`);
  const scored = pairs.map((p) => ({
    ...p,
    score: compareNames({ full: p.name1 }, { full: p.name2 }).score,
  }));
  const corrected = precisionRecall(
    scored.map((p) => ({ label: p.corrected, predicted: p.score >= MATCH_THRESHOLD })),
  );
  assert.ok(corrected.recall >= 0.9, `recall ${corrected.recall}`);
  assert.ok(corrected.precision >= 0.95, `precision ${corrected.precision}`);
  // Every doubtful label must be a pair we score below the threshold: otherwise the doubt is moot.
  for (const d of DOUBTFUL_LABELS) {
    const s = compareNames({ full: d.name1 }, { full: d.name2 }).score;
    assert.ok(s < MATCH_THRESHOLD, `${d.name1} / ${d.name2} scores ${s}`);
  }
});

if (process.env.NAMES_REPORT) {
  const pairs = koreanPairs();
  const scored = pairs.map((p) => ({
    ...p,
    m: compareNames({ full: p.name1 }, { full: p.name2 }),
  }));
  for (const p of scored)
    console.log(
      `${p.m.score.toFixed(3)} ${p.label ? "T" : "F"}${p.corrected !== p.label ? "*" : " "} lv2=${p.logicV2} ${p.name1} | ${p.name2}   ${p.m.explanation.join("; ")}`,
    );
  const at = (
    labelOf: (p: (typeof scored)[number]) => boolean,
    pred: (p: (typeof scored)[number]) => boolean,
  ) => precisionRecall(scored.map((p) => ({ label: labelOf(p), predicted: pred(p) })));
  console.log(
    "sojourn published labels",
    at(
      (p) => p.label,
      (p) => p.m.score >= MATCH_THRESHOLD,
    ),
  );
  console.log(
    "sojourn corrected labels",
    at(
      (p) => p.corrected,
      (p) => p.m.score >= MATCH_THRESHOLD,
    ),
  );
  console.log(
    "logic-v2 published labels",
    at(
      (p) => p.label,
      (p) => p.logicV2 === true,
    ),
  );
  console.log(
    "logic-v2 corrected labels",
    at(
      (p) => p.corrected,
      (p) => p.logicV2 === true,
    ),
  );
}
