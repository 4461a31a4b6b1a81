/**
 * One row per general reading rule, in English, Chinese and Korean: sentences written for the
 * test (not taken from the labelled corpus), each with the claim the rule must yield, or the
 * claim it must not. A row names its rule so a failure says which reading broke.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildPlaceIndex, type ClaimDraft, type ClaimKind, suggestClaims } from "./index.js";

const places = buildPlaceIndex({
  cities: [
    {
      id: "cn-jl-hunchun",
      name_en: "Hunchun",
      name_zh: "珲春市",
      pinyin: "Hunchun",
      name_ko: "훈춘",
      province: "Jilin",
    },
    {
      id: "cn-jl-tumen",
      name_en: "Tumen",
      name_zh: "图们市",
      pinyin: "Tumen",
      name_ko: "투먼",
      province: "Jilin",
    },
    {
      id: "cn-ln-dandong",
      name_en: "Dandong",
      name_zh: "丹东市",
      pinyin: "Dandong",
      name_ko: "단둥",
      province: "Liaoning",
    },
  ],
  ports: [],
  aliases: [],
});

const HUNCHUN = "cn-jl-hunchun";
const TUMEN = "cn-jl-tumen";
const DANDONG = "cn-ln-dandong";
const RUSSIA = "region-russia";

/** What a suggestion must have; a field left out is not checked. */
interface Expected {
  min?: number | null;
  max?: number | null;
  place?: string | null;
  from?: string | null;
  to?: string | null;
  org?: string;
  days?: number;
}

interface Row {
  rule: string;
  lang: "en" | "zh" | "ko";
  text: string;
  kind: ClaimKind;
  /** A claim of `kind` with these fields; `null`: no claim of `kind` at all. */
  expect: Expected | null;
  published?: string;
}

