/**
 * Labour-score indicators of the stays step (team stays, waves, open stays) and the
 * post-deadline rule's reading of open stays, on hand-made crossings in a real DuckDB. As in
 * test/detection.test.ts, one person per document number stands in for identity resolution.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ANALYZE_STEPS, runPipeline } from "../src/analyze/pipeline.js";
import { createRun } from "../src/analyze/run.js";
import type { AnalyzeStep } from "../src/analyze/step.js";
import {
  type LaborIndicators,
  laborScoreSql,
  scoreLabor,
} from "../src/core/detection/labor-score.js";
import { DEFAULT_POLICY, parsePolicy } from "../src/core/detection/policy.js";
import type { Store } from "../src/db/store.js";
import { Rng } from "../src/sim/rng.js";
import { withDb } from "./helpers/with-db.js";

/** The steps after identity: these tests write persons and person_records themselves. */
const DETECTION_STEPS = ANALYZE_STEPS.filter((s) => s.id !== "identity");

type Row = [doc: string, date: string, direction: "entry" | "exit", docType: string, visa: string];

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
}

/** A team of `size` crossing together: one [entry, exit] pair per stay (null = not logged). */
function team(
  prefix: string,
  size: number,
  docType: string,
  visa: string,
  stays: [string | null, string | null][],
): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < size; i++)
    for (const [inDay, outDay] of stays) {
      const doc = `${prefix}${String(i).padStart(3, "0")}`;
      if (inDay) rows.push([doc, inDay, "entry", docType, visa]);
      if (outDay) rows.push([doc, outDay, "exit", docType, visa]);
    }
  return rows;
}

async function load(store: Store, rows: Row[]): Promise<void> {
  await store.run(
    "CREATE TEMP TABLE g (i INTEGER, doc VARCHAR, d DATE, dir VARCHAR, dt VARCHAR, visa VARCHAR)",
  );
  const app = await store.conn.createAppender("g", "main", "temp");
  for (const [i, [doc, d, dir, dt, visa]] of rows.entries()) {
    app.appendInteger(i);
    app.appendVarchar(doc);
    app.appendVarchar(d);
    app.appendVarchar(dir);
    app.appendVarchar(dt);
    app.appendVarchar(visa);
    app.endRow();
  }
  app.closeSync();
  await store.run(`INSERT INTO records (rec_key, source, record_id, run_id, line, crossed_at, local_date,
      time_precision, direction, port_id, nationality, doc_number, doc_type, visa_type)
    SELECT i, 'test', 'R' || lpad(i::VARCHAR, 5, '0'), 1, i, d::TIMESTAMPTZ + INTERVAL 9 HOUR, d,
           'local', dir, 'cn-jl-hunchun-quanhe', 'PRK', doc, dt, visa FROM temp.g`);
  await store.run("INSERT INTO person_records SELECT rec_key, 'P-' || doc_number FROM records");
  await store.run(
    "INSERT INTO persons (person_id, nationality) SELECT DISTINCT 'P-' || doc_number, 'PRK' FROM records",
  );
}

/** Three 25-night stays with 3 days home between them, starting on `from`. */
function rotation(from: string, cycles = 3): [string, string][] {
  return Array.from({ length: cycles }, (_, k) => {
    const d = addDays(from, k * 28);
    return [d, addDays(d, 25)] as [string, string];
  });
}

