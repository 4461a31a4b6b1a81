import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AppError } from "../errors.js";
import * as ev from "./index.js";

describe("evidence: quantities", () => {
  it("reads hedged English numbers", () => {
    const q = (s: string) => ev.findEnglishQuantities(s).map((x) => [x.min, x.max, x.qualifier]);
    assert.deepEqual(q("some 2,000"), [[2000, 2000, "approx"]]);
    assert.deepEqual(q("more than 100"), [[100, null, "at_least"]]);
    assert.deepEqual(q("up to 80,000"), [[null, 80000, "at_most"]]);
    assert.deepEqual(q("between 2,000 and 3,000"), [[2000, 3000, "range"]]);
    assert.deepEqual(q("300-400"), [[300, 400, "range"]]);
    // A fall from one figure to a lower one is two figures, not a range.
    assert.deepEqual(q("decreased from 34,000 to 11,000"), [
      [34000, 34000, "exact"],
      [11000, 11000, "exact"],
    ]);
    assert.deepEqual(q("hundreds of"), [[200, 999, "vague"]]);
    assert.deepEqual(q("nearly a thousand"), [[1000, 1000, "approx"]]);
    assert.equal(ev.parseEnglishNumber("two thousand five hundred"), 2500);
    assert.equal(ev.parseEnglishNumber("two dozen"), 24);
    assert.equal(ev.parseEnglishNumber("1.5 million"), 1_500_000);
    // A word joins the part below a hundred only after a round ten: "twenty-four seven" (around
    // the clock) is no number, "one hundred and twenty-five" is.
    assert.equal(ev.parseEnglishNumber("twenty-four seven"), null);
    assert.equal(ev.parseEnglishNumber("one hundred and twenty-five"), 125);
    assert.deepEqual(q("toil twenty-four seven"), []);
  });

  it("reads Chinese and Korean counts of people", () => {
    assert.equal(ev.parseCjkNumber("六千五百"), 6500);
    assert.equal(ev.parseCjkNumber("6천500"), 6500);
    assert.equal(ev.parseCjkNumber("1.2万"), 12000);
    const q = (s: string) => ev.findCjkQuantities(s).map((x) => [x.min, x.max, x.qualifier]);
    assert.deepEqual(q("约有2万名工人"), [[20000, 20000, "approx"]]);
    assert.deepEqual(q("2000多名"), [[2000, null, "at_least"]]);
    assert.deepEqual(q("2천여 명"), [[2000, null, "at_least"]]);
    // 여 with no 명 before a worker noun phrase: "3천여 북한 노동자들"; not before another noun.
    assert.deepEqual(q("3천여 북한 노동자들"), [[3000, null, "at_least"]]);
    assert.deepEqual(q("3천여 개 기업"), []);
    assert.deepEqual(q("수백 명"), [[200, 999, "vague"]]);
    // At least a vague figure is its low end with no upper bound; 数以千计 is "thousands".
    assert.deepEqual(q("최소 수백 명"), [[200, null, "at_least"]]);
    assert.deepEqual(q("至少数千名工人"), [[2000, null, "at_least"]]);
    assert.deepEqual(q("數以千計北韓勞工"), [[2000, 9999, "vague"]]);
    assert.deepEqual(q("数以万计的朝鲜工人"), [[20000, 99999, "vague"]]);
    // 数以千计 qualifies a longer phrase headed by 人员: "數以千計技術高超的資訊科技人員".
    assert.deepEqual(q("數以千計技術高超的資訊科技人員"), [[2000, 9999, "vague"]]);
    assert.deepEqual(q("数以千计IT专业人员"), [[2000, 9999, "vague"]]);
    // Korean native numerals: from ten up anywhere before 명 (스물두 명, 열 명); under ten only as
    // the quantifier of the noun after it (두 명의 …), not after its noun (노동자 두 명이); 한 명
    // (mostly an indefinite "a") is no count.
    assert.deepEqual(q("두 명의 북한 벌목공"), [[2, 2, "exact"]]);
    assert.deepEqual(q("노동자 스물두 명이"), [[22, 22, "exact"]]);
    assert.deepEqual(q("열 명의 노동자"), [[10, 10, "exact"]]);
    assert.deepEqual(q("여성 노동자 두 명이 짐을 옮기고 있다"), []);
    assert.deepEqual(q("한 명이"), []);
    assert.deepEqual(q("세상"), []);
  });
});