const ROWS: Row[] = [
  // Counts whose noun the rules must know as people at work.
  {
    rule: "noun: labour immigrants",
    lang: "en",
    text: "Russia took in approximately 15,000 labor immigrants from North Korea.",
    kind: "worker_count",
    expect: { min: 15000, max: 15000, place: RUSSIA },
  },
  {
    rule: "noun: migrant workers",
    lang: "en",
    text: "Some 2,000 North Korean migrant workers are employed in Hunchun.",
    kind: "worker_count",
    expect: { min: 2000, max: 2000, place: HUNCHUN },
  },
  {
    rule: "noun first, hedge, myriad",
    lang: "ko",
    text: "노동자 약 1만5천명이 러시아에 파견됐다.",
    kind: "worker_count",
    expect: { min: 15000, max: 15000, place: RUSSIA },
  },
  {
    rule: "noun first, hedge, decimal myriad",
    lang: "zh",
    text: "在珲春的朝鲜劳工约1.5万。",
    kind: "worker_count",
    expect: { min: 15000, max: 15000, place: HUNCHUN },
  },
  {
    rule: "hedge 约为",
    lang: "zh",
    text: "朝鲜劳务人员总数约为3万人。",
    kind: "worker_count",
    expect: { min: 30000, max: 30000 },
  },
  // Number words, ranges and vague quantities.
  {
    rule: "number words in a range",
    lang: "en",
    text: "Between two and three thousand North Koreans work at the plants in Dandong.",
    kind: "worker_count",
    expect: { min: 2000, max: 3000, place: DANDONG },
  },
  {
    rule: "hundreds of thousands",
    lang: "en",
    text: "Hundreds of thousands of North Koreans work abroad.",
    kind: "worker_count",
    expect: { min: 200_000, max: 999_999, place: null },
  },
  {
    rule: "a range sharing its unit",
    lang: "ko",
    text: "북한 노동자 2~3천 명이 단둥에서 일한다.",
    kind: "worker_count",
    expect: { min: 2000, max: 3000, place: DANDONG },
  },
  {
    rule: "a bare 십 with 여",
    lang: "ko",
    text: "북한 노동자 십여 명이 훈춘 공장에서 탈출했다.",
    kind: "worker_count",
    expect: { min: 10, max: null, place: HUNCHUN },
  },
  {
    rule: "neighbouring digits as a range",
    lang: "zh",
    text: "两三百名朝鲜工人在珲春工作。",
    kind: "worker_count",
    expect: { min: 200, max: 300, place: HUNCHUN },
  },
  {
    rule: "neighbouring digits before 千",
    lang: "zh",
    text: "三四千名朝鲜工人在丹东。",
    kind: "worker_count",
    expect: { min: 3000, max: 4000, place: DANDONG },
  },
  {
    rule: "多 after a myriad",
    lang: "zh",
    text: "一万多名朝鲜工人在珲春。",
    kind: "worker_count",
    expect: { min: 10000, max: null, place: HUNCHUN },
  },
  // Bounds.
  {
    rule: "이하 as an upper bound",
    lang: "ko",
    text: "북한 노동자 200명 이하가 훈춘의 공장에서 일한다.",
    kind: "worker_count",
    expect: { min: null, max: 200 },
  },
  {
    rule: "以下 as an upper bound",
    lang: "zh",
    text: "珲春的工厂雇用200名以下的朝鲜工人。",
    kind: "worker_count",
    expect: { min: null, max: 200 },
  },
  {
    rule: "or fewer as an upper bound",
    lang: "en",
    text: "The plants in Hunchun employ 300 North Korean workers or fewer each.",
    kind: "worker_count",
    expect: { min: null, max: 300 },
  },
  // Years and months in Chinese numerals.
  {
    rule: "year in Chinese numerals with ○",
    lang: "zh",
    text: "二○一六年,图们有两万名北韩劳工。",
    kind: "worker_count",
    expect: { min: 20000, place: TUMEN, from: "2016-01-01", to: "2016-12-31" },
  },
  {
    rule: "year and month in Chinese numerals",
    lang: "zh",
    text: "二〇一九年五月,珲春的朝鲜工人有3000人。",
    kind: "worker_count",
    expect: { min: 3000, place: HUNCHUN, from: "2019-05-01", to: "2019-05-31" },
  },
  // Periods relative to the document's date (2019-06-20 unless given).
  {
    rule: "late last year",
    lang: "en",
    text: "Dozens of North Korean workers were sent to Tumen late last year.",
    kind: "worker_count",
    expect: { min: 24, max: 99, place: TUMEN, from: "2018-09-01", to: "2018-12-31" },
  },
  {
    rule: "earlier this year",
    lang: "en",
    text: "Earlier this year, 200 North Korean workers arrived in Hunchun.",
    kind: "worker_count",
    expect: { min: 200, place: HUNCHUN, from: "2019-01-01", to: "2019-06-20" },
  },
  {
    rule: "올해 초 is the first quarter",
    lang: "ko",
    text: "올해 초 단둥에 북한 노동자 500명이 도착했다.",
    kind: "worker_count",
    expect: { min: 500, place: DANDONG, from: "2019-01-01", to: "2019-03-31" },
  },
  {
    rule: "지난해 말 is the last quarter of last year",
    lang: "ko",
    text: "지난해 말 훈춘의 북한 노동자는 3천 명이었다.",
    kind: "worker_count",
    expect: { min: 3000, place: HUNCHUN, from: "2018-10-01", to: "2018-12-31" },
  },
  {
    rule: "2017년 말",
    lang: "ko",
    text: "2017년 말 러시아의 북한 노동자는 3만 명이었다.",
    kind: "worker_count",
    expect: { min: 30000, place: RUSSIA, from: "2017-10-01", to: "2017-12-31" },
  },
  {
    rule: "今年5月, and 抵达 before the place",
    lang: "zh",
    text: "今年5月,约两千名朝鲜工人抵达丹东。",
    kind: "worker_count",
    expect: { min: 2000, place: DANDONG, from: "2019-05-01", to: "2019-05-31" },
  },
  {
    rule: "a dateline's date is no period",
    lang: "en",
    text: "HUNCHUN, Oct. 28 (Yonhap) -- About 1,500 North Korean workers are employed here.",
    kind: "worker_count",
    expect: { min: 1500, from: null },
  },
  {
    rule: "a season of a year",
    lang: "en",
    text: "In the spring of 2018, 400 North Korean workers came to Tumen.",
    kind: "worker_count",
    expect: { min: 400, place: TUMEN, from: "2018-03-01", to: "2018-05-31" },
  },
  {
    rule: "last summer",
    lang: "en",
    text: "Last summer, about 800 North Korean workers arrived in Hunchun.",
    kind: "worker_count",
    expect: { min: 800, from: "2018-06-01", to: "2018-08-31" },
  },
  {
    rule: "years ago",
    lang: "en",
    text: "Two years ago, 5,000 North Korean workers were in Dandong.",
    kind: "worker_count",
    expect: { min: 5000, place: DANDONG, from: "2017-01-01", to: "2017-12-31" },
  },
  {
    rule: "a bare count after 'rose to', before 'last year'",
    lang: "en",
    text: "The number of North Korean workers in Russia rose to 30,000 last year.",
    kind: "worker_count",
    expect: { min: 30000, place: RUSSIA, from: "2018-01-01", to: "2018-12-31" },
  },
  {
    rule: "-odd as a hedge",
    lang: "en",
    text: "Some 1,500-odd North Korean workers live in Hunchun.",
    kind: "worker_count",
    expect: { min: 1500, max: 1500, place: HUNCHUN },
  },
  {
    rule: "지난해 여름",
    lang: "ko",
    text: "지난해 여름 북한 노동자 1천 명이 러시아로 갔다.",
    kind: "worker_count",
    expect: { min: 1000, place: RUSSIA, from: "2018-06-01", to: "2018-08-31" },
  },
  {
    rule: "N년 전",
    lang: "ko",
    text: "3년 전 훈춘에는 북한 노동자 5천 명이 있었다.",
    kind: "worker_count",
    expect: { min: 5000, place: HUNCHUN, from: "2016-01-01", to: "2016-12-31" },
  },
  {
    rule: "올해 들어 runs to the document's date",
    lang: "ko",
    text: "올해 들어 북한 노동자 2천여 명이 러시아에 입국했다.",
    kind: "worker_count",
    expect: { min: 2000, max: null, place: RUSSIA, from: "2019-01-01", to: "2019-06-20" },
  },
  {
    rule: "이달 초 is the month's first ten days",
    lang: "ko",
    text: "이달 초 단둥에 북한 노동자 300명이 들어왔다.",
    kind: "worker_count",
    expect: { min: 300, place: DANDONG, from: "2019-06-01", to: "2019-06-10" },
  },
  {
    rule: "今年以来 runs to the document's date",
    lang: "zh",
    text: "今年以来,约有2000名朝鲜工人进入珲春。",
    kind: "worker_count",
    expect: { min: 2000, place: HUNCHUN, from: "2019-01-01", to: "2019-06-20" },
  },
  {
    rule: "去年夏天",
    lang: "zh",
    text: "去年夏天,500名朝鲜工人来到丹东。",
    kind: "worker_count",
    expect: { min: 500, place: DANDONG, from: "2018-06-01", to: "2018-08-31" },
  },
  // Places: the sentence's structure, not the nearest name.
  {
    rule: "names in a row narrow down to the last",
    lang: "ko",
    text: "북한 노동자 1만여 명이 중국 랴오닝성 단둥에 있다.",
    kind: "worker_count",
    expect: { min: 10000, place: DANDONG },
  },
  {
    rule: "the place of the noun a count goes to, two words on",
    lang: "ko",
    text: "북한 노동자 1만 명 이상이 러시아 건설 현장에 투입됐다.",
    kind: "worker_count",
    expect: { min: 10000, place: RUSSIA },
  },
  {
    rule: "a country contrasted in English keeps its own figure",
    lang: "en",
    text: "Officials said 40,000 North Koreans work in Russia, while in China the figure is 70,000.",
    kind: "worker_count",
    expect: { min: 70000, place: null },
  },
  {
    rule: "Russia's figure stays Russia's",
    lang: "ko",
    text: "러시아 측은 북한 노동자가 3만 명이라고 밝혔지만 중국에는 약 5만 명이 있는 것으로 추정된다.",
    kind: "worker_count",
    expect: { min: 30000, place: RUSSIA },
  },
  {
    rule: "China's figure is not Russia's",
    lang: "ko",
    text: "러시아 측은 북한 노동자가 3만 명이라고 밝혔지만 중국에는 약 5만 명이 있는 것으로 추정된다.",
    kind: "worker_count",
    expect: { min: 50000, place: null },
  },
  {
    rule: "China's figure is not Russia's",
    lang: "zh",
    text: "俄罗斯有3万名朝鲜工人,中国约有5万人。",
    kind: "worker_count",
    expect: { min: 50000, place: null },
  },
  {
    rule: "workers overseas are in no city",
    lang: "zh",
    text: "丹东是边境城市,约6万名朝鲜工人在海外工作。",
    kind: "worker_count",
    expect: { min: 60000, place: null },
  },
  {
    rule: "workers abroad are in no city",
    lang: "en",
    text: "In Dandong, officials estimate that 100,000 North Koreans work abroad.",
    kind: "worker_count",
    expect: { min: 100000, place: null },
  },
  {
    rule: "a place after a closing quote is the reporter's, not the count's",
    lang: "ko",
    text: "“한 수산물 공장에 35명의 북한 여성들이 고용됐다”는 소식통의 발언으로 볼 때 단둥에도 북한 노동자가 많다.",
    kind: "worker_count",
    expect: { min: 35, place: null },
  },
  {
    rule: "a city in 'a Tumen factory'",
    lang: "en",
    text: "Twenty to thirty North Korean women sewed uniforms in a Tumen factory.",
    kind: "worker_count",
    expect: { min: 20, max: 30, place: TUMEN },
  },
  {
    rule: "a Russian region outside the gazetteer",
    lang: "ko",
    text: "북한은 아무르주의 수력발전소 건설을 위해 근로자 500명씩을 보내기로 했다.",
    kind: "worker_count",
    expect: { min: 500, place: RUSSIA },
  },
  {
    rule: "a Russian region outside the gazetteer",
    lang: "en",
    text: "About 3,000 North Korean loggers work in Khabarovsk.",
    kind: "worker_count",
    expect: { min: 3000, place: RUSSIA },
  },
  // Employers and agencies, in each script.
  {
    rule: "an English company with its legal form",
    lang: "en",
    text: "Hunchun Xinhe Seafood Co. hired 120 North Korean workers.",
    kind: "employer",
    expect: { org: "Hunchun Xinhe Seafood Co." },
  },
  {
    rule: "a Korean bureau (…관리국)",
    lang: "ko",
    text: "북한 노동자들은 수산관리국과 인민보안성 산하 사업소에 소속돼 있다.",
    kind: "employer",
    expect: { org: "수산관리국" },
  },
  {
    rule: "a Korean ministry (…성)",
    lang: "ko",
    text: "북한 노동자들은 수산관리국과 인민보안성 산하 사업소에 소속돼 있다.",
    kind: "employer",
    expect: { org: "인민보안성" },
  },
  {
    rule: "a Chinese bureau (…总局), cut after 由",
    lang: "zh",
    text: "这些朝鲜工人由朝鲜对外建设总局派遣。",
    kind: "employer",
    expect: { org: "朝鲜对外建设总局" },
  },
  {
    rule: "a sanctions committee is no employer",
    lang: "zh",
    text: "联合国安理会制裁委员会调查了在丹东工作的朝鲜工人。",
    kind: "employer",
    expect: null,
  },
  // Deadlines: an obligation with its date, not a return already made or planned.
  {
    rule: "were to be sent home by a date",
    lang: "en",
    text: "All North Korean workers were to be sent home by Dec. 22, 2019.",
    kind: "deadline",
    expect: { from: "2019-12-22", to: "2019-12-22" },
  },
  {
    rule: "supposed to have returned home by the end of a year",
    lang: "en",
    text: "The workers were supposed to have returned home by the end of 2019.",
    kind: "deadline",
    expect: { to: "2019-12-31" },
  },
  {
    rule: "a return already made is no deadline",
    lang: "en",
    text: "About 170 of the workers returned home by train last week.",
    kind: "deadline",
    expect: null,
  },
  {
    rule: "까지 귀국해야",
    lang: "ko",
    text: "북한 노동자들은 2019년 12월 22일까지 귀국해야 한다.",
    kind: "deadline",
    expect: { from: "2019-12-22", to: "2019-12-22" },
  },
  {
    rule: "a return already made is no deadline",
    lang: "ko",
    text: "북한 노동자 500명이 지난해 말까지 귀국했다.",
    kind: "deadline",
    expect: null,
  },
  {
    rule: "必须…前回国",
    lang: "zh",
    text: "朝鲜工人必须在2019年12月22日前回国。",
    kind: "deadline",
    expect: { from: "2019-12-22", to: "2019-12-22" },
  },
  {
    rule: "a plan to return is no deadline",
    lang: "zh",
    text: "北韩计划年底前让8万人回国。",
    kind: "deadline",
    expect: null,
  },
  // Visa practices.
  {
    rule: "a visa run with its period",
    lang: "en",
    text: "The workers cross to Sinuiju every month to renew their visas.",
    kind: "visa_practice",
    expect: { days: 30 },
  },
  {
    rule: "entry and stay",
    lang: "ko",
    text: "러시아 기업들은 북한 노동자의 입국과 체류를 돕고 있다.",
    kind: "visa_practice",
    expect: {},
  },
  {
    rule: "a renewal every three months",
    lang: "zh",
    text: "朝鲜工人每三个月须回国一次更新签证。",
    kind: "visa_practice",
    expect: { days: 90 },
  },
  {
    rule: "visa holders counted state no practice",
    lang: "ko",
    text: "러시아는 취업비자를 보유한 북한 국적자가 1만 명으로 줄었다고 보고했다.",
    kind: "visa_practice",
    expect: null,
  },
  {
    rule: "visa holders counted state no practice",
    lang: "en",
    text: "Russia said holders of work permits from North Korea fell to 11,000.",
    kind: "visa_practice",
    expect: null,
  },
  // Movement restrictions.
  {
    rule: "under watch",
    lang: "ko",
    text: "북한 노동자들은 보위부 요원의 감시를 받으며 일한다.",
    kind: "movement_restriction",
    expect: {},
  },
  {
    rule: "마감시한 holds no watch",
    lang: "ko",
    text: "유엔이 정한 송환 마감시한이 지났다.",
    kind: "movement_restriction",
    expect: null,
  },
  {
    rule: "watched by agents",
    lang: "en",
    text: "The North Korean workers are watched by security agents day and night.",
    kind: "movement_restriction",
    expect: {},
  },
  {
    rule: "barbed wire and no going out",
    lang: "zh",
    text: "工厂四周有铁丝网,朝鲜工人不能外出。",
    kind: "movement_restriction",
    expect: {},
  },
  // Incidents.
  {
    rule: "an escape",
    lang: "ko",
    text: "북한 노동자 십여 명이 훈춘 공장에서 탈출했다.",
    kind: "incident",
    expect: { place: HUNCHUN },
  },
  // Noise: telephone numbers are no counts.
  {
    rule: "a telephone number",
    lang: "zh",
    text: "电话:0433-7512345,珲春有500名朝鲜工人。",
    kind: "worker_count",
    expect: { min: 500, place: HUNCHUN },
  },
];

