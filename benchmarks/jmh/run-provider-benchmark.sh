#!/usr/bin/env bash
# JMH: AwsSsoCredentialsProvider.resolveCredentials() (fresh credentials, the hot path an SDK
# client hits before every request) vs the SDK's StaticCredentialsProvider, in one JMH run.
# Usage: benchmarks/jmh/run-provider-benchmark.sh [JMH args, replacing the default -f 2 -wi 5 -w 1s -i 10 -r 1s]
# Needs a JDK 17; set MVN_OFFLINE= to let Maven download (JMH comes from Maven Central).
set -euo pipefail
ROOT="$(CDPATH='' cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MVN_OFFLINE="${MVN_OFFLINE--o}"
cd "$ROOT"
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
# Built in the reactor (-am), nothing installed into ~/.m2: the class path names the modules' jars in
# their target/ directories. benchmarks is the reactor's last module, so its class path is the one
# left in the file.
./mvnw -B -q $MVN_OFFLINE package dependency:build-classpath -pl benchmarks -am -DskipTests \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >&2
# JMH refuses an option given twice, so arguments replace the defaults rather than add to them
if (($# > 0)); then
  run=("$@")
else
  run=(-f 2 -wi 5 -w 1s -i 10 -r 1s)
fi
java -cp "benchmarks/target/classes:$(cat "$CP_FILE")" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  org.openjdk.jmh.Main 'io.awssso.benchmarks.credentials.ProviderBenchmark' \
  -jvmArgsAppend -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "${run[@]}"
