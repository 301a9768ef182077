#!/usr/bin/env bash
# `aws-sso process` answered by the per-user agent (issue 14) through the checkout's ./aws-sso and
# its bash client, against a hello-world `java` on the same JDK in the same hyperfine run:
#   1. an agent hit for each store: `file`, `json`, `secret-service` (a real gnome-keyring on a
#      private D-Bus session bus) and `pass` (a throwaway gpg key), with --arn; and --profile (json);
#      each agent's requestsServed before and after shows that every call was the agent's;
#   2. the peak RSS of the client (the launcher's bash), max of 3 runs (target <= 10 MiB);
#   3. load: CALLERS concurrent callers, REQUESTS calls in all (default 50 x 2,000; file store):
#      failures, calls that fell back to a JVM, p50/p99/max per call;
#   4. the first call with no agent running (it starts the JVM, which starts an agent for the next
#      call) against the same call with the agent off (AWS_SSO_AGENT=0): the fallback costs no more;
#   5. the file store agent's RSS after the load.
# No network: the IAM Identity Center emulator of aws-sso-testkit on 127.0.0.1 fills the stores
# (login, one process each); everything runs in a throwaway HOME and is stopped by pid at the end.
# Usage: benchmarks/process/run-agent-benchmark.sh [runs]   (default 30)
# Knobs: CALLERS=50 REQUESTS=2000 COLD_RUNS=10
# Needs: hyperfine, GNU time, python3, curl, dbus-daemon, dbus-send, gnome-keyring-daemon, pass, gpg.
set -euo pipefail
ROOT="$(CDPATH='' cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-30}"
CALLERS="${CALLERS:-50}"
REQUESTS="${REQUESTS:-2000}"
COLD_RUNS="${COLD_RUNS:-10}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
LAUNCHER="$ROOT/aws-sso"
STORES=(file json secret-service pass)
WORK="$(mktemp -d)"
pids=() # background programs started here (real binaries, not shims), stopped by pid

say() { printf '== %s\n' "$*" >&2; }
die() { printf 'run-agent-benchmark: %s\n' "$*" >&2; exit 1; }

