#!/usr/bin/env bash
# Benchmark: the same N-move import (default 1,000,000; scripts/bench/gen_stock.py) into a fresh SQLite ledger and a
# fresh PostgreSQL ledger through the real CLI, printed side by side; both are checked against the file's independent
# fold. PostgreSQL: $CHANOPS_PG_URL (an empty database), else a local 'chanops_bench' database made as
# scripts/test/postgres-smoke.sh makes its own (run that once with --install to get a server). CHANOPS_TRACE=1 prints
# the import's phases.
# usage: scripts/bench/postgres.sh [N]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-1000000}"
work="${BENCH_DIR:-$here/bench-data/stock-$n}"
mkdir -p "$work"
chanops="$here/scripts/chanops"
"$chanops" --version >/dev/null   # builds the jar if needed, outside the timings

url="${CHANOPS_PG_URL:-}"
if [ -z "$url" ]; then
  (cd / && su postgres -c "psql -qtc \"SELECT 1 FROM pg_roles WHERE rolname='chanops_bench'\" | grep -q 1 \
     || psql -qc \"CREATE USER chanops_bench PASSWORD 'bench' CREATEDB\"") >/dev/null
  (cd / && su postgres -c "dropdb --if-exists chanops_bench; createdb -O chanops_bench chanops_bench") 2>/dev/null
  url='jdbc:postgresql://localhost/chanops_bench?user=chanops_bench'
  export PGPASSWORD=bench
fi
if [ ! -f "$work/moves.csv" ]; then
  python3 "$here/scripts/bench/gen_stock.py" "$work" --moves "$n"
fi
db="$work/bench.db"
rm -f "$db" "$db-wal" "$db-shm"

secs() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# import LEDGER -> prints the seconds of the stock import; checks every on hand against expected.csv
import() {
  local ledger="$1" t0 t1
  "$chanops" --db "$ledger" --zone Asia/Shanghai -q init >/dev/null
  "$chanops" --db "$ledger" -q site import "$work/sites.csv" >/dev/null
  "$chanops" --db "$ledger" -q catalog import "$work/catalog.csv" >/dev/null
  t0=$(secs)
  "$chanops" --db "$ledger" --now '2026-03-02 09:30' -q stock import "$work/moves.csv" >/dev/null
  t1=$(secs)
  "$chanops" --db "$ledger" stock show --format csv -q > "$work/show.csv"
  python3 - "$work/expected.csv" "$work/show.csv" <<'PY' >&2
import csv, sys
exp = {(r["site_id"], r["sku"]): int(r["on_hand"]) for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
got = {(r["site_id"], r["sku"]): int(r["on_hand"]) for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
bad = [k for k in exp if got.get(k) != exp[k]]
print(f"consistency: {len(exp)} positions, {len(bad)} mismatches" + (f" e.g. {bad[:3]}" if bad else ""))
sys.exit(1 if bad or len(got) != len(exp) else 0)
PY
  elapsed "$t0" "$t1"
}

sqlite_s=$(import "$db")
pg_s=$(import "$url")
echo
echo "== stock import, $n moves, $(($(wc -l < "$work/expected.csv") - 1)) positions"
printf '%-12s %8s\n' ledger seconds SQLite "$sqlite_s" PostgreSQL "$pg_s"
