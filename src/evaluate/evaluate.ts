/**
 * `sojourn evaluate`: scores what the store currently holds against a simulator's truth
 * directory. Each section is computed when the store has what it needs and otherwise says
 * which step has not produced its results yet; later steps take their numbers from here.
 *
 * Truth layout (written by `sojourn simulate`, docs/scenarios.md): scenario.json,
 * truth/records.csv (source, record_id, person_id, event), truth/persons.csv (person_id, role,
 * cohort_id, worker_after_deadline, …), truth/cohorts.csv (cohort_id, kind, …).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../core/errors.js";
import { pairwiseScores, precisionRecall, rocAuc } from "../core/metrics.js";
import { type Store, sqlString } from "../db/store.js";
import { readStorePolicy } from "../read/policy.js";

const TRUTH_FILES = {
  records: { path: "truth/records.csv", columns: ["source", "record_id", "person_id", "event"] },
  persons: {
    path: "truth/persons.csv",
    columns: ["person_id", "role", "cohort_id", "worker_after_deadline"],
  },
  cohorts: { path: "truth/cohorts.csv", columns: ["cohort_id", "kind"] },
} as const;

type NotComputed = { status: "not-computed"; reason: string };
const notComputed = (reason: string): NotComputed => ({ status: "not-computed", reason });

export interface ClusterQuality {
  precision: number;
  recall: number;
  f1: number;
  split_share: number;
  mixed_share: number;
  true_persons: number;
  clusters: number;
}

export interface Evaluation {
  truth: string;
  scenario: Record<string, unknown>;
  coverage: {
    truth_records: number;
    matched: number;
    missing_from_store: number;
    store_records_not_in_truth: number;
    truth_reexports: number;
    reexports_linked: number;
  };
  identity: { model: ClusterQuality | NotComputed; baseline_doc_number: ClusterQuality };
  workers:
    | {
        threshold: number;
        precision: number;
        recall: number;
        f1: number;
        roc_auc: number | null;
        false_positive_share_by_role: Record<string, number>;
        persons: number;
      }
    | NotComputed;
  workers_baseline: {
    rule: string;
    precision: number;
    recall: number;
    f1: number;
    false_positive_share_by_role: Record<string, number>;
  };
  cohorts:
    | {
        labor_team_pairwise_f1: number;
        precision: number;
        recall: number;
        tour_groups_labelled_labor: number;
      }
    | NotComputed;
  post_deadline: { precision: number; recall: number; f1: number } | NotComputed;
}

async function loadTruth(store: Store, dir: string): Promise<Record<string, unknown>> {
  if (!existsSync(dir)) throw new AppError("input", `truth directory ${dir} does not exist`);
  const missing = ["scenario.json", ...Object.values(TRUTH_FILES).map((f) => f.path)].filter(
    (f) => !existsSync(join(dir, f)),
  );
  if (missing.length > 0) {
    throw new AppError(
      "input",
      `truth directory ${dir} is missing ${missing.join(", ")}; expected scenario.json, ${Object.values(
        TRUTH_FILES,
      )
        .map((f) => f.path)
        .join(", ")} as written by sojourn simulate`,
    );
  }
  let scenario: Record<string, unknown>;
  try {
    scenario = JSON.parse(readFileSync(join(dir, "scenario.json"), "utf8"));
  } catch (err) {
    throw new AppError(
      "input",
      `${join(dir, "scenario.json")} is not valid JSON: ${(err as Error).message}`,
    );
  }
  for (const [name, f] of Object.entries(TRUTH_FILES)) {
    const path = join(dir, f.path);
    try {
      await store.run(
        `CREATE OR REPLACE TEMP TABLE truth_${name} AS SELECT * FROM read_csv(${sqlString(path)}, header=true, all_varchar=true)`,
      );
    } catch (err) {
      throw new AppError("input", `cannot read ${path}: ${(err as Error).message.split("\n")[0]}`);
    }
    const cols = new Set(
      (
        await store.all<{ c: string }>(`SELECT column_name AS c FROM (DESCRIBE temp.truth_${name})`)
      ).map((r) => r.c),
    );
    const absent = f.columns.filter((c) => !cols.has(c));
    if (absent.length > 0) {
      throw new AppError(
        "input",
        `${path}: missing column${absent.length > 1 ? "s" : ""} ${absent.join(", ")}; expected ${f.columns.join(", ")}`,
      );
    }
  }
  return scenario;
}

/** Quality of a clustering given as SQL returning (rec_key, predicted) for matched records. */
async function clusterQuality(store: Store, predictedSql: string): Promise<ClusterQuality> {
  await store.run(`CREATE OR REPLACE TEMP TABLE eval_pred AS
    SELECT m.rec_key, p.predicted, m.person_id AS actual
    FROM temp.eval_matched m JOIN (${predictedSql}) p USING (rec_key)`);
  const cells = await store.all<{ predicted: string; actual: string; n: bigint }>(
    "SELECT predicted, actual, count(*) AS n FROM temp.eval_pred GROUP BY ALL",
  );
  const scores = pairwiseScores(
    cells.map((c) => ({ predicted: c.predicted, actual: c.actual, n: Number(c.n) })),
  );
  const [s] = await store.all<Record<string, bigint>>(`SELECT
      (SELECT count(*) FROM (SELECT actual FROM temp.eval_pred GROUP BY actual HAVING count(DISTINCT predicted) > 1)) AS split,
      (SELECT count(DISTINCT actual) FROM temp.eval_pred) AS persons,
      (SELECT count(*) FROM (SELECT predicted FROM temp.eval_pred GROUP BY predicted HAVING count(DISTINCT actual) > 1)) AS mixed,
      (SELECT count(DISTINCT predicted) FROM temp.eval_pred) AS clusters`);
  const persons = Number(s?.persons ?? 0);
  const clusters = Number(s?.clusters ?? 0);
  return {
    precision: scores.precision,
    recall: scores.recall,
    f1: scores.f1,
    split_share: persons === 0 ? 0 : Number(s?.split ?? 0) / persons,
    mixed_share: clusters === 0 ? 0 : Number(s?.mixed ?? 0) / clusters,
    true_persons: persons,
    clusters,
  };
}

