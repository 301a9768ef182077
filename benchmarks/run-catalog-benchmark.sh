#!/usr/bin/env bash
# Role-catalog refresh benchmark: 400 accounts x 3 roles against the emulator (real HTTP on
# 127.0.0.1, real AWS SDK clients), each refresh in a fresh JVM as `aws-sso cache` runs: a token
# bucket of 40/s (burst 40) at 2, 30 and 100 ms per call, then 50 ms per call with no limit; Threads=5.
# Usage (from anywhere):
#   benchmarks/run-catalog-benchmark.sh              # 400 accounts x 3 roles
#   benchmarks/run-catalog-benchmark.sh 1000 2       # other sizes
#   CATALOG_BENCH_RUNS=5 CATALOG_BENCH_LATENCIES=2,10,30,100 benchmarks/run-catalog-benchmark.sh
# Builds the modules it needs in the reactor (nothing is installed into ~/.m2).
# Set MVN_OFFLINE= to let Maven download.
set -euo pipefail
ROOT="$(CDPATH='' cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MVN_OFFLINE="${MVN_OFFLINE--o}"
cd "$ROOT"
# package api, core, testkit and this module, and write this module's class path (build output on stderr)
./mvnw -B -q $MVN_OFFLINE -pl benchmarks -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=runtime >&2
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/benchmark.classpath)" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  io.awssso.benchmarks.catalog.CatalogBenchmark "$@"
