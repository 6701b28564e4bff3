#!/usr/bin/env bash
# Runs the sample day on a PostgreSQL ledger and on an SQLite ledger with the same commands, and checks that the
# reports agree: the shared-ledger backend runs the same SQL. Needs a PostgreSQL server; with --install (as root, as
# CI does) it installs and starts Debian's one when none answers on localhost.
#   scripts/test/postgres-smoke.sh [--install]     (PG URL: $CHANOPS_PG_URL, default a local 'chanops_smoke' database)
# Then (own server only) copies the SQLite ledger with `ledger copy` and compares the reports again, and runs the Maven
# tests that need a server (CHANOPS_TEST_PG_URL; CHANOPS_SMOKE_TESTS=0 leaves them out). PGPORT picks another port of
# localhost for the server (one started by hand with initdb/pg_ctl as the postgres user).
#   scripts/test/postgres-smoke.sh [--install] --server-only   only installs/starts the server and makes the smoke
#   database, then prints its URL (CI starts it this way before `mvn verify`, so that the server tests run there).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
if [[ " $* " == *" --install "* ]] && ! (command -v pg_isready >/dev/null && pg_isready -q -h localhost); then
  if ! command -v pg_ctlcluster >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1 \
      || { echo "postgres-smoke: SKIPPED (could not install postgresql)"; exit 0; }
  fi
  service postgresql start >/dev/null 2>&1 || { echo "postgres-smoke: SKIPPED (could not start postgresql)"; exit 0; }
  for _ in $(seq 1 30); do pg_isready -q -h localhost && break; sleep 1; done
fi
url="${CHANOPS_PG_URL:-}"
if [ -z "$url" ]; then
  su postgres -c "psql -qtc \"SELECT 1 FROM pg_roles WHERE rolname='chanops_smoke'\" | grep -q 1 || psql -qc \"CREATE USER chanops_smoke PASSWORD 'smoke' CREATEDB\"" >/dev/null
  su postgres -c "dropdb --if-exists chanops_smoke; createdb -O chanops_smoke chanops_smoke"
  url="jdbc:postgresql://localhost:${PGPORT:-5432}/chanops_smoke?user=chanops_smoke&password=smoke"
fi
if [[ " $* " == *" --server-only "* ]]; then
  echo "$url"
  exit 0
fi
"$here/scripts/chanops" --version >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$here/samples" "$work/samples"
cd "$work"
day() { # ledger -> runs the sample day, prints "exit command" lines
  local db="$1" rc
  while IFS='|' read -r expect cmd; do
    rc=0
    # shellcheck disable=SC2086
    "$here/scripts/chanops" --db "$db" --zone Asia/Shanghai "--now=2026-03-02 09:30" -q $cmd >/dev/null 2>"$work/err" || rc=$?
    if [ "$rc" != "$expect" ]; then echo "FAIL on $db: '$cmd' exited $rc, expected $expect"; cat "$work/err"; exit 1; fi
  done <<'STEPS'
0|init
0|site import samples/sites.csv
0|catalog import samples/catalog.csv
0|stock import samples/moves.csv
0|stock import samples/moves.csv --skip-booked
0|policy import samples/policies.csv --dry-run
0|policy import samples/policies.csv
0|policy tune
3|replenish check --dry-run
3|replenish check
0|replenish check
0|replenish plan --date 2026-03-02 --vehicles samples/vehicles.csv --max-steps 300 --seed 7 --out plan --apply
0|replenish unplan --vehicle GZ-VAN-1
0|replenish plan --date 2026-03-02 --vehicles samples/vehicles.csv --max-steps 300 --seed 7 --out plan --apply
0|replenish ship --vehicle GZ-VAN-1 --date 2026-03-02
0|replenish receive RO-20260302-000001 --qty 1
0|replenish rebalance --date 2026-03-04 --apply
3|reconcile run --platform samples/platform-orders-2026-01.csv --boss samples/boss-2026-01.csv --profile samples/boss-profile.properties --out r1
3|reconcile run --platform samples/platform-orders-2026-02.csv --boss samples/boss-2026-02.csv --profile samples/boss-profile.properties --out r2 --carry
0|commission report --month 2026-02 --rules samples/commission-rules.csv
0|replenish cancel --run 2
STEPS
}
report() { # ledger -> the reports whose content must not depend on the backend
  local db="$1"
  for cmd in "stock show --format csv" "replenish orders --format csv" "replenish orders --vehicle GZ-VAN-1 --format csv" \
             "policy list --format csv" \
             "replenish rebalance --date 2026-03-04 --format csv" \
             "commission report --month 2026-02 --by rule --format csv" "cost report --month 2026-02 --format csv" \
             "reconcile list --format csv" "catalog list --format csv" \
             "policy simulate --from 2026-02-02 --to 2026-03-01 --policies samples/policies.csv --service-level 0.90,0.95 --by position --format csv"; do
    # shellcheck disable=SC2086
    "$here/scripts/chanops" --db "$db" --zone Asia/Shanghai "--now=2026-03-02 09:30" -q $cmd 2>"$work/err" \
      || { echo "FAIL on $db: '$cmd' exited $?" >&2; cat "$work/err" >&2; exit 1; }
  done
}
day "$url"
day "$work/sqlite.db"
report "$url" > pg.txt
report "$work/sqlite.db" > sqlite.txt
if ! diff -q pg.txt sqlite.txt >/dev/null; then
  echo "FAIL: PostgreSQL and SQLite ledgers disagree:"; diff pg.txt sqlite.txt | head -20; exit 1
fi
echo "postgres-smoke: OK, the sample day gives the same $(wc -l < pg.txt) report lines on PostgreSQL and SQLite"

# ledger copy: the SQLite ledger of the day, moved to an empty database, gives the same reports again
if [ -z "${CHANOPS_PG_URL:-}" ]; then
  (cd / && su postgres -c "dropdb --if-exists chanops_smoke_copy; createdb -O chanops_smoke chanops_smoke_copy") 2>/dev/null
  copy_url="jdbc:postgresql://localhost:${PGPORT:-5432}/chanops_smoke_copy?user=chanops_smoke"
  PGPASSWORD=smoke "$here/scripts/chanops" -q ledger copy --from "$work/sqlite.db" --to "$copy_url" \
    --format csv > copied.txt 2>"$work/err" || { echo "FAIL: ledger copy exited $?"; cat "$work/err"; exit 1; }
  PGPASSWORD=smoke report "$copy_url" > copy.txt
  if ! diff -q copy.txt sqlite.txt >/dev/null; then
    echo "FAIL: the copied ledger and the SQLite one disagree:"; diff copy.txt sqlite.txt | head -20; exit 1
  fi
  echo "postgres-smoke: OK, ledger copy moved $(($(wc -l < copied.txt) - 1)) tables; the same reports from the copy"
fi

# The tests that need a server (each COPY path against the plain path, the statement-level references, ledger copy of
# the demo ledger) run here, against it
if [ "${CHANOPS_SMOKE_TESTS:-1}" = 1 ]; then
  (cd "$here" && CHANOPS_TEST_PG_URL="$url" mvn -B -q -pl cli -am test -Dspotless.check.skip=true \
     -Dtest='MoveCopyTest,LedgerCopyCliTest,PgPasswordTest,StockMoveReferencesTest,ConfirmedOrderWriterPathsTest,PolicyCopyTest,OrderCopyTest' -Dsurefire.failIfNoSpecifiedTests=false) \
    || { echo "FAIL: the PostgreSQL tests failed"; exit 1; }
  echo "postgres-smoke: OK, the PostgreSQL tests pass against the server"
fi