/** Binary classification of true persons: P/R/F1 and the share of each non-worker role flagged. */
async function classify(store: Store, flaggedSql: string) {
  const rows = await store.all<{
    role: string;
    flagged: boolean;
  }>(`SELECT t.role, coalesce(f.flagged, false) AS flagged
    FROM temp.truth_persons t JOIN (SELECT DISTINCT person_id FROM temp.eval_matched) m USING (person_id)
    LEFT JOIN (${flaggedSql}) f USING (person_id)`);
  const tp = rows.filter((r) => r.role === "worker" && r.flagged).length;
  const predicted = rows.filter((r) => r.flagged).length;
  const actual = rows.filter((r) => r.role === "worker").length;
  const byRole: Record<string, number> = {};
  for (const role of new Set(rows.map((r) => r.role))) {
    if (role === "worker") continue;
    const ofRole = rows.filter((r) => r.role === role);
    byRole[role] = ofRole.filter((r) => r.flagged).length / ofRole.length;
  }
  return {
    ...precisionRecall(tp, predicted, actual),
    false_positive_share_by_role: byRole,
    persons: rows.length,
  };
}

/** For each true person, the predicted person holding most of its records. */
const MAJORITY_PERSON = `SELECT actual AS person_id, arg_max(predicted, n) AS predicted_person
  FROM (SELECT m.person_id AS actual, pr.person_id AS predicted, count(*) AS n
        FROM temp.eval_matched m JOIN person_records pr USING (rec_key) GROUP BY ALL)
  GROUP BY actual`;

type Coverage = Evaluation["coverage"];

