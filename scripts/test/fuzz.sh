#!/usr/bin/env bash
# Bounded coverage-guided fuzzing of the input readers with Jazzer (JUnit @FuzzTest): the generic CSV reader, the byte
# reader, moves.csv's byte fast path against its row path, the BOSS profile parser, a BOSS export read through its
# profile, and the commission rule parser. Each fuzz test class gets its own JVM and fuzzes for FUZZ_SECONDS (default 5,
# about 30 s in all). A finding fails the build: Jazzer saves the input beside the test's seeds
# (src/test/resources/.../<Class>Inputs/<method>/), where every later `mvn verify` replays it as a regression test.
# A test's @Timeout bounds each input (Jazzer passes it to libFuzzer as -timeout: a hang is a finding); JUnit's own
# timeout, which would bound the whole fuzzing session, is off here.
# usage: scripts/test/fuzz.sh        (FUZZ_SECONDS=60 scripts/test/fuzz.sh for a longer run)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${FUZZ_SECONDS:-5}"
cd "$here"
JAZZER_FUZZ=1 mvn -B -q -Dstyle.color=never test \
  -pl ledger,replenish,reconcile,finance -am \
  -Dtest='*FuzzTest' -Dsurefire.failIfNoSpecifiedTests=false -DforkCount=1 -DreuseForks=false \
  -Djazzer.hooks=true -Djazzer.max_duration="${seconds}s" \
  -Djunit.jupiter.execution.timeout.mode=disabled -Dtest.jit= \
  -Djazzer.instrument='io.chanops.**,org.apache.commons.csv.**'
# libFuzzer's working corpus (inputs that found new coverage) stays in .cifuzz-corpus/ for the next run (git-ignored)
echo "fuzz: every fuzz test ran ${seconds}s without a finding"
