#!/usr/bin/env bash
# Benchmark of the bank reconciliation engine (docs/banking.md, "Benchmark").
#   bench/banking/run.sh [lines [invoices [debtors [threads [seed]]]]]
# Defaults: 100000 lines, 1000000 open invoices, 100000 debtors, 1 thread, seed 42.
# Exit code 0 when the targets are met (>= 99 % of matchable lines auto-matched correctly,
# no wrong automatic match, index build + matching under 10 s), 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -o test-compile
./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-banking-cp.txt
CP="target/classes:target/test-classes:$(cat target/bench-banking-cp.txt)"
mkdir -p target/bench-banking
javac -proc:none -d target/bench-banking -cp "$CP" bench/banking/ReconciliationBenchmark.java
exec java -Xms2g -Xmx3g -XX:+UseParallelGC -cp "target/bench-banking:$CP" ReconciliationBenchmark "$@"
