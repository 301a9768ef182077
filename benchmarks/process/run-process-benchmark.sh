#!/usr/bin/env bash
# `aws-sso process` with valid stored credentials (the credential_process cache hit every AWS SDK
# call pays for) against a hello-world `java` on the same JDK, in one hyperfine run; plus the peak
# RSS of one run, through both launchers (the checkout's ./aws-sso and the installed distribution's
# bin/aws-sso). No network: a throwaway HOME holds a config and a json store with credentials
# valid for 12 hours.
# Usage: benchmarks/process/run-process-benchmark.sh [runs]   (default 30; needs hyperfine, GNU time)
set -euo pipefail
ROOT="$(CDPATH='' cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-30}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
ARN=arn:aws:iam::012345678901:role/AdministratorAccess

# build when stale (the launcher does it), then one cache-filling run creates the AppCDS archive
"$ROOT/aws-sso" version >/dev/null

mkdir -p "$WORK/home/.config/aws-sso" "$WORK/hello"
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
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
  > "$WORK/hello/Hello.java"
"${JAVA}c" -d "$WORK/hello" "$WORK/hello/Hello.java"

# The installed distribution's launcher too (bin/aws-sso of the staged install), as users run it;
# packaged from the current sources (an incremental build when nothing changed).
(cd "$ROOT" && ./mvnw -B -q -pl aws-sso-dist -am package -DskipTests) >&2
DIST="$(ls -d "$ROOT"/aws-sso-dist/target/aws-sso-*/bin/aws-sso | grep -v -- -linux- | head -1)" # the JDK-less install

# The JVM path: with the agent on, the first run would start one and it would answer the rest
# (run-agent-benchmark.sh measures the agent).
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" AWS_SSO_NO_BUILD=1 AWS_SSO_AGENT=0
unset AWS_SSO_CONFIG AWS_SSO XDG_CACHE_HOME
for launcher in "$ROOT/aws-sso" "$DIST"; do
  "$launcher" process --arn "$ARN" >/dev/null 2>&1   # the first run records the class-data archive
  "$launcher" process --arn "$ARN" | grep -q '"Version":1' || { echo "process failed: $launcher" >&2; exit 1; }
done

echo "== load: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)"
hyperfine -N -w 5 -r "$RUNS" --export-json "$WORK/h.json" \
  -n hello "$JAVA -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -XX:-UsePerfData -cp $WORK/hello Hello" \
  -n checkout "$ROOT/aws-sso process --arn $ARN" \
  -n installed "$DIST process --arn $ARN" >&2
python3 - "$WORK/h.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
h = r["hello"]
cpu = lambda x: (x["user"] + x["system"]) * 1000
print(f"hello: median {h['median']*1000:.1f} ms, min {h['min']*1000:.1f} ms, mean CPU {cpu(h):.1f} ms")
for name in ("checkout", "installed"):
    p = r[name]
    print(f"{name} process: median {p['median']*1000:.1f} ms (ratio {p['median']/h['median']:.2f}), "
          f"min {p['min']*1000:.1f} ms (ratio {p['min']/h['min']:.2f}), "
          f"mean CPU {cpu(p):.1f} ms (ratio {cpu(p)/cpu(h):.2f})")
PY
for launcher in "$ROOT/aws-sso" "$DIST"; do
  for i in 1 2 3; do
    /usr/bin/time -f '%M' "$launcher" process --arn "$ARN" 2>&1 >/dev/null | tail -1
  done | sort -n | tail -1 | awk -v l="${launcher#"$ROOT"/}" '{printf "peak RSS (max of 3 runs) %s: %.1f MiB\n", l, $1 / 1024}'
done
