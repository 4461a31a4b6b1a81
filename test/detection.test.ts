/**
 * Detection steps on hand-made crossings (golden files under test/golden/): each person is built
 * to trigger one rule. Persons here are a stand-in (one person per document number) so the test
 * does not depend on identity resolution. A mismatch writes <name>-changed.json beside the golden.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { readLastPolicy } from "../src/analyze/last-policy.js";
import { ANALYZE_STEPS, runPipeline } from "../src/analyze/pipeline.js";
import { createRun } from "../src/analyze/run.js";
import { RUN_TABLES } from "../src/analyze/step.js";
import { withoutQueryProgress } from "../src/analyze/without-query-progress.js";
import { DEFAULT_POLICY, parsePolicy } from "../src/core/detection/policy.js";
import { AppError } from "../src/core/errors.js";
import type { Store } from "../src/db/store.js";
import { recordIdsSql } from "../src/read/records.js";
import { repoRoot } from "../src/repo-root.js";
import { withDb } from "./helpers/with-db.js";

/** The steps after identity: these tests write persons and person_records themselves. */
const DETECTION_STEPS = ANALYZE_STEPS.filter((s) => s.id !== "identity");

type Crossing = [doc: string, date: string, direction: "entry" | "exit", visa?: string];

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
}

/** Visa runs: 26-day stays with 3 days home, six times; no pattern for the others. */
function goldenInput(): Crossing[] {
  const rows: Crossing[] = [];
  let d = "2019-01-05";
  for (let i = 0; i < 6; i++) {
    rows.push(["PS000000001", d, "entry", "none"], ["PS000000001", addDays(d, 25), "exit", "none"]);
    d = addDays(d, 29);
  }
  // Overstay: visa-exempt entry, 45 days inside.
  rows.push(
    ["PS000000002", "2019-03-01", "entry", "none"],
    ["PS000000002", "2019-04-14", "exit", "none"],
  );
  // Long presence on a business visa, through the deadline and still inside at the end.
  rows.push(
    ["000000003", "2019-02-01", "entry", "business"],
    ["000000003", "2019-09-30", "exit", "business"],
  );
  rows.push(["000000003", "2019-10-05", "entry", "business"]);
  // A driver: in and out the same day, often — must raise nothing.
  for (let i = 0; i < 40; i++) {
    const day = addDays("2019-01-07", i * 3);
    rows.push(["BP00000004", day, "entry", "crew"], ["BP00000004", day, "exit", "crew"]);
  }
  // Out-of-order delivery and a duplicate from a second source, for the stays.
  rows.push(
    ["PS000000005", "2019-05-20", "exit", "none"],
    ["PS000000005", "2019-05-01", "entry", "none"],
  );
  rows.push(["PS000000005", "2019-05-01", "entry", "none"]);
  // Pad the logs to 2020-01-20 so the deadline falls inside them.
  rows.push(
    ["T00000006", "2020-01-20", "entry", "tourist"],
    ["T00000006", "2020-01-20", "exit", "tourist"],
  );
  return rows;
}

async function load(store: Store, rows: Crossing[]): Promise<void> {
  await store.run(
    "CREATE TEMP TABLE g (i INTEGER, doc VARCHAR, d DATE, dir VARCHAR, visa VARCHAR)",
  );
  for (const [i, [doc, d, dir, visa]] of rows.entries())
    await store.run("INSERT INTO temp.g VALUES (?, ?, ?::DATE, ?, ?)", [
      i,
      doc,
      d,
      dir,
      visa ?? null,
    ]);
  await store.run(`INSERT INTO records (rec_key, source, record_id, run_id, line, crossed_at, local_date,
      time_precision, direction, port_id, nationality, doc_number, visa_type)
    SELECT i, 'golden', 'R' || lpad(i::VARCHAR, 4, '0'), 1, i, d::TIMESTAMPTZ + INTERVAL (i % 7) MINUTE, d,
           'local', dir, 'cn-jl-hunchun-quanhe', 'PRK', doc, visa FROM temp.g`);
  await store.run("INSERT INTO person_records SELECT rec_key, 'P-' || doc_number FROM records");
  await store.run(
    "INSERT INTO persons (person_id, nationality) SELECT DISTINCT 'P-' || doc_number, 'PRK' FROM records",
  );
}

function checkGolden(name: string, actual: unknown): void {
  const path = join(repoRoot(), "test", "golden", `${name}.json`);
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (!existsSync(path) || readFileSync(path, "utf8") !== text) {
    writeFileSync(path.replace(/\.json$/, "-changed.json"), text);
    assert.fail(`${name}: output differs from ${path}; see ${name}-changed.json`);
  }
}

test("golden: one alert per rule for the person built for it, none for the driver", async () => {
  await withDb(async (store) => {
    await load(store, goldenInput());
    await runPipeline(createRun(store), DETECTION_STEPS);
    const alerts = await store.json(
      `SELECT rule, person_id, strftime(period_start, '%Y-%m-%d') AS period_start,
              strftime(period_end, '%Y-%m-%d') AS period_end, summary,
              ${recordIdsSql("record_keys")} AS record_ids
       FROM alerts WHERE rule IN ('overstay', 'visa-run', 'long-presence') ORDER BY rule, person_id, period_start`,
    );
    checkGolden("detection-alerts", alerts);
    assert.ok(!alerts.some((a) => a.person_id === "P-BP00000004"), "the driver raises no alert");
    const stays = await store.json(
      `SELECT person_id, strftime(entered_on, '%Y-%m-%d') AS entered_on, strftime(exited_on, '%Y-%m-%d') AS exited_on, days, flags
       FROM stays WHERE person_id IN ('P-PS000000005', 'P-000000003') ORDER BY person_id, entered_on`,
    );
    checkGolden("detection-stays", stays);
    const driver = await store.one<{ labor_score: number }>(
      "SELECT labor_score FROM persons WHERE person_id = 'P-BP00000004'",
    );
    assert.ok((driver?.labor_score ?? 1) < 0.5);
  });
});

