#!/usr/bin/env bash
# Throughput of GET / (keep-alive) on the ECS credentials server versus nginx serving the same
# JSON as a static file, in one run, with wrk. Usage (from anywhere):
#   benchmarks/ecs/run-ecs-benchmark.sh            # wrk -t2 -c16 -d10s per target
#   DURATION=30s CONNECTIONS=64 benchmarks/ecs/run-ecs-benchmark.sh
# Needs: wrk, nginx (apt-get install wrk nginx), curl, a JDK 17. Builds aws-sso-core first.
set -euo pipefail

ROOT="$(CDPATH='' cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-5s}"
NGINX="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"
MVN_OFFLINE="${MVN_OFFLINE:--o}"

for tool in wrk curl java "$NGINX"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "missing: $tool (apt-get install wrk nginx curl)" >&2; exit 1; }
done

WORK="$(mktemp -d /tmp/ecs-bench.XXXXXX)"
JAVA_PID=""
NGINX_PID=""
cleanup() {
  # Stop only what this script started, by pid.
  if [[ -n "$JAVA_PID" ]]; then kill "$JAVA_PID" 2>/dev/null || true; wait "$JAVA_PID" 2>/dev/null || true; fi
  if [[ -n "$NGINX_PID" ]]; then kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

echo "== building aws-sso-core" >&2
# -am: aws-sso-api comes from the reactor (it is never installed in ~/.m2); build-classpath then
# runs in each module and the last one to write cp.txt is aws-sso-core, the last in reactor order.
(cd "$ROOT" && ./mvnw -B -q $MVN_OFFLINE package dependency:build-classpath -pl aws-sso-core -am -DskipTests \
       -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/cp.txt" \
  && ./mvnw -B -q $MVN_OFFLINE dependency:copy -Dartifact=org.slf4j:slf4j-simple:2.0.20 \
       -DoutputDirectory="$WORK/lib" -pl aws-sso-core) >&2
CP="$ROOT/aws-sso-core/target/classes:$(cat "$WORK/cp.txt"):$WORK/lib/slf4j-simple-2.0.20.jar"

TOKEN="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
EXP_MS=$(( ($(date +%s) + 3600) * 1000 ))
cat > "$WORK/put.json" <<JSON
{"ProfileName":"bench-admin","Creds":{"roleName":"AdministratorAccess","accountId":12345678901,
 "accessKeyId":"ASIABENCHMARKEXAMPLE","secretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
 "sessionToken":"IQoJb3JpZ2luX2VjEXAMPLE-session-token-of-a-realistic-length-$(head -c 300 /dev/zero | tr '\0' 'x')",
 "expiration":$EXP_MS,"roleChaining":false}}
JSON

run_ours() { # $1 = log level
  local level="$1" out="$WORK/ecs-$1.out"
  rm -f "$out"
  "$(command -v java)" -XX:+UseParallelGC -Xms256m -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel="$level" \
    -Dorg.slf4j.simpleLogger.logFile="$WORK/ecs-$level.log" \
    -cp "$CP" "$ROOT/benchmarks/ecs/EcsBenchmarkServer.java" "$TOKEN" > "$out.tmp" &
  JAVA_PID=$!
  for _ in $(seq 1 200); do grep -q '^port=' "$out.tmp" 2>/dev/null && break; sleep 0.1; done
  OUR_PORT=$(sed -n 's/^port=\([0-9]*\).*/\1/p' "$out.tmp")
  [[ -n "$OUR_PORT" ]] || { echo "our server did not start" >&2; exit 1; }
  curl -fsS -X PUT -H "Authorization: Bearer $TOKEN" --data-binary @"$WORK/put.json" \
    "http://127.0.0.1:$OUR_PORT/" > /dev/null
  curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$OUR_PORT/" > "$WORK/www/creds.json"
}

stop_ours() {
  kill "$JAVA_PID"; wait "$JAVA_PID" 2>/dev/null || true; JAVA_PID=""
}

bench() { # $1 = label, $2 = url, rest = wrk args
  local label="$1" url="$2"; shift 2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$@" "$url" > /dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" > "$WORK/$label.txt"
  local rps p99 non2xx
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$WORK/$label.txt")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/$label.txt")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$WORK/$label.txt")
  printf '%-28s %12s req/s   p99 %-9s non-2xx %s\n' "$label" "$rps" "$p99" "${non2xx:-0}"
  eval "RPS_${label//[^a-zA-Z0-9]/_}=$rps"
}

mkdir -p "$WORK/www" "$WORK/logs"
chmod 755 "$WORK" "$WORK/www"   # nginx workers run as nobody

echo "== starting our server (log level warn) and loading credentials" >&2
run_ours warn
NGINX_PORT=$(free_port)
cat > "$WORK/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nodelay on;
  keepalive_requests 1000000;
  client_body_temp_path $WORK/tmp-body;
  proxy_temp_path $WORK/tmp-proxy;
  fastcgi_temp_path $WORK/tmp-fastcgi;
  uwsgi_temp_path $WORK/tmp-uwsgi;
  scgi_temp_path $WORK/tmp-scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    location = / { default_type "application/json; charset=utf-8"; try_files /creds.json =404; }
  }
}
CONF
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/logs/error.log" &
NGINX_PID=$!
for _ in $(seq 1 50); do curl -fsS -o /dev/null "http://127.0.0.1:$NGINX_PORT/" 2>/dev/null && break; sleep 0.1; done
cmp -s <(curl -fsS "http://127.0.0.1:$NGINX_PORT/") "$WORK/www/creds.json" \
  || { echo "nginx does not serve the same body" >&2; exit 1; }

echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (after a $WARMUP warm-up each); body $(wc -c < "$WORK/www/creds.json") bytes" >&2
bench ours_log_warn "http://127.0.0.1:$OUR_PORT/" -H "Authorization: Bearer $TOKEN"
bench nginx_static "http://127.0.0.1:$NGINX_PORT/"
stop_ours
echo "== our server again, logging every request at info (the default LogLevel) to a file" >&2
run_ours info
bench ours_log_info "http://127.0.0.1:$OUR_PORT/" -H "Authorization: Bearer $TOKEN"
stop_ours
echo "   (request log: $(grep -c ' GET / 200 ' "$WORK/ecs-info.log") lines, e.g. '$(grep -m1 ' GET / 200 ' "$WORK/ecs-info.log" | sed 's/.*EcsCredentialsServer - //')')"

ratio_warn=$(awk -v a="$RPS_ours_log_warn" -v b="$RPS_nginx_static" 'BEGIN {printf "%.2f", a/b}')
ratio_info=$(awk -v a="$RPS_ours_log_info" -v b="$RPS_nginx_static" 'BEGIN {printf "%.2f", a/b}')
echo
echo "ratio ours/nginx: $ratio_warn (request log off), $ratio_info (request log on); target >= 0.5"
echo "machine: $(nproc) cores, $(awk -F: '/model name/ {print $2; exit}' /proc/cpuinfo | sed 's/^ *//'), $(java -version 2>&1 | head -1), nginx $("$NGINX" -v 2>&1 | sed 's/.*\///'), $(wrk -v 2>&1 | head -1 | awk '{print $1, $2}')"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
