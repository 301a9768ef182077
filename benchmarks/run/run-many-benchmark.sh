#!/usr/bin/env bash
# "One task across many roles" benchmark (issue 15): `aws-sso run --role ReadOnly -- sh -c 'echo
# $AWS_SSO_ACCOUNT_ID'` through the packaged ./aws-sso against the emulator (real HTTP on 127.0.0.1,
# real AWS SDK clients) with 200 accounts and GetRoleCredentials limited to 20/s (burst 20); prints
# wall / ideal and the throttled share per run, then checks that one failing role exits non-zero
# named. Targets: ratio <= 1.15, throttled <= 2 %. Exits 1 when one is missed.
# Usage (from anywhere):
#   benchmarks/run/run-many-benchmark.sh            # 200 accounts at 20/s, 3 runs
#   benchmarks/run/run-many-benchmark.sh 400 40     # other sizes
#   RUN_BENCH_RUNS=5 RUN_BENCH_STORE=json RUN_BENCH_PARALLEL=8 benchmarks/run/run-many-benchmark.sh
# Builds the CLI and this module in the reactor (nothing is installed into ~/.m2).
# Set MVN_OFFLINE= to let Maven download.
set -euo pipefail
ROOT="$(CDPATH='' cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MVN_OFFLINE="${MVN_OFFLINE--o}"
cd "$ROOT"
command -v curl >/dev/null || { echo "run-many-benchmark: needs curl (the login's browser)" >&2; exit 1; }
./mvnw -B -q $MVN_OFFLINE -pl aws-sso-cli,benchmarks -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=runtime >&2
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/benchmark.classpath)" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  io.awssso.benchmarks.run.RunManyBenchmark "$ROOT" "$@"
