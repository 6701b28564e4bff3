#!/usr/bin/env bash
# Benchmark: the bulk commands on a fresh SQLite ledger and a fresh PostgreSQL ledger, side by side, through the real
# CLI jar, printed as one markdown table (command | SQLite | PostgreSQL | ratio), wall seconds:
#   stock import      N moves (scripts/bench/gen_stock.py, default 1,000,000; ~84k positions); every on hand is
#                     checked against the file's independent fold on both ledgers; then `ledger check` of it
#   replenish check   first check of the cycle over STORES x SKUS positions (scripts/bench/gen_check.py, default
#                     1,000 x 300 = 300k positions; 5000 300 is the 1.5M of check.sh), after its stock and policy imports
#   policy tune       all those positions
#   reconcile run     R platform orders x ~R BOSS rows (scripts/bench/gen_reconcile.py, default 1,000,000)
#   commission report / cost report   the month those R orders were confirmed in (January 2026)
#   catalog import    P new products (scripts/bench/gen_catalog.py, default 50,000), then a --sync update of them; the
#                     two catalogs (catalog list --format csv) must be the same
# PostgreSQL: the server on $PGHOST:$PGPORT (default localhost:5432), where `su postgres -c psql` may create a role and
# databases (scripts/test/postgres-smoke.sh --install starts Debian's one; any other server started as it starts
# works too). Each ledger is a new database chanops_bench_{stock,check,reconcile}, dropped at the start of the next run.
# Data sets are generated once into $BENCH_DIR (default bench-data/). CHANOPS_TRACE=1 prints the stock import's phases.
# The machine's load is printed: wall times on a shared machine measure the neighbours too (run it with nice -n 5).
# usage: scripts/bench/postgres.sh [N_MOVES] [STORES] [SKUS] [ORDERS] [PRODUCTS]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-1000000}"
stores="${2:-1000}"
skus="${3:-300}"
orders="${4:-1000000}"
products="${5:-50000}"
data="${BENCH_DIR:-$here/bench-data}"
host="${PGHOST:-localhost}"
port="${PGPORT:-5432}"
mkdir -p "$data"
"$here/scripts/chanops" --version >/dev/null   # builds the jar if needed, outside the timings
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/cli/target/chanops.jar" "$work/chanops.jar"   # a private copy: a rebuild during the run changes nothing

stock="$data/stock-$n"
[ -f "$stock/moves.csv" ] || python3 "$here/scripts/bench/gen_stock.py" "$stock" --moves "$n" >&2
check="$data/check-${stores}x$skus"
[ -f "$check/moves.csv" ] || python3 "$here/scripts/bench/gen_check.py" "$check" "$stores" "$skus" >&2
rec="$data/reconcile-$orders"
[ -f "$rec/.generated" ] || { python3 "$here/scripts/bench/gen_reconcile.py" "$rec" "$orders" >&2 && touch "$rec/.generated"; }
cat_data="$data/catalog-$products"
[ -f "$cat_data/update.csv" ] || { mkdir -p "$cat_data" \
  && python3 "$here/scripts/bench/gen_catalog.py" "$products" "$cat_data/catalog.csv" "$cat_data/update.csv" >&2; }

# the admin connects over the local socket (peer authentication, as Debian's packaged server allows the postgres user)
# unless the server is on another host
admin_host=""; [ "$host" = localhost ] || admin_host="-h $host"
psql_admin() { (cd / && su postgres -c "psql -qtA $admin_host -p $port -c \"$1\""); }
[ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = 'chanops_bench'")" = 1 ] \
  || psql_admin "CREATE USER chanops_bench PASSWORD 'bench' CREATEDB" >/dev/null
export PGPASSWORD=bench
pg_ledger() { # NAME -> a new, empty database; prints its JDBC URL
  psql_admin "DROP DATABASE IF EXISTS chanops_bench_$1" >/dev/null 2>&1
  psql_admin "CREATE DATABASE chanops_bench_$1 OWNER chanops_bench" >/dev/null
  echo "jdbc:postgresql://$host:$port/chanops_bench_$1?user=chanops_bench"
}

secs() { date +%s.%N; }
cli() { local db="$1"; shift; java -jar "$work/chanops.jar" --db "$db" --zone Asia/Shanghai --now '2026-03-02 09:30' -q "$@"; }
# timed LEDGER_KIND LABEL LEDGER ARGS...: runs one command, keeps its wall seconds under LABEL for the table
timed() {
  local kind="$1" label="$2" db="$3" t0 t1 rc=0
  shift 3
  t0=$(secs)
  cli "$db" "$@" >"$work/out" 2>"$work/err" || rc=$?
  t1=$(secs)
  # replenish check exits 3 when it raised orders: that is its success
  if [ "$rc" != 0 ] && ! { [ "$rc" = 3 ] && [ "$1" = replenish ]; } && ! { [ "$rc" = 3 ] && [ "$1" = reconcile ]; }; then
    echo "FAIL on $db: '$*' exited $rc" >&2; cat "$work/err" >&2; exit 1
  fi
  grep -h 'phases' "$work/err" >&2 || true
  printf '%s\t%s\t%s\n' "$kind" "$label" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')" >> "$work/times"
}