cleanup() {
    set +eu # whatever failed, everything started here is stopped
    for store in "${STORES[@]}"; do
        [[ -f "$WORK/cfg/$store/config.yaml" ]] && "$LAUNCHER" --config "$WORK/cfg/$store/config.yaml" agent stop >/dev/null 2>&1
    done
    [[ -d "$WORK/gnupg" ]] && GNUPGHOME="$WORK/gnupg" gpgconf --kill all >/dev/null 2>&1
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

for tool in hyperfine curl dbus-daemon dbus-send gnome-keyring-daemon pass gpg; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done
[[ -x /usr/bin/time ]] || die "GNU time (/usr/bin/time) is not installed"

# Build: the CLI (./aws-sso rebuilds itself when stale) and the emulator.
testkit="$ROOT/aws-sso-testkit/target"
emulator_jar="$(compgen -G "$testkit/aws-sso-testkit-*.jar" | grep -v -e '-tests.jar' -e '-sources.jar' | head -n 1 || true)"
if [[ -z "$emulator_jar" || -n "$(find "$ROOT/aws-sso-testkit/src" "$ROOT/aws-sso-testkit/pom.xml" -newer "$emulator_jar" -print -quit)" ]]; then
    (cd "$ROOT" && ./mvnw -B -q -pl aws-sso-testkit,aws-sso-cli -am package -Dmaven.test.skip=true) >&2
    emulator_jar="$(compgen -G "$testkit/aws-sso-testkit-*.jar" | grep -v -e '-tests.jar' -e '-sources.jar' | head -n 1)"
fi
"$LAUNCHER" version >/dev/null

say "starting the emulator"
mkfifo "$WORK/emulator.out"
"$JAVA" -cp "$emulator_jar:$testkit/lib/*" io.awssso.testkit.EmulatorMain --port 0 --accounts 1 \
    --roles-per-account 2 >"$WORK/emulator.out" 2>"$WORK/emulator.log" &
pids+=($!)
read -r -t 120 ready <"$WORK/emulator.out" || die "the emulator did not start; see $WORK/emulator.log"
endpoint="$(sed -n 's/.*"endpoint" *: *"\([^"]*\)".*/\1/p' <<<"$ready")"
start_url="$(sed -n 's/.*"startUrl" *: *"\([^"]*\)".*/\1/p' <<<"$ready")"

# A throwaway user. No XDG_RUNTIME_DIR: each config's agent file is in run/ next to it, so the
# four agents (one per config, hence per store) never meet.
unset "${!AWS_@}" XDG_RUNTIME_DIR XDG_CACHE_HOME
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" AWS_SSO_NO_BUILD=1
export AWS_ENDPOINT_URL_SSO="$endpoint" AWS_ENDPOINT_URL_SSO_OIDC="$endpoint" AWS_ENDPOINT_URL_STS="$endpoint"
export AWS_SSO_FILE_PASSWORD="benchmark-password"
mkdir -p "$HOME" "$XDG_CONFIG_HOME/aws-sso"

say "a private D-Bus session bus with gnome-keyring (secret-service store)"
mkdir -p -m 700 "$WORK/bus"
cat >"$WORK/bus/session.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><keep_umask/>
<listen>unix:path=$WORK/bus/socket</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
</busconfig>
EOF
mkfifo "$WORK/bus/address"
dbus-daemon --config-file="$WORK/bus/session.conf" --nofork --nopidfile --print-address=1 >"$WORK/bus/address" &
pids+=($!)
read -r -t 30 bus <"$WORK/bus/address" || die "dbus-daemon printed no address"
export DBUS_SESSION_BUS_ADDRESS="$bus"
printf '%s' "keyring-password" | XDG_RUNTIME_DIR="$WORK/bus" XDG_DATA_HOME="$WORK/bus/data" \
    gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>"$WORK/bus/keyring.log" &
pids+=($!)
for _ in $(seq 300); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true' && break
    sleep 0.1
done

say "a throwaway gpg key and password store (pass store)"
export GNUPGHOME="$WORK/gnupg" PASSWORD_STORE_DIR="$WORK/password-store"
mkdir -p -m 700 "$GNUPGHOME"
gpg --batch --quiet --passphrase "" --quick-gen-key "aws-sso benchmark <bench@example.com>" default default never 2>/dev/null
pass init bench@example.com >/dev/null

for store in "${STORES[@]}"; do
    mkdir -p "$WORK/cfg/$store"
    cat >"$WORK/cfg/$store/config.yaml" <<EOF
SSOConfig:
  Default:
    SSORegion: us-east-1
    StartUrl: $start_url
SecureStore: $store
LogLevel: error
AuthWorkflow: pkce
UrlAction: exec
UrlExecCommand: [curl, -fsSL, -o, /dev/null, "%s"]
EOF
    # the keyring unlocked at its start (a new collection would need a prompter's password)
    [[ "$store" == secret-service ]] && echo "SecretServiceCollection: login" >>"$WORK/cfg/$store/config.yaml"
    chmod 600 "$WORK/cfg/$store/config.yaml"
done
cfg() { printf '%s' "$WORK/cfg/$1/config.yaml"; }

say "login and one fetch per store (JVM path, agent off), then one agent per store"
for store in "${STORES[@]}"; do
    AWS_SSO_AGENT=0 "$LAUNCHER" --config "$(cfg "$store")" login >/dev/null 2>"$WORK/login-$store.log" ||
        die "login with the $store store failed: $(tail -3 "$WORK/login-$store.log")"
done
IFS=, read -r account role profile < <(AWS_SSO_AGENT=0 "$LAUNCHER" --config "$(cfg json)" list --csv \
    AccountIdPad RoleName Profile 2>/dev/null | head -1)
ARN="arn:aws:iam::$account:role/$role"
for store in "${STORES[@]}"; do
    AWS_SSO_AGENT=0 "$LAUNCHER" --config "$(cfg "$store")" process --arn "$ARN" | grep -q '"Version":1' ||
        die "process with the $store store failed"
    "$LAUNCHER" --config "$(cfg "$store")" agent start 2>/dev/null || die "agent start ($store) failed"
done

served() { # requestsServed of the agent of config $1
    "$LAUNCHER" --config "$1" agent status --json | sed -n 's/.*"requestsServed":\([0-9]*\).*/\1/p'
}
agent_pid() { sed -n 's/^pid=//p' "$(dirname "$1")/run/agent"; }

mkdir -p "$WORK/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
    >"$WORK/hello/Hello.java"
"${JAVA}c" -d "$WORK/hello" "$WORK/hello/Hello.java"

names=(hello)
commands=("$JAVA -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -XX:-UsePerfData -cp $WORK/hello Hello")
configs=("")
for store in "${STORES[@]}"; do
    names+=("$store --arn")
    commands+=("$LAUNCHER --config $(cfg "$store") process --arn $ARN")
    configs+=("$(cfg "$store")")
done
names+=("json --profile")
commands+=("$LAUNCHER --config $(cfg json) process --profile $profile")
configs+=("$(cfg json)")

for i in "${!names[@]}"; do
    [[ -n "${configs[i]}" ]] || continue
    # shellcheck disable=SC2086 # a command line of words without spaces
    ${commands[i]} 2>/dev/null | grep -q '"Version":1' || die "${names[i]}: no credentials"
done
declare -A before
for store in "${STORES[@]}"; do
    before[$store]="$(served "$(cfg "$store")")"
done

echo "== load: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1), $(bash --version | head -1)"
hyperfine_args=()
for i in "${!names[@]}"; do
    hyperfine_args+=(-n "${names[i]}" "${commands[i]}")
done
hyperfine -N -w 5 -r "$RUNS" --export-json "$WORK/h.json" "${hyperfine_args[@]}" >&2

# Every measured call of a store (warm-ups included) must have been the agent's: a call the agent
# did not answer ran a JVM, and its time would be in the figures.
for store in "${STORES[@]}"; do
    expected=$((RUNS + 5))
    [[ "$store" == json ]] && expected=$((2 * (RUNS + 5))) # --arn and --profile
    printf 'agent of %-16s answered %d of the %d measured calls (warm-ups included)\n' "$store:" \
        $(($(served "$(cfg "$store")") - before[$store])) "$expected"
done
python3 - "$WORK/h.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
h = r.pop("hello")
cpu = lambda x: (x["user"] + x["system"]) * 1000
print(f"hello java: median {h['median']*1000:.1f} ms, min {h['min']*1000:.1f} ms, mean CPU {cpu(h):.1f} ms")
for name, p in r.items():
    print(f"agent hit, {name:<16} median {p['median']*1000:6.1f} ms (ratio {p['median']/h['median']:.2f}), "
          f"min {p['min']*1000:6.1f} ms (ratio {p['min']/h['min']:.2f}), "
          f"mean CPU {cpu(p):5.1f} ms (ratio {cpu(p)/cpu(h):.2f})")
PY

rss_before="$(served "$(cfg file)")"
for i in 1 2 3; do
    /usr/bin/time -f '%M' "$LAUNCHER" --config "$(cfg file)" process --arn "$ARN" 2>&1 >/dev/null | tail -1
done | sort -n | tail -1 | awk '{printf "client peak RSS (max of 3 runs, ./aws-sso, file store hit): %.1f MiB (target <= 10)\n", $1 / 1024}'
echo "  (the agent answered $(($(served "$(cfg file)") - rss_before)) of those 3 calls: a call it did not answer ran a JVM, and its RSS is the JVM's)"

say "load: $CALLERS concurrent callers, $REQUESTS calls (file store)"
load_before="$(served "$(cfg file)")"
"$LAUNCHER" --config "$(cfg file)" process --arn "$ARN" >"$WORK/expected.json" 2>/dev/null
python3 - "$CALLERS" "$REQUESTS" "$WORK/expected.json" "$LAUNCHER" --config "$(cfg file)" process --arn "$ARN" <<'PY'
import concurrent.futures, subprocess, sys, time
callers, total, expected = int(sys.argv[1]), int(sys.argv[2]), open(sys.argv[3], "rb").read()
command = sys.argv[4:]
def call(_):
    t = time.perf_counter()
    p = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t, p.returncode == 0 and p.stdout == expected
start = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(callers) as pool:
    results = list(pool.map(call, range(total)))
wall = time.perf_counter() - start
times = sorted(t for t, _ in results)
failures = sum(1 for _, ok in results if not ok)
pct = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000
print(f"load: {total} calls, {callers} concurrent: {failures} failures; per call p50 {pct(0.50):.1f} ms, "
      f"p99 {pct(0.99):.1f} ms, max {times[-1]*1000:.1f} ms; {total/wall:.0f} calls/s over {wall:.1f} s")
PY
load_after="$(served "$(cfg file)")"
# -1: the status call between is not counted; the expected.json call is
echo "load: the agent answered $((load_after - load_before - 1)) of $REQUESTS calls (the others fell back to a JVM)"
printf 'file store agent RSS after the load: %s\n' \
    "$(awk '/VmRSS/ {printf "%.1f MiB", $2 / 1024}' "/proc/$(agent_pid "$(cfg file)")/status")"

say "first call with no agent running (cold), against the agent turned off"
# Before each call: wait while an agent is starting (the spawn marker: one left behind would make
# the next call start none; at most 30 s), stop the agent, and wait until its JVM has exited (its
# shutdown must not overlap the measured call). The agent-off calls get the same preparation (its
# `agent stop` JVM finds no agent then), and both run in one hyperfine run, side by side.
cat >"$WORK/stop-agent.sh" <<EOF
#!/usr/bin/env bash
run="$WORK/cfg/file/run"
for _ in \$(seq 300); do [[ -e "\$run/agent.spawn" ]] || break; sleep 0.1; done
pid="\$(sed -n 's/^pid=//p' "\$run/agent" 2>/dev/null)"
"$LAUNCHER" --config "$(cfg file)" agent stop >/dev/null 2>&1
for _ in \$(seq 300); do [[ -n "\$pid" ]] && kill -0 "\$pid" 2>/dev/null || break; sleep 0.1; done
EOF
chmod +x "$WORK/stop-agent.sh"
"$WORK/stop-agent.sh"
started_before="$(grep -c '^aws-sso agent .* serving ' "$WORK/cfg/file/run/agent.log" 2>/dev/null || true)"
hyperfine -N -r "$COLD_RUNS" --export-json "$WORK/cold.json" \
    --prepare "$WORK/stop-agent.sh" -n "no agent yet (agent on)" "$LAUNCHER --config $(cfg file) process --arn $ARN" \
    --prepare "$WORK/stop-agent.sh" -n "agent off" "env AWS_SSO_AGENT=0 $LAUNCHER --config $(cfg file) process --arn $ARN" >&2
"$WORK/stop-agent.sh"
# Every cold call must have started an agent (one that did not would flatter the figure): the
# agents' log counts them, the agent-off calls start none.
echo "cold: $(($(grep -c '^aws-sso agent .* serving ' "$WORK/cfg/file/run/agent.log") - ${started_before:-0})) agents started by the $COLD_RUNS cold calls and the $COLD_RUNS agent-off calls"
python3 - "$WORK/cold.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
for x in r:
    print(f"cold, {x['command']:<24} median {x['median']*1000:.1f} ms, min {x['min']*1000:.1f} ms")
print(f"cold, agent on / agent off: median ratio {r[0]['median'] / r[1]['median']:.2f}")
PY
