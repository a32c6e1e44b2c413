#!/usr/bin/env bash
# pain.008 at scale, Encaisse's streaming writer vs prowide's ISO 20022 model (pw-iso20022), same debits,
# same JVM: ./bench/sepa/run.sh [debits]   (default 100,000). See docs/sepa.md, "Benchmark".
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/cp.txt)"
mkdir -p target/bench-classes target/bench-sepa
javac -nowarn -d target/bench-classes -cp "$CP" bench/sepa/Pain008Benchmark.java
java -Xms4g -Xmx4g -Dencaisse.shared.dir="${ENCAISSE_SHARED_DIR:-../shared}" \
     -cp "target/bench-classes:$CP" Pain008Benchmark "${1:-100000}"
