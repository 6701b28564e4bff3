#!/usr/bin/env bash
# Benchmark of 'chanops replenish plan' through the real CLI jar.
#  1. Published CVRP instances (Augerat set A, Uchoa et al. set X, Christofides-Mingozzi-Toth set M; scripts/bench/cvrp/, sources in optima.csv) posed
#     as an emergency day (shifts 00:00-23:59, distances as minutes: only instances whose routes fit one day): travel
#     vs the known optimum (gap %), unserved units, time to the final best score.
#  2. Generated realistic days (50/150/300 emergency visits, 5-15 vehicles, store hours, short SKUs).
# Each day is planned by the solver and by the greedy nearest-neighbour baseline (hidden --method greedy).
# usage: scripts/bench/plan.sh [TUNING...]   (default: DEFAULT; e.g. 'DEFAULT LIST_MOVES TABU' to compare)
# env: CVRP_LIMITS="A-n32-k5:30s A-n65-k9:60s X-n172-k51:120s X-n172-k51:120s:51 M-n200-k17:120s"
#      (NAME:LIMIT[:VANS]; vans default to optima.csv's: as many as the optimal solution has routes, since the
#      published instances have no fleet limit)  DAYS="50:5 150:10 300:15"  DAY_LIMIT=30s  SEED=0
#      CHANOPS_JAR=path/to/chanops.jar
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
chanops="$root/scripts/chanops"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tunings=("${@:-DEFAULT}")
cvrp_limits=${CVRP_LIMITS:-"A-n32-k5:30s A-n65-k9:60s X-n172-k51:120s X-n172-k51:120s:51 M-n200-k17:120s"}
days=${DAYS:-"50:5 150:10 300:15"}
day_limit=${DAY_LIMIT:-30s}
seed=${SEED:-0}

# Build once, then run a frozen copy of the jar: editing sources while the bench runs must not trigger a rebuild.
# CHANOPS_JAR=path runs that jar instead (e.g. a copy built from main, to compare a branch with it).
if [ -n "${CHANOPS_JAR:-}" ]; then
  cp "$CHANOPS_JAR" "$work/chanops.jar"
else
  "$chanops" --version >/dev/null
  cp "$root/cli/target/chanops.jar" "$work/chanops.jar"
fi
chanops() { java ${CHANOPS_JAVA_OPTS:-} -jar "$work/chanops.jar" "$@"; }

load() { # dir
  local d=$1
  chanops --db "$d/chanops.db" --zone Asia/Shanghai -q init >/dev/null
  chanops --db "$d/chanops.db" -q site import "$d/sites.csv" >/dev/null
  chanops --db "$d/chanops.db" -q catalog import "$d/catalog.csv" >/dev/null
  chanops --db "$d/chanops.db" -q stock import "$d/moves.csv" >/dev/null
  sqlite3 "$d/chanops.db" < "$d/orders.sql"
}

metric() { grep "^$2," "$1/summary.csv" 2>/dev/null | cut -d, -f2 | tr -d '\r' || echo "?"; }

# run DIR LABEL LIMIT METHOD TUNING MATRIX SERVICE OPTIMUM
run() {
  local d=$1 label=$2 limit=$3 method=$4 tuning=$5 matrix=$6 service=$7 optimum=$8
  local out="$d/out-$method-$tuning" log="$d/log-$method-$tuning"
  local args=(--db "$d/chanops.db" --now "2026-03-02 07:30" -v replenish plan --date 2026-03-02 --vehicles "$d/vehicles.csv"
              --service-minutes "$service" --time-limit "$limit" --seed "$seed" --method "$method" --tuning "$tuning" --out "$out")
  [ -n "$matrix" ] && args+=(--matrix "$d/matrix.csv")
  local start end rc=0
  start=$(date +%s.%N)
  chanops "${args[@]}" 2>"$log" || rc=$?
  end=$(date +%s.%N)
  if [ ! -f "$out/summary.csv" ]; then echo "| $label | $method | $tuning | $limit | failed (exit $rc): $(tail -1 "$log") |"; return; fi
  local travel unserved score final_at gap
  travel=$(metric "$out" total_travel_minutes); unserved=$(metric "$out" units_unserved); score=$(metric "$out" score)
  # time to the final best score, and to the first feasible plan with the final medium (unserved) score
  final_at=$( (grep '^best ' "$log" || true) | tail -1 | sed 's/.* at \([0-9]*\) ms/\1/')
  local medium=${score#*hard/}; medium=${medium%%medium*}
  local served_at
  served_at=$( (grep "^best 0hard/${medium}medium" "$log" || true) | head -1 | sed 's/.* at \([0-9]*\) ms/\1/')
  gap="-"
  if [ "$optimum" != "-" ]; then gap=$(awk -v t="$travel" -v o="$optimum" 'BEGIN { printf "%.2f", (t - o) * 100 / o }'); fi
  printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.1f |\n" "$label" "$method" "$tuning" "$limit" "$score" "$unserved" \
    "$travel" "$gap" "${served_at:-?}" "${final_at:-?}" "$(echo "$end - $start" | bc)"
}

echo "| day | method | tuning | limit | score | unserved units | travel min | gap % | ms to all-served feasible | ms to final best | wall s |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for entry in $cvrp_limits; do
  IFS=: read -r name limit k <<<"$entry"
  k=${k:-$(grep "^$name," "$here/cvrp/optima.csv" | cut -d, -f2)}; optimum=$(grep "^$name," "$here/cvrp/optima.csv" | cut -d, -f3)
  d="$work/$name-v$k"; python3 "$here/cvrp_day.py" "$here/cvrp/$name.vrp" "$k" "$d"; load "$d"
  run "$d" "$name-v$k" "$limit" greedy DEFAULT matrix 0 "$optimum"
  for t in "${tunings[@]}"; do run "$d" "$name-v$k" "$limit" solver "$t" matrix 0 "$optimum"; done
done
for entry in $days; do
  visits=${entry%%:*}; vehicles=${entry#*:}
  d="$work/day-$visits"; python3 "$here/plan_day.py" "$visits" "$vehicles" "$d" 7; load "$d"
  run "$d" "day-$visits-v$vehicles" "$day_limit" greedy DEFAULT "" 10 -
  for t in "${tunings[@]}"; do run "$d" "day-$visits-v$vehicles" "$day_limit" solver "$t" "" 10 -; done
done
