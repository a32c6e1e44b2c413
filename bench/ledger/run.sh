#!/usr/bin/env bash
# Ledger listing at scale: ./bench/ledger/run.sh [invoices]   (default 1,000,000)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-cp.txt)"
mkdir -p target/bench-classes target/bench-ledger
javac -q -d target/bench-classes -cp "$CP" bench/ledger/LedgerListingBenchmark.java 2>/dev/null || javac -d target/bench-classes -cp "$CP" bench/ledger/LedgerListingBenchmark.java
java -Xmx4g -cp "target/bench-classes:$CP" LedgerListingBenchmark "${1:-1000000}"
