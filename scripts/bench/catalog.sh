#!/usr/bin/env bash
# Catalog benchmark: a 50,000-product catalog.csv through the real CLI jar.
#   scripts/bench/catalog.sh [N]     (default N=50000; work files in ${BENCH_DIR:-/tmp/chanops-bench-catalog})
# Times: dry run on an empty ledger, the import, a dry run of a bulk update (10% price changes, diff printed),
# the update with --sync, a forced re-import (all unchanged), an export (list --format csv) and a channel feed.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
n="${1:-50000}"
work="${BENCH_DIR:-/tmp/chanops-bench-catalog}"
mkdir -p "$work"
rm -f "$work"/bench.db* "$work"/*.rejects.csv
"$here/scripts/chanops" --version >/dev/null   # builds the jar if sources changed
jar="$here/cli/target/chanops.jar"
python3 "$here/scripts/bench/gen_catalog.py" "$n" "$work/catalog.csv" "$work/update.csv"
echo "catalog: $n products ($(du -h "$work/catalog.csv" | cut -f1)), update: $(($(wc -l < "$work/update.csv") - 1)) rows; $(nproc) cores"

run() { # label expected-exit args...   prints wall-clock and CPU (user+sys) seconds
  local label="$1" expect="$2"; shift 2
  local rc=0 TIMEFORMAT='%R %U %S'
  { time java ${CHANOPS_JAVA_OPTS:-} -jar "$jar" --db "$work/bench.db" --now '2026-03-02 09:30' --zone Asia/Shanghai -q "$@" \
      >"$work/last.out" 2>"$work/last.err" || rc=$?; } 2>"$work/last.time"
  if [ "$rc" != "$expect" ]; then
    echo "FAILED: $label exited $rc (expected $expect)"; tail -5 "$work/last.err"; exit 1
  fi
  read -r wall user sys < "$work/last.time"
  printf '| %-40s | %6.2f | %6.2f | %s |\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$(tail -1 "$work/last.out" | cut -c1-100)"
}

java -jar "$jar" --db "$work/bench.db" --zone Asia/Shanghai -q init >/dev/null   # only init creates a ledger
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-40s | %6s | %6s | %s |\n' "step" "wall s" "CPU s" "last line of output"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..42})" "--------" "--------" "----"
run "dry run, empty ledger ($n created)"     0 catalog import "$work/catalog.csv" --dry-run
run "import ($n created, history)"          0 catalog import "$work/catalog.csv"
run "dry run of the update (diff printed)"   0 catalog import "$work/update.csv" --dry-run --sync
run "import the update --sync"               0 catalog import "$work/update.csv" --sync
run "re-import --force (all unchanged)"      0 catalog import "$work/update.csv" --force
run "export: list --format csv"              0 catalog list --format csv --out "$work/export.csv"
run "re-import the export (all unchanged)"   0 catalog import "$work/export.csv"
run "feed --channel web"                     0 catalog feed --channel web --out "$work/feed-web.csv"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
