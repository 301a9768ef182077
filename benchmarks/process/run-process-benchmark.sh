#!/usr/bin/env bash
# `aws-sso process` with valid stored credentials (the credential_process cache hit every AWS SDK
# call pays for) against a hello-world `java` on the same JDK, in one hyperfine run per store; plus
# the peak RSS of one run, through both launchers (the checkout's ./aws-sso and the installed
# distribution's bin/aws-sso). No network: throwaway HOMEs hold a config, a role cache and a json
# store, or a file store (written by the real backend, password in AWS_SSO_FILE_PASSWORD), with
# credentials valid for 12 hours. Forms: --arn, -A/-R, and --profile (resolved from cache.json).
# Each store's run starts from a class-data archive recorded on a hit of that store, as a user of
# that store has (the launcher records it on the first hit after a build).
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

# The role cache as `aws-sso cache` writes it (default ProfileFormat, no Accounts in config): the
# account's alias without spaces names the profile. Made after the config, so that it is fresh.
PROFILE=ExampleAccount:AdministratorAccess
write_cache() { # config directory
  local now mtime
  now=$(date +%s)
  mtime=$(stat -c %Y "$1/config.yaml")
  cat > "$1/cache.json" <<JSON
{"Version":4,"ConfigCreatedAt":$mtime,"SSO":{"Default":{"LastUpdate":$now,"ConfigHash":"6be2efb448c76b68fb378d92b07eac03f92403fd0db165e623637f89ac5e4fff","History":[],"Roles":{"SSORegion":"us-east-1","StartUrl":"https://d-1234567890.awsapps.com/start","DefaultRegion":"","Accounts":{"12345678901":{"Alias":"Example Account","Name":"","EmailAddress":"a@example.com","DefaultRegion":"","Tags":{},"Roles":{"AdministratorAccess":{"Arn":"$ARN","DefaultRegion":"","Expires":0,"Profile":"","Via":"","Tags":{}}}}}}}}}
JSON
}
write_cache "$WORK/home/.config/aws-sso"

# The file store: same config but SecureStore file, the store written by the real backend.
mkdir -p "$WORK/file-home/.config/aws-sso"
sed 's/^SecureStore: json$/SecureStore: file/' "$WORK/home/.config/aws-sso/config.yaml" \
  > "$WORK/file-home/.config/aws-sso/config.yaml"
write_cache "$WORK/file-home/.config/aws-sso"
export AWS_SSO_FILE_PASSWORD=benchmark-password
TARGET="$ROOT/aws-sso-cli/target"
CLI_JAR="$(ls "$TARGET"/aws-sso-cli-*.jar | grep -v -- '-\(sources\|javadoc\|tests\)\.jar$' | head -1)"
"$JAVA" -cp "$CLI_JAR:$TARGET/lib/*" "$ROOT/benchmarks/process/WriteFileStore.java" \
  "$WORK/file-home/.config/aws-sso" "$ARN" "$exp"

# The JVM path: with the agent on, the first run would start one and it would answer the rest
# (run-agent-benchmark.sh measures the agent).
export AWS_SSO_NO_BUILD=1 AWS_SSO_AGENT=0
unset AWS_SSO_CONFIG AWS_SSO XDG_CACHE_HOME
JSON_ENV="env HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config"
FILE_ENV="env HOME=$WORK/file-home XDG_CONFIG_HOME=$WORK/file-home/.config"
HELLO="$JAVA -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -XX:-UsePerfData -cp $WORK/hello Hello"

# Records the launchers' class-data archives afresh on a hit of one store, then checks each form.
record_on() { # env prefix
  # the checkout's archive is in its target/, shared; the installed launcher's is per user (per HOME)
  rm -f "$TARGET"/aws-sso-process-jdk*.jsa "$TARGET"/aws-sso-process-jdk*.aot
  for launcher in "$ROOT/aws-sso" "$DIST"; do
    $1 "$launcher" process --arn "$ARN" >/dev/null 2>&1   # the first hit records the class-data archive
    for form in "--arn $ARN" "-A 012345678901 -R AdministratorAccess" "--profile $PROFILE"; do
      # shellcheck disable=SC2086 # the form is a list of arguments
      $1 "$launcher" process $form 2>/dev/null | grep -q '"Version":1' || { echo "process $form failed: $launcher" >&2; exit 1; }
    done
  done
}

report() { # hyperfine json
  python3 - "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
h = next(x for x in r if x["command"] == "hello")
cpu = lambda x: (x["user"] + x["system"]) * 1000
print(f"hello: median {h['median']*1000:.1f} ms, min {h['min']*1000:.1f} ms, mean CPU {cpu(h):.1f} ms")
for p in r:
    if p is h:
        continue
    print(f"{p['command']}: median {p['median']*1000:.1f} ms (ratio {p['median']/h['median']:.2f}), "
          f"min {p['min']*1000:.1f} ms (ratio {p['min']/h['min']:.2f}), "
          f"mean CPU {cpu(p):.1f} ms (ratio {cpu(p)/cpu(h):.2f})")
PY
}

echo "== load: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)"
record_on "$JSON_ENV"
hyperfine -N -w 5 -r "$RUNS" --export-json "$WORK/json.json" \
  -n hello "$HELLO" \
  -n "json --arn (checkout)" "$JSON_ENV $ROOT/aws-sso process --arn $ARN" \
  -n "json -A/-R (checkout)" "$JSON_ENV $ROOT/aws-sso process -A 012345678901 -R AdministratorAccess" \
  -n "json --profile (checkout)" "$JSON_ENV $ROOT/aws-sso process --profile $PROFILE" \
  -n "json --arn (installed)" "$JSON_ENV $DIST process --arn $ARN" >&2
report "$WORK/json.json"
record_on "$FILE_ENV"
hyperfine -N -w 5 -r "$RUNS" --export-json "$WORK/file.json" \
  -n hello "$HELLO" \
  -n "file --arn (checkout)" "$FILE_ENV $ROOT/aws-sso process --arn $ARN" \
  -n "file --profile (checkout)" "$FILE_ENV $ROOT/aws-sso process --profile $PROFILE" \
  -n "file --arn (installed)" "$FILE_ENV $DIST process --arn $ARN" >&2
report "$WORK/file.json"
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config"
record_on "$JSON_ENV"
for launcher in "$ROOT/aws-sso" "$DIST"; do
  for i in 1 2 3; do
    /usr/bin/time -f '%M' "$launcher" process --arn "$ARN" 2>&1 >/dev/null | tail -1
  done | sort -n | tail -1 | awk -v l="${launcher#"$ROOT"/}" '{printf "peak RSS (max of 3 runs) %s: %.1f MiB\n", l, $1 / 1024}'
done