function scenario(): Row[] {
  const rows: Row[] = [
    // A visa-exempt team of 10 rotating three times.
    ...team("PSA", 10, "official_passport", "none", rotation("2019-03-01")),
    // A trader on business papers who enters and leaves on the team's days once, and travels
    // alone otherwise: the papers differ, so it is no team stay.
    ["T0001", "2019-03-01", "entry", "passport", "business"],
    ["T0001", "2019-03-26", "exit", "passport", "business"],
    ["T0001", "2019-07-10", "entry", "passport", "business"],
    ["T0001", "2019-07-20", "exit", "passport", "business"],
    // A tour group of 12, once, four nights.
    ...team("TG", 12, "passport", "tourist", [["2019-05-02", "2019-05-06"]]),
    // A team of 9 inside when the logs begin, leaving together on 1 Mar 2019; one member
    // leaves two days later (a straggler of the wave).
    ...team("PSW", 8, "passport", "trainee", [[null, "2019-03-01"]]),
    ["PSW900", "2019-03-03", "exit", "passport", "trainee"],
    // Someone seen once, leaving: one exit record is not a year inside.
    ["X0001", "2019-12-01", "exit", "official_passport", "none"],
    // Pad the logs: they start 2019-01-01 and end 2020-01-20.
    ["PAD01", "2019-01-01", "entry", "passport", "tourist"],
    ["PAD01", "2020-01-20", "exit", "passport", "tourist"],
  ];
  // PSA000's last exit is lost: an open stay from 26 Apr 2019 to the end of the logs.
  return rows.filter((r) => !(r[0] === "PSA000" && r[1] === "2019-05-21" && r[2] === "exit"));
}

async function persons(store: Store) {
  const rows = await store.all<{ person_id: string; labor_score: number; indicators: string }>(
    "SELECT person_id, labor_score, indicators::VARCHAR AS indicators FROM persons",
  );
  return new Map(rows.map((r) => [r.person_id, { ...r, indicators: JSON.parse(r.indicators) }]));
}

test("team stays, waves and open stays make the labour score", async () => {
  await withDb(async (store) => {
    await load(store, scenario());
    // run_indicators lives as long as the run: a last step reads it.
    let once: { max_window_days: number } | undefined;
    const probe: AnalyzeStep = {
      id: "probe",
      description: "reads run_indicators",
      stages: [],
      reads: ["run_indicators"],
      writes: [],
      async run(run) {
        once = await run.store.one<{ max_window_days: number }>(
          "SELECT max_window_days FROM run_indicators WHERE person_id = 'P-X0001'",
        );
        return {};
      },
    };
    await runPipeline(createRun(store), [...DETECTION_STEPS, probe]);
    const p = await persons(store);
    const worker = p.get("P-PSA001");
    assert.ok(worker && worker.labor_score >= 0.5, `team member ${worker?.labor_score}`);
    assert.ok(
      worker.indicators.some((i: string) =>
        i.startsWith("entered and left with a group (median 10 persons"),
      ),
    );
    const trader = p.get("P-T0001");
    assert.ok(trader && trader.labor_score < 0.5, `trader ${trader?.labor_score}`);
    assert.ok(!trader.indicators.some((i: string) => i.includes("group")));
    const tourist = p.get("P-TG000");
    assert.ok(tourist && tourist.labor_score < 0.5);
    // The wave: exact members and the straggler two days off both count.
    assert.ok((p.get("P-PSW000")?.labor_score ?? 0) >= 0.5);
    const straggler = p.get("P-PSW900");
    assert.ok(straggler && straggler.labor_score >= 0.5, `straggler ${straggler?.labor_score}`);
    assert.ok(straggler.indicators.some((i: string) => i.startsWith("crossed within 3 days")));
    // Seen once: presence counts stays.max_inferred_stay_days, not eleven months.
    assert.equal(Number(once?.max_window_days), 30);
    assert.ok((p.get("P-X0001")?.labor_score ?? 1) < 0.5);
  });
});

test("post-deadline presence reads a lost last exit by the person's habit", async () => {
  await withDb(async (store) => {
    await load(store, [
      ...scenario(),
      // A team of 8 entering on 20 Nov 2019 and still inside when the logs end.
      ...team("PSL", 8, "official_passport", "none", [["2019-11-20", null]]),
    ]);
    await runPipeline(createRun(store), DETECTION_STEPS);
    const alerted = new Set(
      (
        await store.all<{ person_id: string }>(
          "SELECT person_id FROM alerts WHERE rule = 'post-deadline-presence'",
        )
      ).map((r) => r.person_id),
    );
    // PSA000's two closed stays say 25 nights; an entry in April is not presence in December.
    assert.ok(!alerted.has("P-PSA000"));
    assert.ok(((await persons(store)).get("P-PSA000")?.labor_score ?? 0) >= 0.5);
    // Entered in November with a team and never seen leaving: inside after the deadline.
    assert.ok(alerted.has("P-PSL000"));
  });
});