// Rows whose text must yield exactly these counts and nothing else from its digits.
const ONLY_COUNTS: { rule: string; text: string; values: number[] }[] = [
  {
    rule: "an international telephone number",
    text: "Call +86 433 751 2345. About 300 North Korean workers are in Hunchun.",
    values: [300],
  },
  {
    rule: "a trunk-prefixed number after its label",
    text: "电话:0433-7512345,珲春有500名朝鲜工人。",
    values: [500],
  },
  {
    rule: "a Korean telephone number",
    text: "문의 전화 02-123-4567. 훈춘에 북한 노동자 300명이 있다.",
    values: [300],
  },
];

function matches(c: ClaimDraft, e: Expected): boolean {
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

describe("evidence: one sentence per reading rule, in three languages", () => {
  for (const row of ROWS) {
    it(`${row.lang} · ${row.rule}`, () => {
      const claims = suggestClaims(row.text, { places, published: row.published ?? "2019-06-20" });
      const ofKind = claims.filter((c) => c.kind === row.kind);
      const seen = JSON.stringify(
        ofKind.map((c) => ({
          min: c.valueMin,
          max: c.valueMax,
          place: c.placeId,
          from: c.periodStart,
          to: c.periodEnd,
          org: c.organisation,
        })),
      );
      if (row.expect === null) assert.equal(ofKind.length, 0, `no ${row.kind}: ${seen}`);
      else
        assert.ok(
          ofKind.some((c) => matches(c, row.expect!)),
          `${row.kind} ${JSON.stringify(row.expect)} in ${seen}`,
        );
    });
  }
  for (const row of ONLY_COUNTS) {
    it(`noise · ${row.rule}`, () => {
      const values = suggestClaims(row.text, { places, published: "2019-06-20" })
        .filter((c) => c.kind === "worker_count")
        .map((c) => c.valueMin ?? c.valueMax);
      assert.deepEqual(values, row.values);
    });
  }
});
