#!/usr/bin/env bash
# The agent's resident memory: after start, after N requests (hits through the stored-credentials
# step, then errors through the full `process` command), and after an idle period (issue 14's target
# is <= 150 MiB after 1 h idle). Requests go straight to the agent with curl, as the launcher's bash
# client sends them. No network: a throwaway HOME holds a config and a json store.
# Usage: benchmarks/process/agent-rss.sh [requests] [idle seconds]   (default 1000 and 3600; needs curl)
set -euo pipefail
ROOT="$(CDPATH='' cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REQUESTS="${1:-1000}"
IDLE="${2:-3600}"
WORK="$(mktemp -d)"
ARN=arn:aws:iam::012345678901:role/AdministratorAccess
pid=
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; rm -rf "$WORK"' EXIT

"$ROOT/aws-sso" version >/dev/null # build when stale
mkdir -p "$WORK/home/.config/aws-sso"
cat > "$WORK/home/.config/aws-sso/config.yaml" <<YAML
SSOConfig:
  Default:
    SSORegion: us-east-1
    StartUrl: https://d-1234567890.awsapps.com/start
SecureStore: json
AgentIdleTimeout: $((IDLE + 600))
YAML
exp=$(( ($(date +%s) + 12 * 3600) * 1000 ))
cat > "$WORK/home/.config/aws-sso/store.json" <<JSON
{"RoleCredentials":{"$ARN":{"roleName":"AdministratorAccess","accountId":12345678901,"accessKeyId":"ASIAEXAMPLEEXAMPLE01","secretAccessKey":"c2VjcmV0","sessionToken":"dG9rZW4=","expiration":$exp}}}
JSON
chmod 600 "$WORK/home/.config/aws-sso/"*
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" AWS_SSO_NO_BUILD=1
unset AWS_SSO_CONFIG AWS_SSO XDG_RUNTIME_DIR AWS_SSO_AGENT

"$ROOT/aws-sso" agent start
file="$HOME/.config/aws-sso/run/agent"
pid=$(sed -n 's/^pid=//p' "$file"); port=$(sed -n 's/^port=//p' "$file"); token=$(sed -n 's/^token=//p' "$file")
rss() { echo "$1: $(grep -E 'VmRSS|VmHWM' "/proc/$pid/status" | tr -s ' \t' ' ' | tr '\n' ' ')"; }
# what the launcher's client sends besides cwd and arguments: every exported AWS_*, HOME, XDG_*
envlines="$(env | grep -E '^(AWS_[A-Za-z0-9_]*|HOME|XDG_CONFIG_HOME|XDG_RUNTIME_DIR)=' | sed 's/^/env /')"
ask() {
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/x-aws-sso-request' --data-binary @- "http://127.0.0.1:$port/v1/process"
}
echo "== load: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; agent $(tr '\0' ' ' < "/proc/$pid/cmdline" | grep -o -- '-XX:+UseSerialGC.*-Xshare:auto')"
rss started
for ((i = 0; i < REQUESTS; i++)); do
  printf 'cwd %s\n%s\narg process\narg --arn\narg %s\n' "$PWD" "$envlines" "$ARN" | ask
done | sort -k2 -n | awk '{n[$1]++; t[NR]=$2} END {for (c in n) printf "status %s: %d\n", c, n[c];
  printf "hit time_total p50 %.1f ms, p99 %.1f ms\n", t[int((NR+1)/2)]*1000, t[int(NR*0.99)]*1000}'
rss "after $REQUESTS hits"
for ((i = 0; i < REQUESTS / 10; i++)); do
  printf 'cwd %s\n%s\narg process\narg --profile\narg nope\n' "$PWD" "$envlines" | ask >/dev/null
done
rss "after $((REQUESTS / 10)) full-command runs"
sleep "$IDLE"
rss "after $IDLE s idle"
"$ROOT/aws-sso" agent stop
pid=