/**
 * Indicator rows that reach every branch of scoreLabor: random counts and shares, with values
 * often put right on a threshold (183 nights, 0.5 and 0.7 shares, two returns …) where a
 * rounding or a strict/non-strict comparison would show.
 */
function indicatorSample(n: number, seed: number): LaborIndicators[] {
  const rng = new Rng(seed);
  const r = () => rng.float();
  const int = (hi: number) => rng.int(0, hi);
  const pick = <T>(xs: readonly T[]): T => rng.pick(xs);
  const share = () => pick([0, 0.5, 0.7, 0.2, 1, 1 / 3, 0.499, 0.505, 0.125, r(), r(), r()]);
  return Array.from({ length: n }, () => {
    const stays = pick([0, 1, 2, 3, 10, int(60)]);
    const multi = int(stays);
    const group = pick([0, int(multi), Math.ceil(multi / 2), multi]);
    return {
      stays,
      total_days: pick([0, 19, 20, 21, int(700)]),
      max_window_days: pick([0, 182, 183, 184, 274, 275, 300, int(365)]),
      presence_share: share(),
      median_stay: int(60),
      near_limit_stays: pick([0, 2, 3, int(20)]),
      short_absences: pick([0, 1, 2, int(20)]),
      same_day_stays: pick([0, int(stays), Math.floor(stays / 2), Math.ceil(stays / 2)]),
      multi_night_stays: multi,
      non_work_visa_share: share(),
      work_visa: r() < 0.2,
      work_visa_share: pick([0, 0, 0, share()]),
      subject_nationality_share: share(),
      labor_team: r() < 0.3,
      short_returns: pick([0, 1, 2, int(20)]),
      group_stays: group,
      wave_stays: pick([0, group, int(group)]),
      long_group_stays: pick([0, int(group)]),
      median_group_size: pick([0, 2, 12.5, 34, int(80), int(80) + 0.5]),
      group_return_share: pick([0, 0.5, share()]),
    };
  });
}

test("the scores step's SQL scores exactly as scoreLabor does (score and indicators)", async () => {
  const sample = indicatorSample(5000, 2397);
  // A policy other than the default too: its numbers are written into the SQL and the texts.
  const other = parsePolicy({
    version: "test-other",
    long_presence: { min_days: 150, window_days: 300 },
    visa_run: { min_stays: 4, max_absence_days: 7 },
    score: { non_work_visa_types: ["tourist", "crew"], subject_nationalities: ["PRK", "KOR"] },
  });
  for (const policy of [DEFAULT_POLICY, other]) {
    await withDb(async (store) => {
      const columns = Object.keys(sample[0] as LaborIndicators) as (keyof LaborIndicators)[];
      const bools = new Set(["work_visa", "labor_team"]);
      await store.run(
        `CREATE TABLE f (i INTEGER, ${columns.map((c) => `${c} ${bools.has(c) ? "BOOLEAN" : "DOUBLE"}`).join(", ")})`,
      );
      const app = await store.conn.createAppender("f");
      sample.forEach((row, i) => {
        app.appendInteger(i);
        for (const c of columns) {
          const v = row[c];
          if (typeof v === "boolean") app.appendBoolean(v);
          else app.appendDouble(v);
        }
        app.endRow();
      });
      app.closeSync();
      const sql = laborScoreSql(policy);
      const rows = await store.all<{ i: number; score: number; indicators: string }>(
        `SELECT i, ${sql.score} AS score, ${sql.indicators}::VARCHAR AS indicators FROM f ORDER BY i`,
      );
      assert.equal(rows.length, sample.length);
      let likely = 0;
      for (const row of rows) {
        const want = scoreLabor(sample[row.i] as LaborIndicators, policy);
        const at = `row ${row.i}: ${JSON.stringify(sample[row.i])}`;
        assert.equal(row.score, want.score, at);
        assert.equal(row.indicators, JSON.stringify(want.indicators), at);
        if (want.score >= policy.score.threshold) likely++;
      }
      // The sample reaches both sides of the threshold, and indicators of every kind.
      assert.ok(likely > 500 && likely < sample.length - 500, `likely ${likely}`);
    });
  }
});
