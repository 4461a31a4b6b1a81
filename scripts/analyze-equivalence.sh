#!/usr/bin/env bash
# scripts/analyze-equivalence.sh OUT [SIMS]: simulates a few small stores, ingests and analyzes
# them in the cases below, and writes into OUT one file per case with the analyze tables'
# checksums (bench/analyze-checksums.ts), `evaluate --json` and analyze's stats (timings left
# out). Run it on two builds with the same SIMS directory and `diff -r` the two OUT directories:
# equal files mean the analyze output did not change. The stores share one person-id salt.
# Needs a build (npm run build) and jq.
set -euo pipefail
out=${1:?usage: analyze-equivalence.sh OUT [SIMS]}
sims=${2:-/tmp/sojourn-equivalence-sims}
root=$(cd "$(dirname "$0")/.." && pwd)
cli="node $root/dist/src/cli/main.js"
sums="node $root/dist/bench/analyze-checksums.js"
salt=00112233445566778899aabbccddeeff
export TZ=UTC
mkdir -p "$out" "$sims"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

simulate() { # name scenario seed
  [ -d "$sims/$1" ] || $cli simulate --out "$sims/$1" --scenario "$2" --scale 0.1 --seed "$3" >/dev/null
}
simulate hunchun-1 hunchun-2019 1
simulate dandong-2 dandong-2023 2
simulate hunchun-3 hunchun-2019 3
if [ ! -f "$sims/hunchun-3/part-b.csv" ]; then
  f=$sims/hunchun-3/crossings.csv
  n=$(( ($(wc -l <"$f") - 1) / 2 ))
  head -n $((n + 1)) "$f" >"$sims/hunchun-3/part-a.csv"
  { head -n 1 "$f"; tail -n +$((n + 2)) "$f"; } >"$sims/hunchun-3/part-b.csv"
fi
cat >"$work/policy.json" <<'JSON'
{ "version": "equivalence-test", "deadline": "2019-06-30", "days": { "counting": "exclusive" },
  "limits": { "visa_exempt_days": 25 }, "visa_run": { "min_stays": 2 },
  "cohorts": { "min_group_size": 10 }, "score": { "threshold": 0.6 },
  "post_deadline": { "min_labor_score": 0.6 } }
JSON

ingest() { # db files...
  local db=$1; shift
  for f in "$@"; do $cli --db "$db" ingest "$f" --json >/dev/null; done
}
analyze() { # case db [args]
  local name=$1 db=$2; shift 2
  $cli --db "$db" analyze --json "$@" |
    jq -S '{steps: [.steps[] | {step, stats: (.stats | del(.cpu_seconds?))}]}' >"$out/$name.analyze.json"
  $sums "$db" >"$out/$name.tables.json"
}
evaluate() { # case db sim
  $cli --db "$2" evaluate --truth "$3" --json | jq -S . >"$out/$1.evaluate.json"
}

for s in hunchun-1 dandong-2; do
  db=$work/$s.duckdb
  ingest "$db" "$sims/$s/crossings.csv"
  $sums "$db" --fix-salt $salt
  cp "$db" "$work/$s.pristine.duckdb"
  analyze "$s" "$db"
  evaluate "$s" "$db" "$sims/$s"
  analyze "$s.rerun" "$db"
done

# Incremental: half the records, then the rest.
db=$work/hunchun-3.duckdb
ingest "$db" "$sims/hunchun-3/part-a.csv"
$sums "$db" --fix-salt $salt
analyze hunchun-3.part-a "$db"
ingest "$db" "$sims/hunchun-3/part-b.csv"
analyze hunchun-3.part-b "$db"
evaluate hunchun-3 "$db" "$sims/hunchun-3"

# Another policy, and a run that stops early.
db=$work/hunchun-1.policy.duckdb
cp "$work/hunchun-1.pristine.duckdb" "$db"
analyze hunchun-1.policy "$db" --policy "$work/policy.json"
evaluate hunchun-1.policy "$db" "$sims/hunchun-1"
db=$work/dandong-2.until.duckdb
cp "$work/dandong-2.pristine.duckdb" "$db"
analyze dandong-2.until-stays "$db" --until stays
analyze dandong-2.until-then-all "$db"
echo "wrote $out"
