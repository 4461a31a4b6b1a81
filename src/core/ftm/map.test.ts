import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkEntity, checkFtmLines, loadFtmModel } from "../../../test/helpers/ftm-model.js";
import {
  type FtmContext,
  type FtmEntity,
  ftmCountry,
  ftmDate,
  ftmGender,
  ftmHashId,
  ftmId,
  ftmTextChunks,
  mapAlert,
  mapCohort,
  mapCohortMember,
  mapCohortSponsor,
  mapPerson,
  mapSponsor,
  mapStay,
  type PersonRow,
} from "./index.js";

const model = loadFtmModel();

const ports = new Map([
  ["cn-jl-hunchun-quanhe", { name: "Quanhe port", country: "CHN" }],
  ["cn-ln-dandong-friendship-bridge", { name: "Sino-Korean Friendship Bridge", country: "CHN" }],
]);
const masked: FtmContext = { unmask: false, threshold: 0.5, deadline: "2019-12-22", ports };
const unmasked: FtmContext = { ...masked, unmask: true };

const person: PersonRow = {
  person_id: "P-ABCDEFGHIJKLMNOP",
  names: ["KIM YONG CHOL", "김영철", "Kim Yong-chol"],
  birth_date: "1985-04-12",
  sex: "M",
  nationality: "PRK",
  labor_score: 0.93,
  indicators: ["present 310 nights in 365 days", "crosses with a rotating labour team"],
  documents: [
    {
      doc_number: "836123086",
      doc_type: "passport",
      nationality: "PRK",
      first_seen: "2019-01-03",
      last_seen: "2020-05-01",
    },
    {
      doc_number: "PS123456789",
      doc_type: "official_passport",
      nationality: "PRK",
      first_seen: "2020-06-01",
      last_seen: "2021-02-01",
    },
    {
      doc_number: "BP00000004",
      doc_type: "border_pass",
      nationality: "PRK",
      first_seen: "2019-01-03",
      last_seen: "2019-01-04",
    },
  ],
};

function sample(ctx: FtmContext): FtmEntity[] {
  return [
    ...mapPerson(person, ctx),
    mapSponsor(
      {
        sponsor_key: "珲春市大成服装有限公司",
        names: ["珲春市大成服装有限公司", "HUNCHUN DACHENG GARMENT CO LTD"],
        persons: 40,
        likely_workers: 38,
        first_seen: "2018-01-01",
        last_seen: "2021-03-01",
        workers_after_deadline: 30,
        status: "continued-after-deadline",
      },
      ctx,
    ),
    mapCohort(
      {
        cohort_id: "K-2AFBC7D8226D",
        kind: "labor-team",
        ports: ["cn-jl-hunchun-quanhe", "cn-xx-unknown"],
        sponsors: ["珲春市大成服装有限公司"],
        first_seen: "2018-01-03",
        last_seen: "2019-04-05",
        movements: [
          { date: "2018-01-03", port: "cn-jl-hunchun-quanhe", direction: "entry", members: 38 },
        ],
        members: 1,
      },
      ctx,
    ),
    mapCohortMember({
      cohort_id: "K-2AFBC7D8226D",
      person_id: person.person_id,
      role: "core",
      first_seen: "2018-01-03",
      last_seen: "2019-04-05",
    }),
    mapCohortSponsor({
      cohort_id: "K-2AFBC7D8226D",
      sponsor_key: "珲春市大成服装有限公司",
      spellings: ["珲春市大成服装有限公司"],
    }),
    mapAlert({
      alert_id: "cohort-rotation-007a2ba447b5",
      rule: "cohort-rotation",
      rule_version: 1,
      score: 0.65,
      person_id: person.person_id,
      cohort_id: "K-2AFBC7D8226D",
      period_start: "2018-01-01",
      period_end: "2018-02-28",
      summary: "Crossed with labour team K-2AFBC7D8226D on 3 of its crossings.",
      record_ids: ["hunchun-quanhe-bi:QH0000000157", "hunchun-quanhe-bi:QH0000000202"],
    }),
    mapStay(
      {
        person_id: person.person_id,
        port_in: "cn-jl-hunchun-quanhe",
        port_out: null,
        entered_on: "2019-11-26",
        exited_on: null,
        days: 40,
        record_ids: ["hunchun-quanhe-bi:QH0000003737"],
        flags: ["open-at-end"],
      },
      ctx,
    ),
  ];
}

