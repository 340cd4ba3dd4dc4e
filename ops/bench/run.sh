#!/usr/bin/env bash
# Benchmark: ops/bench/run.sh [rijk|national|smoke] [work folder]
# Builds the jars if needed (the service's jar is measured as a whole process; tools/ holds the harness), generates the
# seeded data set outside the repository, runs the harness (nl.impactmonitor.tools.bench.Bench) with a 1 GB heap and
# appends its Markdown to ops/bench/RESULTS.md: issue 22's six figures, each against a baseline measured in the same
# run: 1 CLI start and 2 whole-process spend-load vs a plain Java + DuckDB read_csv program (WholeProcess, 5 rounds,
# alternating), 3 in-process ingest vs native read_csv and a naive JDBC writer, 4 nightly vs native read of all its
# inputs, 5 rerun national / rijk (national runs a rijk pass first), 6 admin API p99 during the nightly vs idle.
# BENCH_JAVA_OPTS: -Dbench.log=/tmp/bench.log writes the loader and publisher timings to that file;
# -Dbench.whole.rounds=3 fewer whole-process rounds; -Dbench.only=whole only figures 1 and 2;
# -Dbench.national.only=true national without the rijk pass (no figure 5).
set -euo pipefail
cd "$(dirname "$0")/../.."
scale="${1:-rijk}"
work="${2:-${TMPDIR:-/tmp}/impactmonitor-bench-$scale}"
jar=tools/target/impactmonitor-tools.jar
[ -f "$jar" ] && [ -f jobs/target/impactmonitor.jar ] || ./mvnw -q -B package -DskipTests
out=$(mktemp)
java -Xmx1g ${BENCH_JAVA_OPTS:-} -jar "$jar" bench "$scale" "$work" "$PWD" | tee "$out"
if [ "$scale" != "smoke" ]; then
  { echo; cat "$out"; } >> ops/bench/RESULTS.md
fi
rm -f "$out"
