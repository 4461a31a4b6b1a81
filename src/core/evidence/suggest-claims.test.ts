/**
 * The readings real reports need, case by case: official counts in running text, bare counts,
 * number words and ranges, bounds, periods against the document's date, employers, visa runs,
 * deadlines; and the noise that must never become a claim (URLs, coded names, dates, bylines,
 * rivers). The place index is built from a two-city gazetteer so the test needs no files.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  buildPlaceIndex,
  type ClaimDraft,
  findCjkQuantities,
  findDates,
  findEnglishQuantities,
  maskNoise,
  suggestClaims,
} from "./index.js";

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

const suggest = (text: string, published = "2019-12-20") =>
  suggestClaims(text, { places, published });
const counts = (claims: ClaimDraft[]) =>
  claims
    .filter((c) => c.kind === "worker_count")
    .map((c) => [c.valueMin, c.valueMax, c.placeId, c.periodStart, c.periodEnd]);

describe("evidence: suggestions from real prose", () => {
  it("places a count by its own clause before the rest of the sentence", () => {
    assert.deepEqual(
      counts(
        suggest("In Tumen, 500 North Korean workers sew garments, while others moved to Dandong."),
      ),
      [[500, 500, "cn-jl-tumen", null, null]],
    );
  });

  it("a host state's ministry or committee is an employer only when said to employ or send", () => {
    const employers = (t: string) =>
      suggest(t)
        .filter((c) => c.kind === "employer")
        .map((c) => c.organisation);
    assert.deepEqual(
      employers("The 200 North Korean workers in Tumen are registered with the Ministry of Labor."),
      [],
    );
    assert.deepEqual(
      employers("The Ministry of Labor employs 200 North Korean workers in Tumen."),
      ["Ministry of Labor"],
    );
    assert.deepEqual(employers("俄联邦安全局滨海边疆区总局表示,30名朝鲜工人在工地工作。"), []);
  });

  it("reads both ends of a fall in a head count", () => {
    assert.deepEqual(
      counts(
        suggest("The number of North Korean workers in Tumen decreased from 34,000 to 11,000."),
      ).map((c) => c[0]),
      [34000, 11000],
    );
  });

  it("a headline's statement yields to the body's statement of the same kind", () => {
    const claims = suggest(
      "North Korean workers deported from Dandong\n\nPolice in Dandong deported 20 North Korean workers in 2019 after a protest at the factory.",
    );
    assert.deepEqual(
      claims.filter((c) => c.kind === "incident").map((c) => c.quote.slice(0, 10)),
      ["Police in "],
    );
  });

  it("reads official counts, bare counts, number words and bounds", () => {
    assert.deepEqual(
      counts(
        suggest(
          "Russia reported that North Korean workers declined from 30,023 at the end of 2017 to 11,490 at the end of 2018.",
        ),
      ),
      [
        [30023, 30023, "region-russia", "2017-10-01", "2017-12-31"],
        [11490, 11490, "region-russia", "2018-10-01", "2018-12-31"],
      ],
    );
    assert.deepEqual(
      counts(
        suggest(
          "Of the 300 North Korean workers at the plant, 170 were forced to return home. The remaining 130 are also likely to be sent back.",
        ),
      ),
      [
        [170, 170, null, null, null],
        [130, 130, null, null, null],
      ],
    );
    assert.deepEqual(
      counts(suggest("The company employs between fifty and seventy North Koreans.")),
      [[50, 70, null, null, null]],
    );
    assert.deepEqual(counts(suggest("The rules apply to workforces of 200 people or less.")), [
      [null, 200, null, null, null],
    ]);
    const q = (s: string) => findCjkQuantities(s).map((x) => [x.min, x.max, x.qualifier]);
    assert.deepEqual(q("两万名工人"), [[20000, 20000, "exact"]]);
    assert.deepEqual(q("中國12萬人"), [[120000, 120000, "exact"]]);
    assert.deepEqual(q("약 3000명의 북한 노동자"), [[3000, 3000, "approx"]]);
    assert.deepEqual(q("约50至70名朝鲜工人"), [[50, 70, "range"]]);
    assert.deepEqual(
      findEnglishQuantities("about a hundred-thousand workers").map((x) => x.min),
      [100000],
    );
  });

  it("dates periods against the document's own date, in three languages", () => {
    const d = (s: string, p: string) => findDates(s, 0, s.length, p).map((x) => [x.from, x.to]);
    assert.deepEqual(d("in October", "2019-06-24"), [["2018-10-01", "2018-10-31"]]);
    assert.deepEqual(d("今年5月", "2019-06-24"), [["2019-05-01", "2019-05-31"]]);
    assert.deepEqual(d("올해 3월까지", "2025-06-27"), [["2025-03-01", "2025-03-31"]]);
    assert.deepEqual(d("지난달 28일에서 29일", "2024-09-11"), [["2024-08-28", "2024-08-29"]]);
    // "between A and B" is one period, like "from A to B"; the quote keeps the words as written.
    assert.deepEqual(d("Between 11 and 14 January 2024, workers struck", "2024-03-01"), [
      ["2024-01-11", "2024-01-14"],
    ]);
    assert.deepEqual(d("between January 11 and 14, 2024", "2024-03-01"), [
      ["2024-01-11", "2024-01-14"],
    ]);
    assert.equal(
      findDates("Between 11 and 14 January 2024", 0, 31, null)[0]?.text,
      "11 and 14 January 2024",
    );
    assert.deepEqual(d("by Dec. 22 last year", "2020-01-15"), [
      ["2019-12-22", "2019-12-22"],
      ["2019-01-01", "2019-12-31"],
    ]);
  });

  it("finds deadlines, visa runs and employers as claims", () => {
    const dl = suggest("The workers were supposed to go back to North Korea by Dec. 22, 2019.");
    assert.ok(dl.some((c) => c.kind === "deadline" && c.periodStart === "2019-12-22"));
    const visa = suggest(
      "Workers extend their stay in China by traveling to Sinuiju or Macao every month.",
    );
    assert.ok(visa.some((c) => c.kind === "visa_practice" && c.valueMin === 30));
    const emp = suggest(
      "Donggang Jinhui Foodstuff, a seafood-processing company in Dandong, employs North Korean workers.",
    );
    assert.ok(
      emp.some(
        (c) =>
          c.kind === "employer" &&
          c.organisation === "Donggang Jinhui Foodstuff" &&
          c.placeId === "cn-ln-dandong",
      ),
    );
  });
});

describe("evidence: worker nouns by class", () => {
  it("medical staff sent abroad are workers in the three languages; 의사결정 (decision) is not", () => {
    const values = (t: string) => counts(suggest(t)).map((c) => c[0]);
    assert.deepEqual(values("북한은 앙골라에 의사 30명을 추가로 파견할 계획이다."), [30]);
    assert.deepEqual(values("현지에는 북한 의료진 25명이 거주하고 있다."), [25]);
    assert.deepEqual(values("朝鲜向安哥拉派遣了40名医生。"), [40]);
    assert.deepEqual(values("North Korea sent 60 physicians to Angola."), [60]);
    assert.deepEqual(values("위원회는 30명의 의사결정권자로 구성된다."), []);
  });
});

describe("evidence: suggestions from Korean and Chinese prose", () => {
  it("reads Korean and Chinese counts with bare units, bounds after the noun, and restated figures once", () => {
    const q = (s: string) => findCjkQuantities(s).map((x) => [x.min, x.max, x.qualifier]);
    assert.deepEqual(q("만천 200명"), [[11200, 11200, "exact"]]);
    assert.deepEqual(q("만6천 104명"), [[16104, 16104, "exact"]]);
    assert.deepEqual(q("2만명을 넘는 노동자"), [[20000, null, "at_least"]]);
    assert.deepEqual(q("不足5千名工人"), [[null, 5000, "at_most"]]);
    assert.deepEqual(q("至少有45名工人"), [[45, null, "at_least"]]);
    assert.deepEqual(q("9万劳动者"), [[90000, 90000, "exact"]]);
    assert.deepEqual(
      counts(suggest("在丹东的工人中,约5万在丹东市区,2万在郊区。")).map((c) => c[0]),
      [50000, 20000],
    );
    // A room's size and a shortage are not head counts.
    assert.deepEqual(counts(suggest("丹东的朝鲜工人住在约8人一间的宿舍。")), []);
    assert.deepEqual(counts(suggest("훈춘의 공장들은 3천 명의 노동자 부족을 겪고 있다.")), []);
    assert.deepEqual(
      counts(suggest("The Dandong plants face a shortage of 3,000 workers, managers said.")),
      [],
    );
    // One figure stated with and without its bound is one suggestion, the bounded one.
    assert.deepEqual(
      counts(
        suggest(
          "훈춘에 북한 노동자 3000명이 있다. 소식통은 훈춘의 북한 노동자가 3000명 미만이라고 했다.",
        ),
      ),
      [[null, 3000, "cn-jl-hunchun", null, null]],
    );
    // "중국의 …": a country in the genitive does not take the count from the city before it.
    assert.deepEqual(
      counts(
        suggest(
          "단둥에서도 약 2천 명의 북한 노동자가 일하는 등 중국의 북한 인력 고용이 늘고 있다.",
        ),
      ),
      [[2000, 2000, "cn-ln-dandong", null, null]],
    );
  });

  it("tells a repatriation obligation from a repatriation done, and finds deaths as incidents", () => {
    const kinds = (s: string) => suggest(s).map((c) => [c.kind, c.periodEnd]);
    assert.deepEqual(
      kinds("결의는 회원국이 2019년 말까지 북한 노동자를 모두 돌려보내도록 했다.").filter(
        ([k]) => k === "deadline",
      ),
      [["deadline", "2019-12-31"]],
    );
    assert.deepEqual(
      kinds("중국은 지난해 말까지 북한 노동자 5천 명을 송환했다.").filter(
        ([k]) => k === "deadline",
      ),
      [],
    );
    assert.deepEqual(
      kinds("决议要求各国在2019年将朝鲜劳工全部送回朝鲜。").filter(([k]) => k === "deadline"),
      [["deadline", "2019-12-31"]],
    );
    assert.ok(
      suggest("2018年3月,一名朝鲜工人在丹东的工厂宿舍里猝死。").some((c) => c.kind === "incident"),
    );
    assert.ok(
      suggest("丹东的工厂以研修生的名义雇用朝鲜工人。").some((c) => c.kind === "visa_practice"),
    );
    assert.ok(
      !suggest("다른 회사에서 일하는 북한 노동자들도 있다.").some((c) => c.kind === "employer"),
    );
  });

  it("places Korean counts by the noun they go to and by 이 공장; ethnic Koreans of China and other people's flight are no claims", () => {
    assert.deepEqual(counts(suggest("북한 여성 60명이 중국 훈춘(琿春)시 의류공장에 취업했다.")), [
      [60, 60, "cn-jl-hunchun", null, null],
    ]);
    assert.deepEqual(
      counts(
        suggest("훈춘시 외곽의 한 수산물 공장.\n\n이 공장에는 200여 명의 북한 노동자가 있다."),
      ),
      [[200, null, "cn-jl-hunchun", null, null]],
    );
    assert.deepEqual(counts(suggest("延边的工厂里有约2万名中国朝鲜族工人。")), []);
    assert.deepEqual(counts(suggest("훈춘 공장에서 일하는 5천 명의 조선족 노동자")), []);
    assert.ok(
      !suggest("许多朝鲜人越过图们江逃往中国。").some((c) => c.kind === "incident"),
      "a defection that is not a worker's",
    );
    assert.ok(
      suggest("丹东工厂的朝鲜工人逃跑了。").some((c) => c.kind === "incident"),
      "a worker's flight",
    );
  });

  it("never makes a claim from URLs, coded names, dates, bylines or rivers", () => {
    assert.deepEqual(
      counts(
        suggest(
          "https://rfa.org/english/news/korea/north-korea-dispatched-workers-china-sanctions-09162024170815.html\n\nNorth Korean workers were seen.",
        ),
      ),
      [],
    );
    assert.deepEqual(
      counts(suggest("Factories kept North Korean workers during COVID-19 lockdowns.")),
      [],
    );
    assert.deepEqual(
      counts(suggest("On Aug 28 and 29, the workers arrived in Hunchun.", "2024-09-16")),
      [],
    );
    assert.deepEqual(
      counts(suggest("2024.10.28\n\nNorth Korean workers in Hunchun went on strike.")),
      [],
    );
    assert.deepEqual(counts(suggest("North Korean workers came in 2017-09.")), []);
    assert.deepEqual(
      counts(suggest("In Hunchun, about 400 North Korean workers live along the Tumen river.")),
      [[400, 400, "cn-jl-hunchun", null, null]],
      "the river is not where the workers are; the city is",
    );
    assert.doesNotMatch(maskNoise("see www.rfa.org [1084] at 09:36 or a@b.kr"), /\d|rfa|@/);
  });
});

describe("evidence: idioms and the wider scene are no incident or deadline", () => {
  const kinds = (t: string) => suggest(t).map((c) => c.kind);
  it("an idiom, a war between others, a place's borders", () => {
    assert.ok(
      !kinds(
        "At a time when North Korea is under fire for its nuclear program, nearly 400 North Korean women are working in Czech factories.",
      ).includes("incident"),
    );
    assert.ok(
      !kinds(
        "More than 200 North Korean workers are still working in Libya, despite ongoing violence between rebels and forces loyal to Gadhafi.",
      ).includes("incident"),
    );
    assert.ok(
      !kinds(
        "About 300 North Korean workers in Oman have repatriated, as countries grow wary of forced laborers within their borders.",
      ).includes("deadline"),
    );
  });
  it("while a fire, violence against workers and a term to send them home still count", () => {
    assert.ok(kinds("A fire at the dormitory killed 3 North Korean workers.").includes("incident"));
    assert.ok(
      kinds("Managers used violence against the North Korean workers in Tumen.").includes(
        "incident",
      ),
    );
    assert.ok(
      kinds("The North Korean workers are to be repatriated within two months.").includes(
        "deadline",
      ),
    );
  });
});

describe("evidence: surveillance said with an adverb or an idiom restricts movement", () => {
  it("closely monitored, kept on a tight leash, kept away from the population", () => {
    for (const t of [
      "The North Korean workers in Ulaanbaatar are closely monitored by their managers.",
      "The 400 North Korean women are kept on a tight leash by government agents.",
      "North Korean workers are kept away from the local population.",
      "North Korean workers are watched and controlled by the DPRK authorities.",
    ])
      assert.ok(
        suggest(t).some((c) => c.kind === "movement_restriction"),
        t,
      );
    assert.ok(
      !suggest("The North Korean workers are kept busy by their managers.").some(
        (c) => c.kind === "movement_restriction",
      ),
    );
  });
});

describe("evidence: workers barred from going home are restricted in movement", () => {
  it("an order not to return, in English and Chinese", () => {
    for (const t of [
      "Pyongyang ordered its 200 workers in Libya not to return home.",
      "North Korea is resisting their return from Libya, where 200 workers remain.",
      "朝鲜禁止200名在利比亚的劳工返国。",
      "北韩已下令在利比亚的200名工人不用返国。",
    ])
      assert.ok(
        suggest(t).some((c) => c.kind === "movement_restriction"),
        t,
      );
    assert.ok(
      !suggest("The 200 North Korean workers in Libya returned home in May.").some(
        (c) => c.kind === "movement_restriction",
      ),
    );
  });
});

describe("evidence: 劳动者 names workers", () => {
  it("an arrest of a 劳动者 is the workers' incident", () => {
    assert.ok(suggest("北韩劳动者崔某近期被警察逮捕。").some((c) => c.kind === "incident"));
    assert.ok(
      !suggest("一名游客近期被警察逮捕。").some((c) => c.kind === "incident"),
      "an arrest of someone else",
    );
  });
});

describe("evidence: page furniture", () => {
  it("never makes a claim from a photo caption that credits its picture in words", () => {
    const body = "\n\nAbout 300 North Korean workers in Oman went home, the report said.";
    for (const caption of [
      "Kim Jong Un deploys tens of thousands of forced laborers overseas. File Photo by Rodong Sinmun",
      "Some 2,000 North Korean workers at a Dandong factory. Photo courtesy of Daily NK",
      "Some 2,000 North Korean workers board a bus in Dandong. UPI Photo",
      "图为在丹东工厂工作的2000名朝鲜工人。",
      "在丹东工厂工作的2000名朝鲜工人。【照片来源:美联社】",
    ]) {
      const claims = suggest(caption + body).filter((c) => c.kind === "worker_count");
      assert.deepEqual(
        claims.map((c) => c.valueMin),
        [300],
        `only the body's count, not the caption's: ${caption}`,
      );
    }
  });
});

const ofKind = (text: string, kind: ClaimDraft["kind"]) =>
  suggestClaims(text, { places, published: "2019-06-20" }).filter((c) => c.kind === kind);

describe("evidence: workers caught over their papers are an incident, not a visa practice", () => {
  it("caught (적발), detained or deported for expired visas", () => {
    for (const text of [
      "만료된 비자로 식당에서 일하던 북한 노동자 14명이 단둥에서 적발됐다.",
      "Police in Dandong detained 14 North Korean workers whose visas had expired.",
    ]) {
      assert.equal(ofKind(text, "incident").length, 1, text);
      assert.equal(ofKind(text, "visa_practice").length, 0, text);
    }
    // Visas with no enforcement stay a visa practice.
    assert.equal(
      ofKind("북한 노동자들은 만료된 비자로 단둥의 식당에서 일하고 있다.", "visa_practice").length,
      1,
    );
  });
});

describe("evidence: one incident per event", () => {
  // An incident named again through a demonstrative is one claim; a paragraph tells one
  // incident, and the next paragraph may tell another.
  const rows: [string, string, number][] = [
    [
      "en",
      "Last month 3,000 North Korean workers in Hunchun staged a protest over unpaid wages. Reuters could not verify these protests.",
      1,
    ],
    ["zh", "上个月,珲春的3000名朝鲜工人因拖欠工资举行了抗议。路透社无法独立证实这些抗议活动。", 1],
    [
      "ko",
      "지난달 훈춘의 북한 노동자 3천 명이 임금 체불에 항의해 시위를 벌였다. 로이터는 이번 시위를 독자적으로 확인하지 못했다.",
      1,
    ],
    [
      "en",
      "In January, North Korean workers in Helong went on strike over unpaid wages. They took managers hostage. One of the hostages was killed.\n\nIn March, 20 North Korean workers escaped from a factory in Dandong.",
      2,
    ],
    [
      "zh",
      "今年1月,和龙的朝鲜工人因拖欠工资罢工。他们劫持了管理人员。一名人质死亡。\n\n今年3月,20名朝鲜工人从丹东的一家工厂逃跑。",
      2,
    ],
    [
      "ko",
      "올해 1월 허룽의 북한 노동자들이 임금 체불로 파업을 벌였다. 이들은 관리자를 인질로 잡았다. 인질 한 명이 숨졌다.\n\n올해 3월 북한 노동자 20명이 단둥의 공장에서 탈출했다.",
      2,
    ],
  ];
  for (const [lang, text, events] of rows)
    it(`${lang}: ${events}`, () => {
      const incidents = ofKind(text, "incident");
      assert.equal(incidents.length, events, JSON.stringify(incidents.map((c) => c.quote)));
    });
});

describe("evidence: an employer named several times is quoted where it is said to employ", () => {
  const rows: [string, string, string][] = [
    [
      "en",
      "Reporters have long followed Korea Chinson General Corporation in Africa. Korea Chinson General Corporation continue to provide North Korean workers to builders in Nigeria.",
      "continue to provide",
    ],
    [
      "zh",
      "朝鲜银河贸易有限公司近年受到关注。朝鲜银河贸易有限公司向尼日利亚派遣了朝鲜工人。",
      "派遣",
    ],
    [
      "ko",
      "조선은하무역회사는 오래전부터 알려졌다. 조선은하무역회사는 나이지리아에 북한 노동자를 보냈다.",
      "나이지리아",
    ],
  ];
  for (const [lang, text, mark] of rows)
    it(lang, () => {
      const employers = ofKind(text, "employer");
      assert.equal(employers.length, 1, JSON.stringify(employers.map((c) => c.quote)));
      const at = [...text.slice(0, text.indexOf(mark))].length;
      const sentenceStart = Math.max(
        text.lastIndexOf(".", text.indexOf(mark)),
        text.lastIndexOf("。", text.indexOf(mark)),
      );
      assert.ok(
        employers[0]!.start > [...text.slice(0, sentenceStart)].length && employers[0]!.start < at,
        `${employers[0]!.quote} at ${employers[0]!.start}`,
      );
    });
});

describe("evidence: a figure repeated is one claim", () => {
  it("a figure repeated is quoted where the workers are named, not as a bare figure", () => {
    const claims = suggest(
      "Some 72 North Koreans employed by 11 companies work in Malta, officials said. The number of them rose from 22 in 2014 to 72 in 2015.",
    ).filter((c) => c.kind === "worker_count" && c.valueMin === 72);
    assert.deepEqual(
      claims.map((c) => c.quote),
      ["Some 72 North Koreans"],
    );
  });
});

describe("evidence: one group told at each step is one count", () => {
  it("the same bounds a day apart are one figure; other bounds in the next month are two", () => {
    const korean = suggest(
      "단둥 경찰은 지난 3일 북한 노동자 16명을 구속했다. 단둥 당국은 지난 4일 북한 노동자 16명을 추방했다.",
      "2020-01-05",
    ).filter((c) => c.kind === "worker_count");
    assert.equal(korean.length, 1, JSON.stringify(korean));
    const chinese = suggest(
      "朝鲜已于上月向丹东派遣了超过5000名工人。朝鲜自9月起已派遣大约5000名工人到丹东。",
      "2025-11-05",
    ).filter((c) => c.kind === "worker_count");
    assert.deepEqual(
      chinese.map((c) => [c.valueMin, c.valueMax]),
      [
        [5000, null],
        [5000, 5000],
      ],
    );
  });
});

describe("evidence: accidental deaths and flight by class", () => {
  it("a fall to death, grave injury and running off are the workers' incidents", () => {
    for (const text of [
      "러시아 건설 현장에서 북한 근로자 2명이 화물 승강기에서 추락사했습니다.",
      "北韩劳工在工地从高处坠落。",
      "一对北韩医生夫妻在利比亚被炸成重伤。",
      "朝鲜劳工去年集体脱逃。",
    ])
      assert.ok(
        suggest(text).some((c) => c.kind === "incident"),
        text,
      );
    assert.ok(
      !suggest("북한 노동자 단체는 중상모략을 당했다고 주장했다.").some(
        (c) => c.kind === "incident",
      ),
      "중상모략 is slander",
    );
  });
});