describe("FtM mapping", () => {
  test("every entity passes the FtM 3.8.4 model, masked and unmasked", () => {
    for (const [ctx, n] of [
      [masked, 7],
      [unmasked, 10], // + two Passports and an Identification
    ] as const) {
      const text = sample(ctx)
        .map((e) => JSON.stringify(e))
        .join("\n");
      const { entities, issues } = checkFtmLines(model, text);
      assert.deepEqual(issues, []);
      assert.equal(entities.length, n);
    }
  });

  test("masked person: pseudonymous id as name, birth year, no names or document numbers", () => {
    const entities = mapPerson(person, masked);
    assert.equal(entities.length, 1);
    const [p] = entities;
    assert.deepEqual(p?.properties.name, ["P-ABCDEFGHIJKLMNOP"]);
    assert.deepEqual(p?.properties.birthDate, ["1985"]);
    assert.deepEqual(p?.properties.nationality, ["kp"]);
    assert.deepEqual(p?.properties.gender, ["male"]);
    const json = JSON.stringify(entities);
    for (const secret of ["KIM", "김영철", "836123086", "PS123456789", "BP00000004", "04-12"])
      assert.ok(!json.includes(secret), `masked export leaks ${secret}`);
    // The report's masked forms are not written either: they would match unrelated people.
    assert.ok(!json.includes("*"));
  });

  test("unmasked person: names, full birth date, passports and other documents", () => {
    const [p, ...docs] = mapPerson(person, unmasked);
    assert.deepEqual(p?.properties.name, ["KIM YONG CHOL"]);
    assert.deepEqual(p?.properties.alias, ["김영철", "Kim Yong-chol"]);
    assert.deepEqual(p?.properties.birthDate, ["1985-04-12"]);
    assert.deepEqual(p?.properties.passportNumber, ["836123086", "PS123456789"]);
    assert.deepEqual(p?.properties.idNumber, ["BP00000004"]);
    assert.deepEqual(
      docs.map((d) => [d.schema, d.properties.number?.[0], d.properties.holder?.[0]]),
      [
        ["Passport", "836123086", p?.id],
        ["Passport", "PS123456789", p?.id],
        ["Identification", "BP00000004", p?.id],
      ],
    );
    // Document ids do not contain the number.
    for (const d of docs) assert.ok(!d.id.includes(d.properties.number?.[0] ?? "?"));
  });

  test("ids are stable, namespaced and valid FtM ids", () => {
    assert.equal(ftmId("person", "P-ABC"), "sojourn-person-P-ABC");
    assert.equal(ftmId("x", "a b/c_d"), "sojourn-x-a-b-c-d");
    assert.equal(ftmHashId("sponsor", "珲春市"), ftmHashId("sponsor", "珲春市"));
    assert.notEqual(ftmHashId("sponsor", "珲春市"), ftmHashId("sponsor", "延吉市"));
    assert.match(ftmHashId("sponsor", "珲春市"), /^sojourn-sponsor-[0-9a-f]{16}$/);
    assert.deepEqual(sample(masked), sample(masked));
  });

  test("countries, genders and dates in FtM form", () => {
    assert.equal(ftmCountry("PRK"), "kp");
    assert.equal(ftmCountry("chn"), "cn");
    assert.equal(ftmCountry("XXX"), undefined);
    assert.equal(ftmCountry(null), undefined);
    assert.deepEqual(["M", "F", "X", "?", null].map(ftmGender), [
      "male",
      "female",
      "other",
      undefined,
      undefined,
    ]);
    assert.equal(ftmDate("2019-12-22"), "2019-12-22");
    assert.equal(ftmDate("2019-12-22 10:00:00"), "2019-12-22");
    assert.equal(ftmDate("22/12/2019"), undefined);
  });

  test("long evidence lists split into text values under FtM's limit, nothing lost", () => {
    const items = Array.from({ length: 5000 }, (_, i) => `src:REC${String(i).padStart(8, "0")}`);
    const chunks = ftmTextChunks("Evidence: ", items, ", ", 1000);
    assert.ok(chunks.length > 1);
    for (const c of chunks) {
      assert.ok(c.length <= 1000, `${c.length}`);
      assert.ok(c.startsWith("Evidence: "));
    }
    const back = chunks.flatMap((c) => c.slice("Evidence: ".length).split(", "));
    assert.deepEqual(back, items);
    assert.deepEqual(ftmTextChunks("x", []), []);
  });

  test("an unknown port keeps its id as location and gives no country", () => {
    const e = mapStay(
      {
        person_id: "P-A",
        port_in: "somewhere",
        port_out: "cn-ln-dandong-friendship-bridge",
        entered_on: "2020-01-01",
        exited_on: "2020-01-20",
        days: 20,
        record_ids: ["s:1", "s:2"],
        flags: [],
      },
      masked,
    );
    assert.deepEqual(e.properties.location, ["somewhere", "Sino-Korean Friendship Bridge"]);
    assert.deepEqual(e.properties.country, ["cn"]);
    assert.equal(e.properties.keywords, undefined);
  });

  test("a sponsor's notes state the deadline of the policy the store was analysed with", () => {
    const row = {
      sponsor_key: "S",
      names: ["S"],
      persons: 4,
      likely_workers: 3,
      first_seen: null,
      last_seen: null,
      workers_after_deadline: 3,
      status: null,
    };
    const notes = (ctx: FtmContext) => String(mapSponsor(row, ctx).properties.notes);
    assert.match(notes(masked), /3 likely workers present after .* deadline \(2019-12-22\)/);
    assert.match(notes({ ...masked, deadline: "2019-06-30" }), /deadline \(2019-06-30\)/);
  });
});

