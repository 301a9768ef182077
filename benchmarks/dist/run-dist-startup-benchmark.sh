#!/usr/bin/env bash
# Start-up of the installed tool with its bundled runtime against the same install on system JDKs:
# `process` with stored credentials (the json store's cache hit) and `--help`, in one hyperfine
# run, plus the unpacked size. Builds the linux-x64 tar.gz with the runtime made of RUNTIME_JDK
# (default: the JDK 25; a Java 21+ runtime gets the class-data archive made at build time,
# lib/aws-sso.jsa), unpacks it into a temp directory and
# runs bin/aws-sso there: bundled (no JAVA_HOME), with JAVA_HOME=SYSTEM_JDK (per-user cache, filled
# by warm-up runs) and, when it is there, with AWS_SSO_JAVA_HOME=RUNTIME_JDK (the same JDK, full).
# No network: a throwaway HOME holds a config and a json store with credentials valid for 12 hours.
#
# Usage: benchmarks/dist/run-dist-startup-benchmark.sh [runs]   (default 30; needs hyperfine)
#   RUNTIME_JDK=/usr/lib/jvm/temurin-25-jdk-amd64  SYSTEM_JDK=$JAVA_HOME or the java on the PATH
#   NO_BUILD=1  use the tar.gz already in aws-sso-dist/target
set -euo pipefail
ROOT="$(CDPATH='' cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-30}"
RUNTIME_JDK="${RUNTIME_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
SYSTEM_JDK="${SYSTEM_JDK:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
ARN=arn:aws:iam::012345678901:role/AdministratorAccess

if [[ "${NO_BUILD:-}" != 1 ]]; then
  (cd "$ROOT" && ./mvnw -B -q -pl aws-sso-dist -am package -DskipTests "-Daws-sso.runtime.jdk=$RUNTIME_JDK") >&2
fi
TARBALL="$(ls "$ROOT"/aws-sso-dist/target/aws-sso-*-linux-x64.tar.gz | head -1)"
tar -xzf "$TARBALL" -C "$WORK"
INSTALL="$(ls -d "$WORK"/aws-sso-*-linux-x64)"
BIN="$INSTALL/bin/aws-sso"

mkdir -p "$WORK/home/.config/aws-sso"
cat > "$WORK/home/.config/aws-sso/config.yaml" <<'YAML'
SSOConfig:
  Default:
    SSORegion: us-east-1
    StartUrl: https://d-1234567890.awsapps.com/start
SecureStore: json
LogLevel: error
YAML
exp=$(( ($(date +%s) + 12 * 3600) * 1000 ))
cat > "$WORK/home/.config/aws-sso/store.json" <<JSON
{"RoleCredentials":{"$ARN":{"roleName":"AdministratorAccess","accountId":12345678901,"accessKeyId":"ASIAEXAMPLEEXAMPLE01","secretAccessKey":"c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0","sessionToken":"dG9rZW50b2tlbnRva2VudG9rZW4=","expiration":$exp,"roleChaining":false}}}
JSON
chmod 600 "$WORK/home/.config/aws-sso/"*
# AWS_SSO_AGENT=0: the JVM's start-up is measured (an agent would answer every run after the first)
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_CACHE_HOME="$WORK/home/.cache" AWS_SSO_AGENT=0
unset JAVA_HOME AWS_SSO_JAVA_HOME AWS_SSO_CONFIG AWS_SSO AWS_SSO_JAVA_OPTS

# name=environment prefix; every variant must answer before it is timed
variants=(bundled= "system=env JAVA_HOME=$SYSTEM_JDK")
[[ -x "$RUNTIME_JDK/bin/java" ]] && variants+=("full-jdk=env AWS_SSO_JAVA_HOME=$RUNTIME_JDK")
args=()
for v in "${variants[@]}"; do
  name="${v%%=*}" prefix="${v#*=}"
  for i in 1 2; do # the system runtimes record their per-user process cache on the first hit
    $prefix "$BIN" process --arn "$ARN" | grep -q '"Version":1' || { echo "process failed: $name" >&2; exit 1; }
  done
  $prefix "$BIN" version | grep Runtime: | sed "s/^/$name: /" >&2
  args+=(-n "process $name" "$prefix $BIN process --arn $ARN" -n "help $name" "$prefix $BIN --help")
done

echo "== load: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; $(basename "$TARBALL")"
mb() { du -sb "$@" | awk '{s += $1} END {printf "%.1f MB", s / 1e6}'; }
echo "== unpacked: $(mb "$INSTALL") (runtime/ $(mb "$INSTALL/runtime"): libjvm.so $(mb "$INSTALL"/runtime/lib/server/libjvm.so), lib/modules $(mb "$INSTALL/runtime/lib/modules"); lib/ jars $(mb "$INSTALL"/lib/*.jar), class-data archive $( [[ -f "$INSTALL/lib/aws-sso.jsa" ]] && mb "$INSTALL/lib/aws-sso.jsa" || echo none)); tar.gz $(mb "$TARBALL")"
hyperfine -N -w 5 -r "$RUNS" --export-markdown "$WORK/h.md" "${args[@]}" >&2
cat "$WORK/h.md"