describe("evidence: dates and durations", () => {
  it("turns dates into periods", () => {
    const d = (s: string, p: string | null = null) =>
      ev.findDates(s, 0, s.length, p).map((x) => [x.from, x.to]);
    assert.deepEqual(d("on 22 December 2019"), [["2019-12-22", "2019-12-22"]]);
    assert.deepEqual(d("on Aug. 28-29, 2024"), [["2024-08-28", "2024-08-29"]]);
    assert.deepEqual(d("in the first quarter of 2025"), [["2025-01-01", "2025-03-31"]]);
    assert.deepEqual(d("in mid-2019"), [["2019-05-01", "2019-08-31"]]);
    assert.deepEqual(d("2019년 12월 22일"), [["2019-12-22", "2019-12-22"]]);
    assert.deepEqual(d("2019年3月"), [["2019-03-01", "2019-03-31"]]);
    // A month without a year takes the publication's year, or the year before.
    assert.deepEqual(d("since March", "2019-05-02"), [["2019-03-01", "2019-03-31"]]);
    assert.deepEqual(d("since March", "2019-02-02"), [["2018-03-01", "2018-03-31"]]);
  });

  it("reads durations in days, not dates", () => {
    const d = (s: string) => ev.findDurations(s).map((x) => x.days);
    assert.deepEqual(d("stay for one month; six months remain; 30 days"), [30, 180, 30]);
    assert.deepEqual(d("한 달마다, 12월 22일"), [30]);
    assert.deepEqual(d("每个月, 三月, 两个星期"), [30, 14]);
  });
});

describe("evidence: grading", () => {
  it("refuses grades outside the Admiralty scale, naming the allowed values", () => {
    assert.equal(ev.parseReliability("b"), "B");
    assert.equal(ev.parseCredibility("2"), 2);
    assert.throws(
      () => ev.parseReliability("G"),
      (e: AppError) => e.code === "usage" && /A \(completely reliable\).*F \(/.test(e.message),
    );
    assert.throws(
      () => ev.parseCredibility("7"),
      /expected one of 1 \(confirmed by other sources\)/,
    );
    assert.throws(() => ev.parseCredibility(""), AppError);
  });
});

describe("evidence: text", () => {
  it("keeps abbreviations and line-wrapped sentences together", () => {
    const t = "On Jan. 11, 2024 the unrest\nbroke out. Mr. Kim said so! 工人很多。北韩 노동자.";
    assert.deepEqual(
      ev.sentences(t).map((s) => t.slice(s.start, s.end)),
      ["On Jan. 11, 2024 the unrest\nbroke out.", "Mr. Kim said so!", "工人很多。", "北韩 노동자."],
    );
  });

  it("tokenises Latin words and CJK bigrams", () => {
    assert.deepEqual(
      ev.tokenize("The workers' 6,500 훈춘에서 珲春").map((t) => t.term),
      ["worker", "6500", "훈춘", "춘에", "에서", "珲春"],
    );
  });

  it("keys organisations across scripts", () => {
    const k = (s: string) => ev.organisationKey(s).key;
    // Scripts meet; the country before a name is no part of it.
    for (const [a, b] of [
      ["Hunchun Dongyang Seafood Co., Ltd.", "珲春市东洋水产有限公司"],
      ["珲春市东洋水产有限公司", "훈춘시동양수산유한회사"],
      ["朝鲜军需工业部", "軍需工業部"],
      ["North Korea's Mansudae Art Studio", "Mansudae Art Studio"],
    ])
      assert.equal(k(a!), k(b!), `${a} = ${b}`);
    for (const [a, b] of [
      ["Hunchun Dongyang Seafood Co., Ltd.", "Hunchun Dongyang Garment Co., Ltd."],
      ["朝鲜军需工业部", "朝鲜建设工业部"],
    ])
      assert.notEqual(k(a!), k(b!), `${a} != ${b}`);
  });
});

describe("evidence: corroboration", () => {
  const base = {
    kind: "worker_count" as const,
    placeId: "cn-jl-hunchun",
    cityIds: ["cn-jl-hunchun"],
    periodStart: null,
    periodEnd: null,
    organisation: null,
    textSha256: "x",
  };
  it("counts independent publishers with compatible claims, once each", () => {
    const r = ev.corroborate([
      {
        ...base,
        claimId: 1,
        sourceId: 1,
        publisher: "Daily A",
        textSha256: "a",
        valueMin: 6500,
        valueMax: 6500,
      },
      {
        ...base,
        claimId: 2,
        sourceId: 2,
        publisher: "Daily A",
        textSha256: "b",
        valueMin: 6000,
        valueMax: 6000,
      },
      {
        ...base,
        claimId: 3,
        sourceId: 3,
        publisher: "Radio B",
        textSha256: "c",
        valueMin: 5000,
        valueMax: 5000,
      },
      {
        ...base,
        claimId: 4,
        sourceId: 4,
        publisher: "Radio C",
        textSha256: "d",
        valueMin: 500,
        valueMax: 500,
      },
      {
        ...base,
        claimId: 5,
        sourceId: 5,
        publisher: null,
        textSha256: "e",
        valueMin: 7000,
        valueMax: null,
      },
    ]);
    assert.deepEqual(r[0]?.corroboratedBy, [3, 5]);
    assert.equal(r[0]?.independentSources, 3);
    assert.deepEqual(r[3]?.corroboratedBy, []);
  });
});