/** Matches the truth's records to the store's (temp.eval_matched); fails when too few match. */
async function matchTruth(store: Store, dir: string): Promise<Coverage> {
  await store.run(`CREATE OR REPLACE TEMP TABLE eval_matched AS
    SELECT r.rec_key, r.canonical_key, t.person_id
    FROM (SELECT DISTINCT source, record_id, person_id FROM temp.truth_records) t
    JOIN records r ON r.source = t.source AND r.record_id = t.record_id`);
  const [cov] = await store.all<Record<string, bigint>>(`SELECT
      (SELECT count(*) FROM (SELECT DISTINCT source, record_id FROM temp.truth_records)) AS truth_records,
      (SELECT count(*) FROM temp.eval_matched) AS matched,
      (SELECT count(*) FROM records r ANTI JOIN temp.truth_records t ON r.source = t.source AND r.record_id = t.record_id) AS extra,
      (SELECT count(*) FROM temp.truth_records WHERE event = 'reexport') AS reexports,
      (SELECT count(*) FROM temp.truth_records t JOIN records r ON r.source = t.source AND r.record_id = t.record_id
         WHERE t.event = 'reexport' AND r.canonical_key IS NOT NULL) AS linked`);
  const truthRecords = Number(cov?.truth_records ?? 0);
  const matched = Number(cov?.matched ?? 0);
  if (matched === 0 || matched < truthRecords * 0.5) {
    throw new AppError(
      "input",
      `truth directory ${dir} does not match the store: ${matched} of its ${truthRecords} records are in the store; ingest ${join(dir, "crossings.csv")} (or .parquet) into this store first`,
    );
  }
  return {
    truth_records: truthRecords,
    matched,
    missing_from_store: truthRecords - matched,
    store_records_not_in_truth: Number(cov?.extra ?? 0),
    truth_reexports: Number(cov?.reexports ?? 0),
    reexports_linked: Number(cov?.linked ?? 0),
  };
}

/** Labour scores against the truth's workers, at the threshold of the store's policy. */
async function evaluateWorkers(store: Store): Promise<Evaluation["workers"]> {
  const scored = await store.all<{
    role: string;
    score: number | null;
  }>(`SELECT t.role, p.labor_score AS score
      FROM temp.truth_persons t JOIN (${MAJORITY_PERSON}) m USING (person_id)
      LEFT JOIN persons p ON p.person_id = m.predicted_person`);
  if (scored.some((s) => (s.score ?? 0) > 0)) {
    const threshold = (await readStorePolicy(store)).policy.score.threshold;
    const flagged = await classify(
      store,
      `SELECT m.person_id, p.labor_score >= ${threshold} AS flagged FROM (${MAJORITY_PERSON}) m JOIN persons p ON p.person_id = m.predicted_person`,
    );
    return {
      threshold,
      ...flagged,
      roc_auc: rocAuc(scored.map((s) => ({ score: s.score ?? 0, positive: s.role === "worker" }))),
    };
  }

  return notComputed("no labour scores in the store yet: run sojourn analyze");
}

/**
 * The naive rule monitors would start from: at least three stays of 20–31 days on one
 * document number (an entry followed by the next exit of the same document).
 */
async function evaluateBaseline(store: Store): Promise<Evaluation["workers_baseline"]> {
  const baselineRule = "≥ 3 stays of 20–31 days on one document number";
  const baseline = await classify(
    store,
    `WITH ordered AS (
       SELECT doc_number, direction, local_date,
         lead(direction) OVER w AS next_dir, lead(local_date) OVER w AS next_date
       FROM records WHERE canonical_key IS NULL
       WINDOW w AS (PARTITION BY doc_number ORDER BY crossed_at, rec_key)),
     flagged_docs AS (
       SELECT doc_number FROM ordered
       WHERE direction = 'entry' AND next_dir = 'exit' AND next_date - local_date BETWEEN 20 AND 31
       GROUP BY doc_number HAVING count(*) >= 3)
     SELECT DISTINCT m.person_id, true AS flagged FROM temp.eval_matched m
       JOIN records r USING (rec_key) SEMI JOIN flagged_docs f ON f.doc_number = r.doc_number`,
  );

  return {
    rule: baselineRule,
    precision: baseline.precision,
    recall: baseline.recall,
    f1: baseline.f1,
    false_positive_share_by_role: baseline.false_positive_share_by_role,
  };
}

