#!/usr/bin/env bash
# Re-makes chunk-ledger.sqlite and its expectations with the chunk-era chanops (main at 38aeec2, the last that stored
# confirmed orders as confirmed_chunk blobs). Run from a checkout of that commit after `mvn -DskipTests package`:
#   ledger/src/test/resources/db/chunk-ledger/make.sh /path/to/that/checkout
set -euo pipefail
old="$(cd "$1" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
jar="$old/cli/target/chanops.jar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/chunk-ledger.sqlite"
javac -d "$work/classes" -cp "$jar" "$here/MakeChunkLedger.java"
gen() { java -cp "$work/classes:$jar" io.chanops.reconcile.confirmed.MakeChunkLedger "$@"; }
chanops() { java -jar "$jar" --db "$db" --zone Asia/Shanghai --now '2026-03-02 09:30' "$@"; }
gen v3 "$db"
chanops -q site import "$old/samples/sites.csv"
chanops -q catalog import "$old/samples/catalog.csv"
gen chunks "$db"
cd "$work"
chanops -q reconcile run --platform "$old/samples/platform-orders-2026-01.csv" --boss "$old/samples/boss-2026-01.csv" \
  --profile "$old/samples/boss-profile.properties" --out r4 || [ $? -eq 3 ]
chanops -q reconcile run --platform "$old/samples/platform-orders-2026-02.csv" --boss "$old/samples/boss-2026-02.csv" \
  --profile "$old/samples/boss-profile.properties" --out r5 --carry || [ $? -eq 3 ]
# loads the rules and books the clawbacks; the outputs below are what a ledger with nothing new to book shows
chanops -q commission report --month 2026-02 --rules "$old/samples/commission-rules.csv" >/dev/null 2>&1
for m in 2026-01 2026-02 2026-03; do
  chanops commission report --month "$m" --by site --detail "$here/expected-commission-$m-detail.csv" \
    > "$here/expected-commission-$m.csv" 2> "$here/expected-commission-$m.err"
  sed -i "s#$here/##" "$here/expected-commission-$m.err"
done
chanops cost report --month 2026-02 > "$here/expected-cost-2026-02.csv" 2> "$here/expected-cost-2026-02.err"
for run in 1 2 3 5; do
  chanops reconcile show "$run" --category MATCHED --format csv > "$here/expected-matched-run-$run.csv"
done
gen expect "$db" "$here/chunk-ledger-rows.tsv"
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE; VACUUM;" >/dev/null
cp "$db" "$here/chunk-ledger.sqlite"
ls -la "$here"
