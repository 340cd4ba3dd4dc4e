#!/usr/bin/env bash
# Benchmark: ops/bench/run.sh [rijk|national|smoke] [work folder]
# Builds the tools jar if needed (tools/, not part of the service), generates the seeded data set outside the
# repository, runs the harness (nl.impactmonitor.tools.bench.Bench) with a 1 GB heap and appends its Markdown to
# ops/bench/RESULTS.md. BENCH_JAVA_OPTS=-Dbench.log=/tmp/bench.log writes the loader and publisher timings to that file.
set -euo pipefail
cd "$(dirname "$0")/../.."
scale="${1:-rijk}"
work="${2:-${TMPDIR:-/tmp}/impactmonitor-bench-$scale}"
jar=tools/target/impactmonitor-tools.jar
[ -f "$jar" ] || ./mvnw -q -B package -DskipTests
out=$(mktemp)
java -Xmx1g ${BENCH_JAVA_OPTS:-} -jar "$jar" bench "$scale" "$work" "$PWD" | tee "$out"
if [ "$scale" != "smoke" ]; then
  { echo; cat "$out"; } >> ops/bench/RESULTS.md
fi
rm -f "$out"
