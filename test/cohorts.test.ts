/**
 * Cohorts on hand-made crossings at one city's two ports: two teams of different employers that
 * cross on the same days hours apart (and once in the same minutes), a straggler, a replacement,
 * date-only records, a stranded team's exit wave, a tour group, and a tourist whose exit fell
 * inside a team's crossing. Persons are one per document number (no identity resolution).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ANALYZE_STEPS, runPipeline } from "../src/analyze/pipeline.js";
import { createRun } from "../src/analyze/run.js";
import type { Store } from "../src/db/store.js";
import { withDb } from "./helpers/with-db.js";

/** The steps after identity: these tests write persons and person_records themselves. */
const DETECTION_STEPS = ANALYZE_STEPS.filter((s) => s.id !== "identity");

const QUANHE = "cn-jl-hunchun-quanhe";
const SHATUOZI = "cn-jl-hunchun-shatuozi";

interface Row {
  doc: string;
  /** Local date-time at UTC+8, or a bare date for a log that records dates only. */
  at: string;
  dir: "entry" | "exit";
  port?: string;
  visa: string;
  sponsor: string | null;
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

const A_SPONSOR = "珲春市大成服装有限公司";
const B_SPONSOR = "Hunchun Xinghai Seafood Co., Ltd.";
const doc = (team: string, i: number) => `PS${team}${String(i).padStart(6, "0")}`;

function scenario(): Row[] {
  const rows: Row[] = [];
  // The logs run through 2019.
  rows.push({ doc: "T0", at: "2019-01-01T10:00", dir: "entry", visa: "crew", sponsor: null });
  rows.push({ doc: "T0", at: "2019-01-01T15:00", dir: "exit", visa: "crew", sponsor: null });
  rows.push({ doc: "T9", at: "2019-12-31T10:00", dir: "entry", visa: "crew", sponsor: null });
  rows.push({ doc: "T9", at: "2019-12-31T15:00", dir: "exit", visa: "crew", sponsor: null });
  // Teams A and B: 12 each, six 25-night stays, entering on the same days — A at 09:00, B at
  // 10:30 — except cycle 3, when B's coach came in with A's. The second cycle goes through the
  // city's other port.
  for (let cycle = 0; cycle < 6; cycle++) {
    const inDay = addDays("2019-01-05", cycle * 29);
    const outDay = addDays(inDay, 25);
    const port = cycle === 1 ? SHATUOZI : QUANHE;
    for (let i = 1; i <= 12; i++) {
      // A: member 12 is replaced by a first-timer from cycle 4 on; member 1 comes in a day
      // late on cycle 2; member 2's entries are logged as dates only.
      const a = i === 12 && cycle >= 3 ? doc("A", 99) : doc("A", i);
      const aIn =
        i === 1 && cycle === 2
          ? `${addDays(inDay, 1)}T11:37`
          : i === 2
            ? inDay
            : `${inDay}T${clock(540 + Math.floor(i / 3))}`;
      rows.push({ doc: a, at: aIn, dir: "entry", port, visa: "none", sponsor: A_SPONSOR });
      rows.push({
        doc: a,
        at: `${outDay}T${clock(840 + Math.floor(i / 3))}`,
        dir: "exit",
        port,
        visa: "none",
        sponsor: i % 4 === 0 ? null : A_SPONSOR,
      });
      const bIn = cycle === 3 ? 540 + Math.floor(i / 3) : 630 + Math.floor(i / 3);
      rows.push({
        doc: doc("B", i),
        at: `${inDay}T${clock(bIn)}`,
        dir: "entry",
        port,
        visa: "business",
        sponsor: B_SPONSOR,
      });
      rows.push({
        doc: doc("B", i),
        at: `${outDay}T${clock(930 + Math.floor(i / 3))}`,
        dir: "exit",
        port,
        visa: "business",
        sponsor: B_SPONSOR,
      });
    }
  }
  // A stranded team: inside since before the logs, home in one wave (one member a day later).
  for (let i = 1; i <= 10; i++) {
    rows.push({
      doc: doc("C", i),
      at: i === 10 ? "2019-03-11T10:12" : `2019-03-10T${clock(780 + i)}`,
      dir: "exit",
      visa: "none",
      sponsor: "Hunchun Haida Food Co., Ltd.",
    });
  }
  // A tour group: one trip of four nights.
  for (let i = 1; i <= 10; i++) {
    rows.push({
      doc: `PT${i}`,
      at: `2019-02-10T${clock(600 + i)}`,
      dir: "entry",
      visa: "tourist",
      sponsor: "Yanbian Travel",
    });
    rows.push({
      doc: `PT${i}`,
      at: `2019-02-14T${clock(840 + i)}`,
      dir: "exit",
      visa: "tourist",
      sponsor: "Yanbian Travel",
    });
  }
  // A tourist whose only logged crossing is an exit in the middle of team A's first exit.
  rows.push({ doc: "PX1", at: "2019-01-30T14:02", dir: "exit", visa: "tourist", sponsor: null });
  return rows;
}

async function load(store: Store, rows: Row[]): Promise<void> {
  await store.run(`CREATE TEMP TABLE g (i INTEGER, doc VARCHAR, t VARCHAR, dir VARCHAR, port VARCHAR,
                                        visa VARCHAR, sponsor VARCHAR)`);
  for (const [i, r] of rows.entries())
    await store.run("INSERT INTO temp.g VALUES (?, ?, ?, ?, ?, ?, ?)", [
      i,
      r.doc,
      r.at,
      r.dir,
      r.port ?? QUANHE,
      r.visa,
      r.sponsor,
    ]);
  await store.run(`INSERT INTO records (rec_key, source, record_id, run_id, line, crossed_at, local_date,
      time_precision, direction, port_id, nationality, doc_number, visa_type, sponsor)
    SELECT i, 'test', 'R' || lpad(i::VARCHAR, 4, '0'), 1, i,
           CASE WHEN length(t) = 10 THEN (t || 'T00:00:00+08:00')::TIMESTAMPTZ
                ELSE (t || ':00+08:00')::TIMESTAMPTZ END,
           left(t, 10)::DATE, CASE WHEN length(t) = 10 THEN 'date' ELSE 'local' END,
           dir, port, 'PRK', doc, visa, sponsor FROM temp.g`);
  await store.run("INSERT INTO person_records SELECT rec_key, 'P-' || doc_number FROM records");
  await store.run(
    "INSERT INTO persons (person_id, nationality) SELECT DISTINCT 'P-' || doc_number, 'PRK' FROM records",
  );
}

interface Member {
  cohort_id: string;
  kind: string;
  person_id: string;
  role: string;
  sponsors: string[];
}

test("cohorts: teams apart by time of day, stragglers and replacements in, tourists out", async () => {
  await withDb(async (store) => {
    await load(store, scenario());
    await runPipeline(createRun(store), DETECTION_STEPS);
    const members = await store.json<Member & Record<string, unknown>>(
      `SELECT m.cohort_id, k.kind, m.person_id, m.role, k.sponsors
       FROM cohort_members m JOIN cohorts k USING (cohort_id) ORDER BY m.person_id`,
    );
    const of = (person: string) => members.filter((m) => m.person_id === `P-${person}`);
    const cohortOf = (person: string) => {
      const found = of(person);
      assert.equal(found.length, 1, `${person} is in exactly one cohort`);
      return found[0]!;
    };
    const a = cohortOf(doc("A", 3));
    const b = cohortOf(doc("B", 3));
    assert.equal(a.kind, "labor-team");
    assert.equal(b.kind, "labor-team");
    assert.notEqual(a.cohort_id, b.cohort_id, "two employers' teams are two cohorts");
    const teamOf = (id: string) =>
      members
        .filter((m) => m.cohort_id === id)
        .map((m) => m.person_id)
        .sort();
    const expectA = [...Array.from({ length: 12 }, (_, i) => doc("A", i + 1)), doc("A", 99)]
      .map((d) => `P-${d}`)
      .sort();
    assert.deepEqual(teamOf(a.cohort_id), expectA);
    assert.deepEqual(
      teamOf(b.cohort_id),
      Array.from({ length: 12 }, (_, i) => `P-${doc("B", i + 1)}`).sort(),
    );
    assert.ok(a.sponsors.includes(A_SPONSOR) && !a.sponsors.includes(B_SPONSOR));
    assert.equal(cohortOf(doc("A", 1)).role, "core", "one late crossing in six is not a straggler");
    assert.equal(cohortOf(doc("A", 99)).role, "first-timer");
    assert.equal(cohortOf(doc("A", 2)).cohort_id, a.cohort_id, "date-only records still count");

    const stranded = cohortOf(doc("C", 1));
    assert.equal(stranded.kind, "labor-team", "an exit wave after months inside");
    assert.equal(teamOf(stranded.cohort_id).length, 10, "the straggler a day later included");
    assert.equal(cohortOf(doc("C", 10)).role, "straggler");
    assert.equal(stranded.role, "core");

    const tour = cohortOf("PT1");
    assert.equal(tour.kind, "tour-group");
    assert.equal(teamOf(tour.cohort_id).length, 10);
    assert.deepEqual(of("PX1"), [], "a tourist inside a team's crossing is not a member");
    assert.deepEqual(of("T0"), []);

    const movements = await store.one<{ m: string }>(
      "SELECT movements::VARCHAR AS m FROM cohorts WHERE cohort_id = ?",
      [a.cohort_id],
    );
    const moves = JSON.parse(movements?.m ?? "[]") as { port: string; direction: string }[];
    assert.equal(moves.filter((m) => m.direction === "entry").length, 6);
    assert.ok(
      moves.some((m) => m.port === SHATUOZI),
      "the cycle through the other port",
    );
  });
});

test("cohorts: a rerun gives the same cohort ids and members", async () => {
  await withDb(async (store) => {
    await load(store, scenario());
    await runPipeline(createRun(store), DETECTION_STEPS);
    const before = await store.json("SELECT * FROM cohort_members ORDER BY person_id");
    await store.run("DELETE FROM analyze_runs");
    await runPipeline(createRun(store), DETECTION_STEPS);
    assert.deepEqual(await store.json("SELECT * FROM cohort_members ORDER BY person_id"), before);
  });
});