describe("FtM model check (test helper)", () => {
  test("flags what the model forbids", () => {
    const bad = (e: object) => checkEntity(model, e as never);
    assert.match(bad({ id: "a", schema: "Persn", properties: {} }).join(), /unknown schema/);
    assert.match(bad({ id: "a", schema: "Thing", properties: { name: ["x"] } }).join(), /abstract/);
    assert.match(
      bad({ id: "a", schema: "Person", properties: { name: ["x"], labourScore: ["1"] } }).join(),
      /labourScore is not a property/,
    );
    assert.match(
      bad({ id: "a", schema: "Person", properties: { name: ["x"], nationality: ["PRK"] } }).join(),
      /not a country value/,
    );
    assert.match(
      bad({
        id: "a",
        schema: "Person",
        properties: { name: ["x"], birthDate: ["12/04/1985"] },
      }).join(),
      /not an FtM date/,
    );
    assert.match(
      bad({ id: "a", schema: "Person", properties: { name: ["x"], employers: ["b"] } }).join(),
      /stub/,
    );
    assert.match(
      bad({ id: "a", schema: "Person", properties: { name: "x" } }).join(),
      /non-empty array/,
    );
    assert.match(
      bad({ id: "a:b", schema: "Person", properties: { name: ["x"] } }).join(),
      /invalid id/,
    );
    assert.match(
      bad({ id: "a", schema: "Passport", properties: { number: ["1"] } }).join(),
      /required holder/,
    );
    // Inherited properties are found through `extends`: Passport → Identification → Interval.
    assert.deepEqual(
      bad({
        id: "a",
        schema: "Passport",
        properties: { holder: ["p"], number: ["1"], startDate: ["2020"] },
      }),
      [],
    );
    const refs = checkFtmLines(
      model,
      [
        { id: "n", schema: "Note", properties: { name: ["n"], entity: ["missing"] } },
        {
          id: "m",
          schema: "ProjectParticipant",
          properties: { participant: ["n"], project: ["n"] },
        },
      ]
        .map((e) => JSON.stringify(e))
        .join("\n"),
    ).issues.join("\n");
    assert.match(refs, /missing is not in the file/);
    assert.match(refs, /is a Note, not a LegalEntity/);
  });
});