test("a rerun with the same inputs and policy changes nothing", async () => {
  await withDb(async (store) => {
    await load(store, goldenInput());
    await runPipeline(createRun(store), DETECTION_STEPS);
    const before = await store.json("SELECT * FROM alerts ORDER BY alert_id");
    const second = await runPipeline(createRun(store), DETECTION_STEPS);
    assert.deepEqual(second.steps[0]?.stats, {
      skipped: "inputs and policy unchanged since the last run",
    });
    assert.deepEqual(await store.json("SELECT * FROM alerts ORDER BY alert_id"), before);
  });
});

test("readers get the policy of the last analyze run, whole", async () => {
  await withDb(async (store) => {
    assert.equal(await readLastPolicy(store), undefined, "never analysed");
    await load(store, goldenInput());
    const policy = parsePolicy({
      version: "t-last",
      deadline: "2019-06-30",
      score: { threshold: 0.6 },
    });
    await runPipeline(createRun(store, { policy }), DETECTION_STEPS);
    assert.deepEqual(await readLastPolicy(store), policy);
    // A rerun that changes nothing records the same policy.
    await runPipeline(createRun(store, { policy }), DETECTION_STEPS);
    assert.deepEqual(await readLastPolicy(store), policy);
    await runPipeline(createRun(store), DETECTION_STEPS);
    assert.deepEqual(await readLastPolicy(store), DEFAULT_POLICY);
  });
});

test("every run table a step reads is written by a step before it, and each is dropped at the end", async () => {
  const written = new Set<string>();
  for (const step of ANALYZE_STEPS) {
    for (const t of step.reads)
      if ((RUN_TABLES as readonly string[]).includes(t))
        assert.ok(written.has(t), `${step.id} reads ${t} before any step writes it`);
    for (const t of step.writes) written.add(t);
  }
  assert.deepEqual(
    [...RUN_TABLES].filter((t) => !written.has(t)),
    [],
    "run tables no step writes",
  );
  await withDb(async (store) => {
    await load(store, goldenInput());
    await runPipeline(createRun(store), DETECTION_STEPS);
    const left = await store.all(
      "SELECT table_name FROM duckdb_tables() WHERE temporary AND table_name <> 'g' UNION ALL SELECT type_name FROM duckdb_types() WHERE database_name = 'temp' AND NOT internal",
    );
    assert.deepEqual(left, []);
  });
});

test("an invalid policy names the key, the value and what is allowed", () => {
  assert.throws(
    () =>
      parsePolicy(
        { version: "t", limits: { visa_exempt_days: -3 }, days: { counting: "nights" } },
        "p.json",
      ),
    (err: unknown) =>
      err instanceof AppError &&
      err.code === "config" &&
      err.message.includes(
        "limits.visa_exempt_days: -3 is not allowed; expected an integer from 1 to 366",
      ) &&
      err.message.includes(
        'days.counting: "nights" is not allowed; expected one of inclusive, exclusive',
      ),
  );
  assert.equal(
    parsePolicy({
      version: "t",
      limits: { visa_exempt_days: 20 },
      visa_run: { near_limit_min_days: 15 },
    }).limits.visa_exempt_days,
    20,
  );
});

test("a stay lists its crossings as source:record_id, long ids and a second source included", async () => {
  await withDb(async (store) => {
    await load(store, goldenInput());
    // Longer than the 12 characters DuckDB keeps inside a string's header, and the repeated
    // entry from another source: stays carries source and record id apart until it writes them.
    await store.run(`UPDATE records SET record_id = record_id || '-' || repeat('x', 20)
      WHERE doc_number = 'PS000000005'`);
    await store.run(`UPDATE records SET source = 'second-source' WHERE rec_key =
      (SELECT max(rec_key) FROM records WHERE doc_number = 'PS000000005')`);
    const crossings = await store.all<{ id: string }>(
      `SELECT source || ':' || record_id AS id FROM records WHERE doc_number = 'PS000000005'
       ORDER BY crossed_at, rec_key`,
    );
    await runPipeline(createRun(store), DETECTION_STEPS);
    const stay = await store.json<{ record_ids: string[]; flags: string[] }>(
      `SELECT ${recordIdsSql("record_keys")} AS record_ids, flags FROM stays
       WHERE person_id = 'P-PS000000005'`,
    );
    assert.equal(stay.length, 1);
    assert.deepEqual(
      stay[0]?.record_ids,
      crossings.map((c) => c.id),
    );
    assert.ok(stay[0]?.record_ids.some((id) => id.startsWith("second-source:")));
    assert.ok(stay[0]?.flags.includes("duplicate-crossing"));
  });
});

test("stays and indicators run without query progress, restoring it when a caller tracks it, also on failure", async () => {
  await withDb(async (store) => {
    const progress = async () =>
      (await store.one<{ on: boolean }>("SELECT current_setting('enable_progress_bar') AS on"))?.on;
    assert.equal(await progress(), false, "off unless a progress bar is drawn");
    await store.trackProgress(true);
    assert.equal(await withoutQueryProgress(store, progress), false);
    assert.equal(await progress(), true);
    await assert.rejects(
      withoutQueryProgress(store, () => store.run("SELECT * FROM no_such_table")),
      /no_such_table/,
    );
    assert.equal(await progress(), true);
  });
});
