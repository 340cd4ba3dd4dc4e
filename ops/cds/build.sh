#!/usr/bin/env bash
# Optional faster start (Spring Boot's CDS support): ops/cds/build.sh after ./mvnw package, then ops/cds/impactmonitor
# <command> instead of java -jar jobs/target/impactmonitor.jar <command>. Nothing needs it; the README's commands
# stay as they are. Extracts the jar into var/cds/ (plain jars instead of nested ones) and records a class-data-sharing
# archive from a training start (the context starts, then exits). Measured in ops/bench/RESULTS.md: about half the CPU
# time of a command's start.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=jobs/target/impactmonitor.jar
out=var/cds
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -q package -DskipTests first" >&2; exit 1; }
rm -rf "$out"
java -Djarmode=tools -jar "$jar" extract --destination "$out"
# The training start runs in a scratch folder, so this checkout's var/ (warehouse, job repository) is not touched.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
ln -s "$PWD/sql" "$scratch/sql"
ln -s "$PWD/config" "$scratch/config"
(cd "$scratch" && java -XX:ArchiveClassesAtExit="$OLDPWD/$out/impactmonitor.jsa" -Dspring.context.exit=onRefresh \
    -jar "$OLDPWD/$out/impactmonitor.jar" help >"$scratch/training.log" 2>&1) || { cat "$scratch/training.log" >&2; exit 1; }
echo "CDS archive $out/impactmonitor.jsa ($(du -h "$out/impactmonitor.jsa" | cut -f1)); start with ops/cds/impactmonitor <command>"
