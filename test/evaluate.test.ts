import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { evaluate } from "../src/evaluate/evaluate.js";
import { ingestFile } from "../src/ingest/ingest-file.js";
import { HEADER, tempDir, withDb, writeFile } from "./helpers/with-db.js";

const tmp = tempDir();
after(tmp.cleanup);

// Hand-made truth with known answers: A (worker) renews passport D1 → D2; B (worker) and
// C (tourist) share document D3 (a document-number collision).
function writeTruth(dir: string): string {
  mkdirSync(join(dir, "truth"), { recursive: true });
  writeFile(dir, "scenario.json", JSON.stringify({ scenario: "hand-made", seed: 1 }));
  writeFile(
    dir,
    "crossings.csv",
    [
      `${HEADER},source`,
      "r1,2019-01-01,entry,Quanhe,PRK,D1,t",
      "r2,2019-01-25,exit,Quanhe,PRK,D1,t",
      "r3,2019-02-01,entry,Quanhe,PRK,D2,t",
      "r4,2019-01-01,entry,Quanhe,PRK,D3,t",
      "r5,2019-01-03,exit,Quanhe,PRK,D3,t",
      "r6,2019-03-01,entry,Quanhe,PRK,D3,t",
    ].join("\n"),
  );
  writeFile(
    dir,
    "truth/records.csv",
    "source,record_id,person_id,event\nt,r1,A,original\nt,r2,A,original\nt,r3,A,original\nt,r4,B,original\nt,r5,B,original\nt,r6,C,original\n",
  );
  writeFile(
    dir,
    "truth/persons.csv",
    "person_id,role,employer_id,cohort_id,worker_after_deadline\nA,worker,E1,K1,1\nB,worker,E1,K1,0\nC,tourist,,T1,0\n",
  );
  writeFile(dir, "truth/cohorts.csv", "cohort_id,kind\nK1,labor-team\nT1,tour-group\n");
  return dir;
}

describe("evaluate", () => {
  it("scores the document-number baseline and a clustering with known figures", async () => {
    const dir = writeTruth(join(tmp.dir, "t1"));
    await withDb(async (store) => {
      await ingestFile(store, join(dir, "crossings.csv"));
      const before = await evaluate(store, dir);
      assert.equal(before.coverage.matched, 6);
      assert.ok("status" in before.identity.model, "no persons yet");
      const b = before.identity.baseline_doc_number;
      assert.equal(b.precision, 0.5);
      assert.equal(b.recall, 0.5);
      assert.ok(Math.abs(b.split_share - 1 / 3) < 1e-9);
      assert.ok(Math.abs(b.mixed_share - 1 / 3) < 1e-9);

      // An identity result that merges B and C: X = {r1,r2,r3}, Y = {r4,r5,r6}.
      await store.run(
        "CREATE TABLE IF NOT EXISTS person_records (rec_key BIGINT, person_id VARCHAR)",
      );
      await store.run("CREATE TABLE IF NOT EXISTS persons (person_id VARCHAR, labor_score DOUBLE)");
      await store.run(
        `INSERT INTO person_records SELECT rec_key, CASE WHEN doc_number IN ('D1', 'D2') THEN 'X' ELSE 'Y' END FROM records`,
      );
      await store.run("INSERT INTO persons (person_id, labor_score) VALUES ('X', 0.9), ('Y', 0.2)");
      const e = await evaluate(store, dir);
      const m = e.identity.model;
      assert.ok(!("status" in m));
      assert.ok(Math.abs(m.precision - 4 / 6) < 1e-9);
      assert.equal(m.recall, 1);
      assert.equal(m.split_share, 0);
      assert.equal(m.mixed_share, 0.5);
      assert.ok(!("status" in e.workers));
      assert.equal(e.workers.precision, 1);
      assert.equal(e.workers.recall, 0.5);
      assert.equal(e.workers.roc_auc, 0.75);
      assert.deepEqual(e.workers.false_positive_share_by_role, { tourist: 0 });

      // Alerts: X (holding worker A) 0.9, Y (worker B and tourist C) 0.4; one cohort of X and Y.
      await store.run(
        "CREATE TABLE IF NOT EXISTS alerts (rule VARCHAR, person_id VARCHAR, score DOUBLE)",
      );
      await store.run(
        "INSERT INTO alerts (rule, person_id, score) VALUES ('overstay', 'X', 0.9), ('overstay', 'Y', 0.4), ('visa-run', 'X', 0.5)",
      );
      await store.run("CREATE TABLE IF NOT EXISTS cohorts (cohort_id VARCHAR, kind VARCHAR)");
      await store.run(
        "CREATE TABLE IF NOT EXISTS cohort_members (cohort_id VARCHAR, person_id VARCHAR)",
      );
      await store.run("INSERT INTO cohorts (cohort_id, kind) VALUES ('K-1', 'labor-team')");
      await store.run(
        "INSERT INTO cohort_members (cohort_id, person_id) VALUES ('K-1', 'X'), ('K-1', 'Y')",
      );
      const ranked = await evaluate(store, dir);
      assert.ok(!("status" in ranked.alert_ranking));
      assert.equal(ranked.alert_ranking.roc_auc, 0.75, "A 0.9 above C 0.4, B tied with C");
      assert.equal(ranked.alert_ranking.persons, 3);
      assert.deepEqual(ranked.alert_ranking.by_rule, {
        overstay: { roc_auc: 0.75, workers: 2, others: 1 },
        "visa-run": { roc_auc: null, workers: 1, others: 0 },
      });
      assert.ok(!("status" in ranked.cohorts));
      assert.equal(ranked.cohorts.mixed_cohorts, 1, "tourist C is a third of the cohort");
      assert.ok(Math.abs(ranked.cohorts.max_foreign_share - 1 / 3) < 1e-9);
      assert.equal(ranked.cohorts.large_teams_left_out, 0);
    });
  });

  it("refuses a truth directory with missing files or that does not match the store", async () => {
    const dir = writeTruth(join(tmp.dir, "t2"));
    await withDb(async (store) => {
      await assert.rejects(evaluate(store, join(tmp.dir, "nope")), /does not exist/);
      await assert.rejects(evaluate(store, dir), /does not match the store: 0 of its 6 records/);
      const broken = join(tmp.dir, "t3");
      mkdirSync(join(broken, "truth"), { recursive: true });
      writeFile(broken, "scenario.json", "{}");
      await assert.rejects(
        evaluate(store, broken),
        /missing truth\/records\.csv, truth\/persons\.csv, truth\/cohorts\.csv/,
      );
    });
  });
});
