#!/usr/bin/env bash
# Start-up benchmark: what every cron run and every short command pays before doing its work. Builds a small ledger
# from samples/ (sites, catalog, eight weeks of moves), then runs each command R times (default 15) through
# scripts/chanops, interleaved, and prints the median and best wall time and the mean CPU (user + sys) of each; the
# sqlite3 CLI answering the same question is the reference a user would otherwise reach for.
#
#   scripts/bench/startup.sh [R]        ledger in $BENCH_DIR (default /tmp/chanops-bench-startup)
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
runs="${1:-15}"
dir="${BENCH_DIR:-/tmp/chanops-bench-startup}"
chanops="$here/scripts/chanops"
mkdir -p "$dir"
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

"$chanops" --version >/dev/null   # builds the jar, the class-data archive and the native library outside the timings
db="$dir/ledger.db"
rm -f "$db" "$db-wal" "$db-shm"
"$chanops" --db "$db" --zone Asia/Shanghai -q init >/dev/null
"$chanops" --db "$db" -q site import "$here/samples/sites.csv" >/dev/null
"$chanops" --db "$db" -q catalog import "$here/samples/catalog.csv" >/dev/null
"$chanops" --db "$db" -q --now '2026-03-02 09:30' stock import "$here/samples/moves.csv" >/dev/null || true

labels=(version site-list stock-show)
commands=(
  "$chanops --version"
  "$chanops --db $db site list --format csv"
  "$chanops --db $db stock show --format csv"
)
if command -v sqlite3 >/dev/null; then
  labels+=(sqlite3-site-list)
  commands+=("sqlite3 -csv -header $db 'SELECT * FROM site ORDER BY site_id'")
fi
for label in "${labels[@]}"; do : > "$dir/$label.times"; done
for ((r = 0; r < runs; r++)); do
  for i in "${!labels[@]}"; do
    /usr/bin/time -a -o "$dir/${labels[$i]}.times" -f "%e %U %S" bash -c "${commands[$i]}" >/dev/null
  done
done

echo "start-up benchmark: $runs runs each, interleaved; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-20s %10s %10s %12s\n' command median_s best_s mean_cpu_s
for label in "${labels[@]}"; do
  sort -n "$dir/$label.times" | awk -v l="$label" '{ w[NR] = $1; c += $2 + $3 } END { printf "%-20s %10.3f %10.3f %12.3f\n", l, w[int((NR + 1) / 2)], w[1], c / NR }'
done
