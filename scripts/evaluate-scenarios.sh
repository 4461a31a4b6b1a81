#!/usr/bin/env bash
# Cohort, alert-ranking, worker and post-deadline figures of docs/cohorts.md, one table row per
# scenario and seed: simulate, ingest, analyze, evaluate. Needs `npm run build` first.
#
#   scripts/evaluate-scenarios.sh [OUT_DIR] [SPEC...]   SPEC = scenario:seed:scale; OUT_DIR
#   (default $TMPDIR/sojourn-eval) keeps the simulated data, stores and evaluations
#
# Default specs: hunchun-2019 and dandong-2023 seeds 1-3 at scale 0.1, quanhe-factories seeds
# 1-3 and quanhe-vans seeds 4-6 (held out) at scale 1 — about 35 minutes on a loaded 2-core
# machine (a quanhe store at scale 1 holds 0.44M records).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-${TMPDIR:-/tmp}/sojourn-eval}
shift || true
specs=("$@")
if [ ${#specs[@]} -eq 0 ]; then
  specs=(hunchun-2019:1:0.1 hunchun-2019:2:0.1 hunchun-2019:3:0.1
         dandong-2023:1:0.1 dandong-2023:2:0.1 dandong-2023:3:0.1
         quanhe-factories:1:1 quanhe-factories:2:1 quanhe-factories:3:1
         quanhe-vans:4:1 quanhe-vans:5:1 quanhe-vans:6:1)
fi
mkdir -p "$out"
cli() { node "$root/dist/src/cli/main.js" "$@"; }
echo "| data | cohorts F1 (P / R) | teams ≥ 100 left out | cohorts > 10 % foreign | tours → labour | alert AUC all | AUC per rule (both kinds present) | workers F1 | post-deadline F1 |"
echo "|---|---|---|---|---|---|---|---|---|"
for spec in "${specs[@]}"; do
  IFS=: read -r scenario seed scale <<<"$spec"
  d="$out/$scenario-$seed"
  rm -rf "$d" "$d.duckdb" "$d.duckdb.wal"
  cli simulate --scenario "$scenario" --seed "$seed" --scale "$scale" --out "$d" >/dev/null
  cli --db "$d.duckdb" ingest "$d/crossings.csv" >/dev/null
  cli --db "$d.duckdb" analyze >/dev/null
  cli --db "$d.duckdb" evaluate --truth "$d" --json >"$d.eval.json"
  node -e '
    const e = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const f = (x) => (typeof x === "number" ? x.toFixed(3) : "–");
    const c = e.cohorts, a = e.alert_ranking;
    const rules = Object.entries(a.by_rule).filter(([, v]) => v.roc_auc !== null)
      .map(([k, v]) => `${k} ${f(v.roc_auc)}`).join(", ");
    console.log(`| ${process.argv[2]} | ${f(c.labor_team_pairwise_f1)} (${f(c.precision)} / ${f(c.recall)}) | ${c.large_teams_left_out} | ${c.mixed_cohorts} | ${c.tour_groups_labelled_labor} | ${f(a.roc_auc)} | ${rules} | ${f(e.workers.f1)} | ${f(e.post_deadline.f1)} |`);
  ' "$d.eval.json" "$scenario-$seed (scale $scale)"
done
