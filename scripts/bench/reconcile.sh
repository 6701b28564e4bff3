#!/usr/bin/env bash
# Reconciliation benchmark: generates N platform orders (default 1,000,000) and a ~N-row GB18030 BOSS export with
# injected discrepancies, reconciles them with the real CLI (ledger writes and CSV reports included), and in the same
# run times what an analyst would otherwise do: the sqlite3 CLI (iconv, .import both, index, join; once only counting,
# once storing the matched orders as a table, as chanops stores its confirmed orders) and a pandas script.
# Prints wall time, CPU time (user+sys) and peak RSS of each (from /usr/bin/time -v).
#
#   scripts/bench/reconcile.sh [N]          data and ledgers in $BENCH_DIR (default /tmp/chanops-bench-reconcile)
#
# The CLI runs with CHANOPS_JAVA_OPTS (default -Xmx700m): without a heap cap the JVM sizes its heap for throughput
# (up to 1/4 of RAM) and its RSS reflects that choice rather than what the reconciliation needs.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
n="${1:-1000000}"
dir="${BENCH_DIR:-/tmp/chanops-bench-reconcile}"
export CHANOPS_JAVA_OPTS="${CHANOPS_JAVA_OPTS:--Xmx700m}"
mkdir -p "$dir"

# Debian's python3-pandas lives in the system interpreter, which a pyenv or venv python3 on PATH would not see
py=/usr/bin/python3
[ -x "$py" ] || py=python3
need_apt=()
command -v sqlite3 >/dev/null || need_apt+=(sqlite3)
"$py" -c 'import pandas' 2>/dev/null || need_apt+=(python3-pandas)
[ -x /usr/bin/time ] || need_apt+=(time)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing ${need_apt[*]} (apt-get)..." >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q "${need_apt[@]}" >&2; else sudo apt-get install -y -q "${need_apt[@]}" >&2; fi
fi

if [ ! -f "$dir/.generated-$n" ]; then
  echo "generating $n orders in $dir ..." >&2
  rm -f "$dir"/.generated-*
  python3 "$here/scripts/bench/gen_reconcile.py" "$dir" "$n" >&2
  touch "$dir/.generated-$n"
fi
"$here/scripts/chanops" --version >/dev/null   # build the jar outside the measurement

# measure LABEL COMMAND...: runs under /usr/bin/time -v, keeps "label wall cpu rss" in $dir/results
: > "$dir/results"
measure() {
  local label="$1"; shift
  local rc=0
  /usr/bin/time -v -o "$dir/$label.time" "$@" > "$dir/$label.out" 2> "$dir/$label.err" || rc=$?
  local wall user sys rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$dir/$label.time" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  user=$(awk -F': ' '/User time/ {print $2}' "$dir/$label.time")
  sys=$(awk -F': ' '/System time/ {print $2}' "$dir/$label.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/$label.time")
  printf '%s %s %s %s %s\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$rc" >> "$dir/results"
}

rm -rf "$dir/chanops.db"* "$dir/out"
# a ledger in use: created (schema migrated) before the measurement, as the daily reconciliation finds it
"$here/scripts/chanops" --db "$dir/chanops.db" -q init >/dev/null
measure chanops "$here/scripts/chanops" --db "$dir/chanops.db" --now '2026-03-02 09:30' -v reconcile run \
  --platform "$dir/platform-orders.csv" --boss "$dir/boss.csv" --profile "$dir/boss-profile.properties" --out "$dir/out"

# sqlite_join SCRIPT DB QUERY: writes SCRIPT, the analyst's route in the sqlite3 CLI: the BOSS export converted to
# UTF-8, both files imported into DB with an index on the BOSS order ref, then QUERY
sqlite_join() {
  cat > "$1" <<SH
set -e
iconv -f GB18030 -t UTF-8 "$dir/boss.csv" > "$dir/boss-utf8.csv"
sqlite3 "$2" <<'SQL'
.mode csv
.import $dir/platform-orders.csv platform
.import $dir/boss-utf8.csv boss
CREATE INDEX boss_ref ON boss ("外部订单号");
$3
SQL
SH
}

rm -f "$dir/sqlite.db" "$dir/boss-utf8.csv"
sqlite_join "$dir/join.sh" "$dir/sqlite.db" 'SELECT count(*), sum(CAST(round(p.amount * 100) AS INTEGER) <> CAST(b."金额(分)" AS INTEGER))
  FROM platform p JOIN boss b ON b."外部订单号" = p.order_id;'
measure sqlite3 bash "$dir/join.sh"

# The same route, but leaving what chanops leaves: the matched orders as rows in a table one can query later.
rm -f "$dir/sqlite-store.db"
sqlite_join "$dir/join-store.sh" "$dir/sqlite-store.db" 'CREATE TABLE confirmed AS
  SELECT p.order_id, p.created_at, substr(p.created_at, 1, 7) AS created_month, p.channel, p.site_id, p.msisdn, p.sku,
         CAST(p.qty AS INTEGER) AS qty, CAST(round(p.amount * 100) AS INTEGER) AS amount_fen,
         CAST(b."金额(分)" AS INTEGER) AS boss_net_fen, b."受理时间" AS boss_accepted_at, p.status
    FROM platform p JOIN boss b ON b."外部订单号" = p.order_id
   WHERE CAST(round(p.amount * 100) AS INTEGER) = CAST(b."金额(分)" AS INTEGER);
SELECT count(*) FROM confirmed;'
measure sqlite3-store bash "$dir/join-store.sh"
measure pandas "$py" "$here/scripts/bench/reconcile_pandas.py" "$dir"

echo
echo "reconcile benchmark: $n platform orders, $(($(wc -l < "$dir/boss.csv") - 1)) BOSS rows (GB18030); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E ' ms( |$)' "$dir/chanops.err" | sed 's/^/  chanops phase: /' || true
printf '%-10s %10s %10s %10s %5s\n' tool wall_s cpu_s peak_MB exit
while read -r label wall cpu rss rc; do printf '%-10s %10s %10s %10s %5s\n' "$label" "$wall" "$cpu" "$rss" "$rc"; done < "$dir/results"
c=$(awk '$1=="chanops" {print $2}' "$dir/results"); s=$(awk '$1=="sqlite3" {print $2}' "$dir/results")
echo "sqlite3 key join / chanops full reconcile (wall): $(echo "scale=2; $s / $c" | bc)x"
st=$(awk '$1=="sqlite3-store" {print $2}' "$dir/results")
echo "sqlite3 key join storing the matched rows / chanops full reconcile (wall): $(echo "scale=2; $st / $c" | bc)x"
head -12 "$dir/chanops.out" | sed 's/^/  /'
