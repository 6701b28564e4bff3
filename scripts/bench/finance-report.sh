#!/usr/bin/env bash
# Benchmark of the finance reports. Fills a ledger with what reconcile runs store: N confirmed orders per month for
# January and February 2026 (February reconciled twice: 2N rows for its N orders), 2% of January's orders reversed in
# February, BOSS activity per site and day. Then times, through the launcher as users run it (scripts/chanops):
#   commission report --rules FILE --detail FILE   loads the rules, books the clawbacks, writes a line per order
#   commission report --by site                    the month's summary (nothing new to book)
#   cost report
# and, side by side, finance's own route to the month by site: the sqlite3 CLI importing the month's matched.csv (as
# `reconcile run` writes it, the N orders of February's latest run) into a new database and grouping by site.
# Figures from /usr/bin/time -v (wall, CPU = user + sys, peak RSS); without it (apt-get install time), wall time only.
#
#   scripts/bench/finance-report.sh [ORDERS_PER_MONTH=100000]       KEEP=1 keeps the work directory
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
n="${1:-100000}"
work="$(mktemp -d)"
db="$work/bench.db"

if [ ! -x /usr/bin/time ]; then
  echo "installing time (apt-get) for peak RSS figures..." >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q time >&2 || true; else sudo -n apt-get install -y -q time >&2 || true; fi
fi
command -v sqlite3 >/dev/null || { echo "finance-report: the sqlite3 CLI is needed for the comparison (apt-get install sqlite3)" >&2; exit 1; }

launcher=("$here/scripts/chanops" --db "$db" --zone Asia/Shanghai --now '2026-03-02 09:30')
chanops() { "${launcher[@]}" "$@"; }
chanops init >/dev/null
chanops site import "$here/samples/sites.csv" >/dev/null
chanops catalog import "$here/samples/catalog.csv" >/dev/null
python3 - "$db" "$n" "$work/confirmed.tsv" "$work/matched.csv" <<'PY'
# Writes what `reconcile run` stores: runs and BOSS activity directly, the confirmed orders to a TSV file that
# FillConfirmed.java (below) stores through the product's ConfirmedOrderRepository, and the matched.csv report of
# February's latest run.
import random, sqlite3, sys
db, n, tsv, matched = sys.argv[1], int(sys.argv[2]), open(sys.argv[3], "w", encoding="utf-8"), open(sys.argv[4], "w", encoding="utf-8", newline="")
random.seed(7)
c = sqlite3.connect(db)
sites = [r[0] for r in c.execute("SELECT site_id FROM site WHERE kind = 'store'")] + ["GZ-NEW-01"]
skus = [(r[0], r[1]) for r in c.execute("SELECT sku, price_fen FROM product")]
matched.write("order_id,boss_ids,created_at,channel,site_id,msisdn,sku,qty,platform_amount,boss_amount,platform_status,"
              "boss_status,boss_accepted_at,matched_by\r\n")
def yuan(fen):
    return ("-" if fen < 0 else "") + f"{abs(fen) // 100}.{abs(fen) % 100:02d}"
def store(run, rows, report=False):  # rows: (order_id, created, channel, site, msisdn, sku, qty, amount, net, accepted, status, live, matched_by)
    for k, r in enumerate(rows):
        tsv.write("\t".join(str(v) for v in (run,) + r) + "\n")
        if report:
            o, t, ch, s, m, sku, q, a, net, acc, st, live, mb = r
            matched.write(f"{o},BS{run}{k:09d},{t},{ch},{s},{m},{sku},{q},{yuan(a)},{yuan(net)},{st},"
                          f"{'completed' if live else 'cancelled'},{acc},{mb}\r\n")
def run(i, at):
    c.execute("INSERT INTO reconcile_run (run_id, run_at, platform_file, platform_sha256, boss_file, boss_sha256, profile_file, "
              "tolerance_fen, window_minutes, platform_rows, boss_rows, discrepancies, os_user) "
              "VALUES (?, ?, 'p', ?, 'b', ?, 'x', 0, 30, 0, 0, 0, 'bench')", (i, at, f"p{i}", f"b{i}"))
