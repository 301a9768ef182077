#!/usr/bin/env bash
# JMH: AwsSsoCredentialsProvider.resolveCredentials() (fresh credentials, the hot path an SDK
# client hits before every request) vs the SDK's StaticCredentialsProvider, in one JMH run.
# Usage: benchmarks/jmh/run-provider-benchmark.sh [extra JMH args, e.g. -f 3 -i 10]
# Needs a JDK 17; set MVN_OFFLINE= to let Maven download (JMH comes from Maven Central).
set -euo pipefail
ROOT="$(CDPATH='' cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MVN_OFFLINE="${MVN_OFFLINE--o}"
cd "$ROOT"
./mvnw -B -q $MVN_OFFLINE install -pl aws-sso-api,aws-sso-testkit,aws-sso-core -DskipTests >&2
./mvnw -B -q $MVN_OFFLINE package -pl benchmarks >&2
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
./mvnw -B -q $MVN_OFFLINE dependency:build-classpath -pl benchmarks -Dmdep.outputFile="$CP_FILE" \
  -Dmdep.includeScope=runtime >&2
exec java -cp "benchmarks/target/classes:$(cat "$CP_FILE")" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  org.openjdk.jmh.Main 'io.awssso.benchmarks.credentials.ProviderBenchmark' \
  -f 2 -wi 5 -w 1s -i 10 -r 1s -jvmArgsAppend -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$@"