run_all() { # KIND SQLITE_OR_PG
  local kind="$1" db
  # stock import
  if [ "$kind" = sqlite ]; then db="$work/stock.db"; else db=$(pg_ledger stock); fi
  cli "$db" init >/dev/null
  cli "$db" site import "$stock/sites.csv" >/dev/null
  cli "$db" catalog import "$stock/catalog.csv" >/dev/null
  timed "$kind" "\`stock import\` $n moves" "$db" stock import "$stock/moves.csv"
  cli "$db" stock show --format csv > "$work/show.csv"
  python3 - "$stock/expected.csv" "$work/show.csv" <<'PY' >&2
import csv, sys
exp = {(r["site_id"], r["sku"]): int(r["on_hand"]) for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
got = {(r["site_id"], r["sku"]): int(r["on_hand"]) for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
bad = [k for k in exp if got.get(k) != exp[k]]
print(f"consistency: {len(exp)} positions, {len(bad)} mismatches" + (f" e.g. {bad[:3]}" if bad else ""))
sys.exit(1 if bad or len(got) != len(exp) else 0)
PY
  timed "$kind" "\`ledger check\` $n moves" "$db" ledger check
  # check and tune
  if [ "$kind" = sqlite ]; then db="$work/check.db"; else db=$(pg_ledger check); fi
  cli "$db" init >/dev/null
  cli "$db" site import "$check/sites.csv" >/dev/null
  cli "$db" catalog import "$check/catalog.csv" >/dev/null
  timed "$kind" "\`stock import\` $(($(wc -l < "$check/moves.csv") - 1)) moves (check's ledger)" "$db" \
    stock import "$check/moves.csv"
  timed "$kind" "\`policy import\` $((stores * skus)) policies" "$db" policy import "$check/policies.csv"
  timed "$kind" "\`replenish check\` $((stores * skus)) positions" "$db" replenish check --format csv --out "$work/check-$kind.csv"
  timed "$kind" "\`policy tune\` $((stores * skus)) positions" "$db" policy tune
  # reconcile and the finance reports of its month
  if [ "$kind" = sqlite ]; then db="$work/reconcile.db"; else db=$(pg_ledger reconcile); fi
  cli "$db" init >/dev/null
  rm -rf "$work/rec-out"
  timed "$kind" "\`reconcile run\` $orders x $(($(wc -l < "$rec/boss.csv") - 1))" "$db" reconcile run \
    --platform "$rec/platform-orders.csv" --boss "$rec/boss.csv" --profile "$rec/boss-profile.properties" --out "$work/rec-out"
  timed "$kind" "\`commission report\` (the run's month)" "$db" commission report --month 2026-01 \
    --rules "$here/samples/commission-rules.csv" --format csv --out "$work/commission-$kind.csv"
  timed "$kind" "\`cost report\` (the run's month)" "$db" cost report --month 2026-01 \
    --rates "$here/samples/channel-rates.csv" --format csv --out "$work/cost-$kind.csv"
  # the catalog: a first import, then a bulk update that also unlists what it does not name
  if [ "$kind" = sqlite ]; then db="$work/catalog.db"; else db=$(pg_ledger catalog); fi
  cli "$db" init >/dev/null
  timed "$kind" "\`catalog import\` $products new products" "$db" catalog import "$cat_data/catalog.csv"
  timed "$kind" "\`catalog import --sync\` $(($(wc -l < "$cat_data/update.csv") - 1)) rows" "$db" \
    catalog import "$cat_data/update.csv" --sync
  cli "$db" catalog list --format csv --out "$work/catalog-$kind.csv"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores" >&2
run_all sqlite
run_all postgresql
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# the same reports from both ledgers
for f in commission cost catalog; do
  diff -q "$work/$f-sqlite.csv" "$work/$f-postgresql.csv" >/dev/null || { echo "FAIL: $f report differs between the ledgers" >&2; exit 1; }
done

echo
echo "| command | SQLite | PostgreSQL | ratio |"
echo "|---|---:|---:|---:|"
awk -F'\t' '$1 == "sqlite" { s[$2] = $3; order[++k] = $2 } $1 == "postgresql" { p[$2] = $3 }
  END { for (i = 1; i <= k; i++) { l = order[i]; printf "| %s | %.2f s | %.2f s | %.2fx |\n", l, s[l], p[l], p[l] / s[l] } }' "$work/times"
