/**
 * Identity quality against simulated truth, for Sojourn's resolver and for the baseline
 * (grouping by document number alone), over several seeds:
 *
 *   node dist/bench/identity-quality.js [--scale 0.05] [--seeds 1,2,3] [--scenario hunchun-2019] [--json]
 *
 * Per seed: `sojourn simulate`, `ingest`, `analyze` in a temp dir, then pairwise precision,
 * recall and F1 over record pairs, the share of true persons split over several predicted
 * persons, and the share of predicted persons that mix true persons. Every loaded record counts
 * (re-exports included); duplicates are not loaded, so they are not scored.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Store, sqlString } from "../src/db/store.js";
import { repoRoot } from "../src/repo-root.js";

export interface ClusterScores {
  precision: number;
  recall: number;
  f1: number;
  split_share: number;
  mixed_share: number;
  true_persons: number;
  clusters: number;
}

/** Scores `predictedSql` (rows rec_key, predicted) against truth_map (rec_key, actual). */
export async function scoreClusters(store: Store, predictedSql: string): Promise<ClusterScores> {
  await store.run(`CREATE OR REPLACE TEMP TABLE q_pred AS
    SELECT t.rec_key, t.actual, p.predicted FROM temp.truth_map t JOIN (${predictedSql}) p USING (rec_key)`);
  const [r] = await store.all<Record<string, number | bigint>>(`
    WITH cell AS (SELECT actual, predicted, count(*) AS n FROM q_pred GROUP BY ALL),
         pa AS (SELECT actual, sum(n) AS n, count(*) AS parts FROM cell GROUP BY actual),
         pp AS (SELECT predicted, sum(n) AS n, count(*) AS parts FROM cell GROUP BY predicted)
    SELECT (SELECT sum(n * (n - 1) / 2) FROM cell)::DOUBLE AS tp,
           (SELECT sum(n * (n - 1) / 2) FROM pp)::DOUBLE AS pred_pairs,
           (SELECT sum(n * (n - 1) / 2) FROM pa)::DOUBLE AS true_pairs,
           (SELECT count(*) FILTER (WHERE parts > 1) FROM pa)::DOUBLE AS split,
           (SELECT count(*) FROM pa)::DOUBLE AS persons,
           (SELECT count(*) FILTER (WHERE parts > 1) FROM pp)::DOUBLE AS mixed,
           (SELECT count(*) FROM pp)::DOUBLE AS clusters`);
  const n = (k: string) => Number(r?.[k] ?? 0);
  const precision = n("pred_pairs") === 0 ? 1 : n("tp") / n("pred_pairs");
  const recall = n("true_pairs") === 0 ? 1 : n("tp") / n("true_pairs");
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    split_share: n("split") / Math.max(1, n("persons")),
    mixed_share: n("mixed") / Math.max(1, n("clusters")),
    true_persons: n("persons"),
    clusters: n("clusters"),
  };
}

/** Loads DIR/truth/records.csv and maps it onto the store's records. */
export async function loadTruth(store: Store, truthDir: string): Promise<void> {
  const path = join(truthDir, "truth", "records.csv");
  await store.run(`CREATE OR REPLACE TEMP TABLE truth_map AS
    SELECT r.rec_key, t.person_id AS actual
    FROM (SELECT DISTINCT source, record_id, person_id
          FROM read_csv(${sqlString(path)}, all_varchar = true)) t
    JOIN records r ON r.source = t.source AND r.record_id = t.record_id`);
}

function cli(args: string[]): string {
  const r = spawnSync(
    process.execPath,
    [join(repoRoot(), "dist", "src", "cli", "main.js"), ...args],
    {
      encoding: "utf8",
      maxBuffer: 1 << 26,
      env: { ...process.env, TZ: "UTC" },
    },
  );
  if (r.status !== 0) throw new Error(`sojourn ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "0.05" },
      seeds: { type: "string", default: "1,2,3" },
      scenario: { type: "string", default: "hunchun-2019" },
      json: { type: "boolean", default: false },
    },
  });
  const rows: Record<string, unknown>[] = [];
  for (const seed of values.seeds.split(",")) {
    const dir = mkdtempSync(join(tmpdir(), "sojourn-idq-"));
    try {
      const out = join(dir, "sim");
      const db = join(dir, "store.duckdb");
      cli([
        "simulate",
        "--scenario",
        values.scenario,
        "--out",
        out,
        "--scale",
        values.scale,
        "--seed",
        seed,
        "--json",
      ]);
      cli(["--db", db, "ingest", join(out, "crossings.csv"), "--json"]);
      const analyze = JSON.parse(cli(["--db", db, "analyze", "--json"])) as {
        steps: { step: string; seconds: number }[];
      };
      const store = await Store.open(db);
      try {
        await loadTruth(store, out);
        const model = await scoreClusters(
          store,
          "SELECT rec_key, person_id AS predicted FROM person_records",
        );
        const baseline = await scoreClusters(
          store,
          "SELECT rec_key, coalesce(nationality, '') || '|' || doc_number AS predicted FROM records",
        );
        const seconds = analyze.steps.find((s) => s.step === "identity")?.seconds;
        rows.push({ seed, scale: values.scale, identity_seconds: seconds, model, baseline });
        if (!values.json) {
          const f = (q: ClusterScores) =>
            `P ${q.precision.toFixed(4)} R ${q.recall.toFixed(4)} F1 ${q.f1.toFixed(4)} split ${(100 * q.split_share).toFixed(2)}% mixed ${(100 * q.mixed_share).toFixed(2)}% (${q.true_persons} persons, ${q.clusters} clusters)`;
          console.log(`seed ${seed} scale ${values.scale} (identity ${seconds} s)`);
          console.log(`  model    ${f(model)}`);
          console.log(`  baseline ${f(baseline)}`);
        }
      } finally {
        store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (values.json) console.log(JSON.stringify(rows, null, 2));
}

if (process.argv[1]?.endsWith("identity-quality.js")) await main();
