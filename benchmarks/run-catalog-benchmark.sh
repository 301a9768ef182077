#!/usr/bin/env bash
# Role-catalog refresh benchmark: 400 accounts x 3 roles against the in-process emulator (real HTTP
# on 127.0.0.1, real AWS SDK clients), rate-limited to 40 rps (burst 40), then 50 ms latency with
# no limit and Threads=5. Usage (from anywhere):
#   benchmarks/run-catalog-benchmark.sh              # 400 accounts x 3 roles
#   benchmarks/run-catalog-benchmark.sh 1000 2       # other sizes
# Needs a JDK 17 and the api and testkit modules in ~/.m2 (./mvnw install -pl aws-sso-api,aws-sso-testkit).
# Set MVN_OFFLINE= to let Maven download.
set -euo pipefail
ROOT="$(CDPATH='' cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MVN_OFFLINE="${MVN_OFFLINE--o}"
cd "$ROOT"
# build core (the engine under test) and this module; build output stays off stdout
./mvnw -B -q $MVN_OFFLINE install -pl aws-sso-core -DskipTests >&2
./mvnw -B -q $MVN_OFFLINE package -pl benchmarks >&2
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
./mvnw -B -q $MVN_OFFLINE dependency:build-classpath -pl benchmarks -Dmdep.outputFile="$CP_FILE" \
  -Dmdep.includeScope=runtime >&2
exec java -cp "benchmarks/target/classes:$(cat "$CP_FILE")" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  io.awssso.benchmarks.catalog.CatalogBenchmark "$@"