/** Labour-team cohorts against the truth's, pairwise over persons. */
async function evaluateCohorts(store: Store): Promise<Evaluation["cohorts"]> {
  const cells = await store.all<{ predicted: string; actual: string; n: bigint }>(`
      WITH truth AS (
        SELECT t.person_id, CASE WHEN c.kind = 'labor-team' THEN t.cohort_id ELSE 'none:' || t.person_id END AS actual
        FROM temp.truth_persons t LEFT JOIN temp.truth_cohorts c USING (cohort_id)
        SEMI JOIN temp.eval_matched m USING (person_id)),
      pred AS (
        SELECT m.person_id, coalesce(arg_max(cm.cohort_id, cm.cohort_id), 'none:' || m.person_id) AS predicted
        FROM (${MAJORITY_PERSON}) m
        LEFT JOIN (SELECT cm.* FROM cohort_members cm JOIN cohorts k USING (cohort_id) WHERE k.kind = 'labor-team') cm
          ON cm.person_id = m.predicted_person
        GROUP BY m.person_id)
      SELECT p.predicted, t.actual, count(*) AS n FROM truth t JOIN pred p USING (person_id)
      WHERE NOT (t.actual LIKE 'none:%' AND p.predicted LIKE 'none:%') GROUP BY ALL`);
  const s = pairwiseScores(
    cells.map((c) => ({ predicted: c.predicted, actual: c.actual, n: Number(c.n) })),
  );
  const [tours] = await store.all<{ n: bigint }>(`
      SELECT count(DISTINCT t.cohort_id) AS n FROM temp.truth_persons t JOIN temp.truth_cohorts c USING (cohort_id)
      JOIN (${MAJORITY_PERSON}) m USING (person_id)
      JOIN cohort_members cm ON cm.person_id = m.predicted_person JOIN cohorts k ON k.cohort_id = cm.cohort_id
      WHERE c.kind = 'tour-group' AND k.kind = 'labor-team'`);
  return {
    labor_team_pairwise_f1: s.f1,
    precision: s.precision,
    recall: s.recall,
    tour_groups_labelled_labor: Number(tours?.n ?? 0),
  };
}

/** Post-deadline-presence alerts against the truth's workers still present after the deadline. */
async function evaluatePostDeadline(store: Store): Promise<Evaluation["post_deadline"]> {
  const rows = await store.all<{ actual: boolean; flagged: boolean }>(`
      SELECT t.worker_after_deadline IN ('1', 'true', 'True') AS actual,
        coalesce(f.flagged, false) AS flagged
      FROM temp.truth_persons t JOIN (${MAJORITY_PERSON}) m USING (person_id)
      LEFT JOIN (SELECT DISTINCT person_id, true AS flagged FROM alerts WHERE rule = 'post-deadline-presence') f
        ON f.person_id = m.predicted_person`);
  const tp = rows.filter((r) => r.actual && r.flagged).length;
  return precisionRecall(
    tp,
    rows.filter((r) => r.flagged).length,
    rows.filter((r) => r.actual).length,
  );
}

export async function evaluate(store: Store, dir: string): Promise<Evaluation> {
  const scenario = await loadTruth(store, dir);
  const coverage = await matchTruth(store, dir);
  const hasPersons =
    Number((await store.one<{ n: bigint }>("SELECT count(*) AS n FROM person_records"))?.n ?? 0) >
    0;
  const identity = {
    model: hasPersons
      ? await clusterQuality(store, "SELECT rec_key, person_id AS predicted FROM person_records")
      : notComputed("no persons in the store yet: run sojourn analyze"),
    baseline_doc_number: await clusterQuality(
      store,
      "SELECT rec_key, doc_number AS predicted FROM records",
    ),
  };
  const workers = hasPersons
    ? await evaluateWorkers(store)
    : notComputed("no labour scores in the store yet: run sojourn analyze");
  const workersBaseline = await evaluateBaseline(store);
  const cohorts = hasPersons
    ? await evaluateCohorts(store)
    : notComputed("no cohorts in the store yet: run sojourn analyze");
  const postDeadline = hasPersons
    ? await evaluatePostDeadline(store)
    : notComputed("no post-deadline-presence alerts in the store yet: run sojourn analyze");
  return {
    truth: dir,
    scenario,
    coverage,
    identity,
    workers,
    workers_baseline: workersBaseline,
    cohorts,
    post_deadline: postDeadline,
  };
}