def orders(month, count):
    out = []
    for k in range(count):
        day = random.randint(1, 28)
        sku, price = random.choice(skus)
        qty = random.choice([1, 1, 1, 2, 3])
        amount = (price or 12900) * qty
        out.append((f"O{month}{k:08d}", f"2026-{month:02d}-{day:02d} {random.randint(8, 21):02d}:{random.randint(0, 59):02d}:00",
                    random.choice(sites), sku, qty, amount))
    return out
def confirmed(o, t, s, k, q, amount, net, accepted, status, live):
    return (o, t, "web", s, "13800138000", k, q, amount, net, accepted, status, live, "order_ref")
jan, feb = orders(1, n), orders(2, n)
run(1, "2026-02-01 09:00:00")
store(1, [confirmed(o, t, s, k, q, a, a, t, "completed", True) for (o, t, s, k, q, a) in jan])
for r in (2, 3):  # February reconciled twice (the second with --force)
    run(r, f"2026-03-0{r - 1} 09:00:00")
    rows = [confirmed(o, t, s, k, q, a, a, t, "completed", True) for (o, t, s, k, q, a) in feb]
    rows += [confirmed(o, t, s, k, q, 0, -a, f"2026-02-{random.randint(1, 28):02d} 12:00:00", "refunded", False)
             for (o, t, s, k, q, a) in jan[: n // 50]]
    store(r, rows, report=(r == 3))
    c.executemany("INSERT INTO boss_activity (run_id, day, site_id, rows_count, amount_fen) VALUES (?, ?, ?, ?, 0)",
                  [(r, f"2026-02-{d:02d}", s, n // 300) for d in range(1, 29) for s in sites])
c.commit()
tsv.close()
matched.close()
PY
jar="$here/cli/target/chanops.jar"   # built by the launcher above
java -cp "$jar" "$here/scripts/bench/FillConfirmed.java" "$db" "$work/confirmed.tsv"
echo "ledger: $n orders a month (Jan once, Feb twice), $((n / 50)) January orders reversed in February;" \
  "matched.csv of February's latest run: $(($(wc -l < "$work/matched.csv") - 1)) rows, $(($(wc -c < "$work/matched.csv") / 1000000)) MB"

# t LABEL COMMAND...: one line of wall, CPU and peak RSS
t() {
  local label="$1"; shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
    awk -F': ' -v label="$label" '
      /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = (n == 3) ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2] }
      /User time/ { cpu += $2 } /System time/ { cpu += $2 } /Maximum resident set size/ { rss = $2 }
      END { printf "%-62s %7.2f s wall  %7.2f s CPU  %6.0f MiB peak RSS\n", label, wall, cpu, rss / 1024 }' "$work/time"
  else
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
    end=$(date +%s.%N)
    printf "%-62s %7.2f s wall  (no /usr/bin/time: CPU and RSS not measured)\n" "$label" "$(echo "$end - $start" | bc)"
  fi
}
t "chanops commission report --rules FILE --detail FILE" "${launcher[@]}" commission report --month 2026-02 \
  --rules "$here/samples/commission-rules.csv" --detail "$work/detail.csv"
t "chanops commission report --by site" "${launcher[@]}" commission report --month 2026-02 --by site
t "chanops commission report --by rule" "${launcher[@]}" commission report --month 2026-02 --by rule
t "chanops cost report" "${launcher[@]}" cost report --month 2026-02 --rates "$here/samples/channel-rates.csv"
t "sqlite3 CLI: .import matched.csv, GROUP BY site_id" sh -c "rm -f '$work/m.db'; sqlite3 '$work/m.db' \
  '.import --csv $work/matched.csv m' 'SELECT site_id, count(*), sum(qty), sum(boss_amount) FROM m GROUP BY site_id'"
echo "detail lines: $(($(wc -l < "$work/detail.csv") - 1))"
[ -n "${KEEP:-}" ] && echo "kept $work" || rm -rf "$work"
