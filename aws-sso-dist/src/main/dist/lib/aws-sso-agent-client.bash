# shellcheck shell=bash
# The launchers' client of the aws-sso agent (README, section "Agent", holds the protocol): a
# `process` call is answered by the running per-user agent, without starting a JVM. Both launchers
# use this one file: the checkout's ./aws-sso sources it; the installed bin/aws-sso (a POSIX sh
# script: sh has no /dev/tcp) runs it with bash, and it comes back to bin/aws-sso when the agent
# cannot answer.
#
# Only bash built-ins on the way to an answer (every fork and exec costs as much as the whole
# round trip), with one exception: the agent file's mode, which no built-in can read, is read
# with stat(1). Anything unexpected makes the call fall back to the JVM, having printed nothing;
# with AWS_SSO_AGENT_DEBUG=1 or -L debug/trace the reason goes to stderr.

# Answers `process` from the agent and exits with the agent's exit code; or returns 1, having
# printed nothing (except the reason, when debugging), so that the caller starts the JVM.
# Usage: aws_sso_agent_client VERSION ARG...   (VERSION: this install's aws-sso version)
aws_sso_agent_client() {
    # bash 4.4: ${name@a}, `local -`, read -N, fractional read -t (macOS's bash 3.2 falls back)
    if ((BASH_VERSINFO[0] < 4 || (BASH_VERSINFO[0] == 4 && BASH_VERSINFO[1] < 4))); then
        return 1
    fi
    local -
    set +e +u +o pipefail +o posix # (a failed exec would end a POSIX shell)
    # The C locale makes ${#x}, ${x:i:n} and read -N count bytes, as Content-Length and the
    # answer's lengths do.
    local LC_ALL=C
    local version=$1
    shift
    case "${AWS_SSO_AGENT,,}" in
        0 | false | off | no) return 1 ;; # the agent turned off, as the JVM reads it
    esac

    local debug=0 arg previous="" command=""
    [[ ${AWS_SSO_AGENT_DEBUG:-} == 1 ]] && debug=1
    for arg in "$@"; do
        case "$previous|$arg" in
            -L\|debug | -L\|trace | --level\|debug | --level\|trace) debug=1 ;;
        esac
        case "$arg" in
            -Ldebug | -Ltrace | --level=debug | --level=trace) debug=1 ;;
        esac
        previous=$arg
    done

    # A request carries one argument or variable per line.
    local nl=$'\n' cr=$'\r'
    if [[ $PWD != /* ]]; then
        _aws_sso_agent_skip "no working directory"
        return 1
    fi
    for arg in "$@" "$PWD"; do
        if [[ $arg == *"$nl"* || $arg == *"$cr"* ]]; then
            _aws_sso_agent_skip "an argument or the working directory holds a line break"
            return 1
        fi
    done
    # The agent serves `process` only: its name must be the first word that is not a global
    # option (or its value).
    local expect_value=0
    for arg in "$@"; do
        if ((expect_value)); then
            expect_value=0
        elif [[ $arg == -L || $arg == --level || $arg == --config || $arg == -S || $arg == --sso ||
            $arg == -b || $arg == --browser ]]; then
            expect_value=1
        elif [[ $arg == -[LSb]?* || $arg == --level=* || $arg == --config=* || $arg == --sso=* ||
            $arg == --browser=* || $arg == --lines ]]; then
            :
        else
            command=$arg
            break
        fi
    done
    if [[ $command != process ]]; then
        _aws_sso_agent_skip "not a process call"
        return 1
    fi

    # The agent file: in $XDG_RUNTIME_DIR/aws-sso, else in run/ next to the config file the JVM
    # would read (--config, $AWS_SSO_CONFIG, else config.yaml in the config directory: ~/.aws-sso
    # when it is a directory and holds config.yaml, or when the XDG one holds none).
    local dir config_file="" home=${HOME:-} i
    local -a argv=("$@")
    for ((i = 0; i < ${#argv[@]}; i++)); do
        arg=${argv[i]}
        [[ $arg == -- ]] && break
        if [[ $arg == --config ]] && ((i + 1 < ${#argv[@]})); then
            config_file=${argv[++i]}
        elif [[ $arg == --config=* ]]; then
            config_file=${arg#--config=}
        fi
    done
    if [[ ${XDG_RUNTIME_DIR:-} == /* && -d $XDG_RUNTIME_DIR ]]; then
        dir=$XDG_RUNTIME_DIR/aws-sso
    else
        [[ -n $config_file ]] || config_file=${AWS_SSO_CONFIG:-}
        if [[ -n $config_file ]]; then
            [[ $config_file == "~/"* ]] && config_file=$home${config_file:1}
            if [[ $config_file == */* ]]; then
                dir=${config_file%/*}
                dir=${dir:-/}
            else
                dir=.
            fi
        else
            if [[ -z $home ]]; then
                _aws_sso_agent_skip "no HOME"
                return 1
            fi
            dir=${XDG_CONFIG_HOME:-$home/.config}
            [[ $dir == "~" || $dir == "~/"* ]] && dir=$home${dir:1}
            dir=$dir/aws-sso
            if [[ -d $home/.aws-sso && (-e $home/.aws-sso/config.yaml || ! -e $dir/config.yaml) ]]; then
                dir=$home/.aws-sso
            fi
        fi
        dir=$dir/run
    fi
    local file=$dir/agent
    if [[ ! -e $file ]]; then
        _aws_sso_agent_skip "no agent file $file"
        return 1
    fi
    if [[ -L $file || ! -f $file ]]; then
        _aws_sso_agent_skip "$file is not a regular file"
        return 1
    fi
    if [[ ! -O $file ]]; then
        _aws_sso_agent_skip "$file is not owned by you"
        return 1
    fi
    local mode
    mode=$(stat -c %a -- "$file" 2>/dev/null || stat -f %Lp -- "$file" 2>/dev/null)
    if [[ $mode != 600 ]]; then
        _aws_sso_agent_skip "$file has mode ${mode:-unknown}, not 600"
        return 1
    fi

    local line key protocol="" agent_version="" pid="" port="" token="" agent_config=""
    while IFS= read -r line; do
        key=${line%%=*}
        case "$key" in
            protocol) protocol=${line#*=} ;;
            version) agent_version=${line#*=} ;;
            pid) pid=${line#*=} ;;
            port) port=${line#*=} ;;
            token) token=${line#*=} ;;
            config) agent_config=${line#*=} ;;
        esac
    done 2>/dev/null <"$file" # 2> first: a file removed meanwhile is not worth a message
    if [[ $protocol != 1 || ! $pid =~ ^[1-9][0-9]{0,9}$ || ! $port =~ ^[1-9][0-9]{0,4}$ ||
        ! $token =~ ^[0-9a-f]{64}$ || -z $agent_config || -z $agent_version ]] || ((port > 65535)); then
        _aws_sso_agent_skip "$file is not a protocol 1 agent file"
        return 1
    fi
    if [[ $agent_version != "$version" ]]; then
        _aws_sso_agent_skip "the agent is version $agent_version, this is $version"
        return 1
    fi
    # A file left by an agent that died: its port may be anyone's by now.
    if ! kill -0 "$pid" 2>/dev/null; then
        _aws_sso_agent_skip "the agent (pid $pid) is not running"
        return 1
    fi

    # The request body: working directory, the variables the engine reads, the arguments.
    local body="cwd $PWD$nl" name
    for name in "${!AWS_@}" HOME XDG_CONFIG_HOME XDG_RUNTIME_DIR; do
        [[ -v $name && ${!name@a} == *x* ]] || continue
        if [[ ${!name} == *"$nl"* || ${!name} == *"$cr"* ]]; then
            _aws_sso_agent_skip "\$$name holds a line break"
            return 1
        fi
        body+="env $name=${!name}$nl"
    done
    for arg in "$@"; do
        body+="arg $arg$nl"
    done

    # From here on, a broken connection must neither kill this shell (SIGPIPE) nor print bash's
    # messages: stderr is put aside until the connection is closed.
    local fd="" stderr status budget deadline
    trap '' PIPE
    exec {stderr}>&2 2>/dev/null
    _aws_sso_agent_deadline 200000
    if ! exec {fd}<>"/dev/tcp/127.0.0.1/$port"; then
        _aws_sso_agent_fail "no agent listens on 127.0.0.1:$port"
        return 1
    fi
    if ! printf 'POST /v1/process HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nAuthorization: Bearer %s\r\nContent-Type: application/x-aws-sso-request\r\nContent-Length: %s\r\nConnection: close\r\n\r\n%s' \
        "$port" "$token" "${#body}" "$body" >&"$fd"; then
        _aws_sso_agent_fail "the agent closed the connection"
        return 1
    fi

    # The status line within 200 ms of connecting; after `102 Processing` (a fetch from AWS),
    # the final one within 120 s.
    while :; do
        _aws_sso_agent_line || return 1
        if [[ ! $line =~ ^HTTP/1\.[01]\ ([0-9][0-9][0-9])(\ .*)?$ ]]; then
            _aws_sso_agent_fail "a malformed status line"
            return 1
        fi
        status=${BASH_REMATCH[1]}
        [[ $status == 102 ]] || break
        while :; do # the interim answer's header lines, if any, up to its empty line
            _aws_sso_agent_line || return 1
            [[ -n $line ]] || break
        done
        _aws_sso_agent_deadline 120000000
    done
    if [[ $status != 200 ]]; then
        _aws_sso_agent_fail "the agent answered: $line"
        return 1
    fi

    # The rest of the answer within 2 s: its reader, with a timeout, costs about 1 us a byte.
    local length="" type=""
    _aws_sso_agent_deadline 2000000
    while :; do
        _aws_sso_agent_line || return 1
        [[ -n $line ]] || break
        case "${line,,}" in
            content-length:*) length=${line#*:} ;;
            content-type:*) type=${line#*:} ;;
        esac
    done
    length=${length//[ $'\t']/}
    type=${type//[ $'\t']/}
    if [[ ! $length =~ ^[0-9]{1,9}$ || $type != application/x-aws-sso-result ]]; then
        _aws_sso_agent_fail "an answer without its length or type"
        return 1
    fi
    length=$((10#$length))
    local answer="" wait
    if ! _aws_sso_agent_wait; then
        _aws_sso_agent_fail "no answer in time"
        return 1
    fi
    IFS= read -r -N "$length" -t "$wait" -u "$fd" answer
    _aws_sso_agent_close
    if ((${#answer} != length)); then
        _aws_sso_agent_skip "the answer ended after ${#answer} of $length bytes"
        return 1
    fi

    # exit <code>\nout <n>\n<n bytes>err <n>\n<n bytes>
    local code out n
    if [[ ! $answer =~ ^exit\ ([0-9]{1,3})"$nl"out\ ([0-9]{1,9})"$nl" ]] || ((10#${BASH_REMATCH[1]} > 255)); then
        _aws_sso_agent_skip "a malformed answer"
        return 1
    fi
    code=$((10#${BASH_REMATCH[1]}))
    n=$((10#${BASH_REMATCH[2]}))
    answer=${answer:${#BASH_REMATCH[0]}}
    out=${answer:0:n}
    answer=${answer:n}
    if ((${#out} != n)) || [[ ! $answer =~ ^err\ ([0-9]{1,9})"$nl" ]]; then
        _aws_sso_agent_skip "a malformed answer"
        return 1
    fi
    n=$((10#${BASH_REMATCH[1]}))
    answer=${answer:${#BASH_REMATCH[0]}}
    if ((${#answer} != n)); then
        _aws_sso_agent_skip "a malformed answer"
        return 1
    fi

    printf '%s' "$out"
    printf '%s' "$answer" >&2
    exit "$code"
}

# Sets the deadline (microseconds from now) that _aws_sso_agent_wait counts down to.
_aws_sso_agent_deadline() {
    budget=$1
    if [[ -n ${EPOCHREALTIME:-} ]]; then
        deadline=$((${EPOCHREALTIME/[.,]/} + budget))
    fi
}

# Sets $wait to the seconds left before the deadline (the whole budget without a clock: bash 4.4);
# fails when none are left.
_aws_sso_agent_wait() {
    local left=$budget
    if [[ -n ${EPOCHREALTIME:-} ]]; then
        left=$((deadline - ${EPOCHREALTIME/[.,]/}))
        ((left > 0)) || return 1
    fi
    printf -v wait '%d.%06d' $((left / 1000000)) $((left % 1000000))
}

# Reads one CRLF-terminated line of the answer into $line (without its CR) before the deadline;
# on a timeout or the end of the connection, closes it and fails.
_aws_sso_agent_line() {
    local wait
    if _aws_sso_agent_wait && IFS= read -r -t "$wait" -u "$fd" line && [[ $line == *$'\r' ]]; then
        line=${line%$'\r'}
        return 0
    fi
    _aws_sso_agent_fail "no complete answer in time (or the connection closed)"
    return 1
}

# Closes the connection (if open), and gives back stderr and SIGPIPE.
_aws_sso_agent_close() {
    [[ -n $fd ]] && exec {fd}<&-
    exec 2>&"$stderr" {stderr}>&-
    trap - PIPE
}

# Closes the connection and says why the agent is not used.
_aws_sso_agent_fail() {
    _aws_sso_agent_close
    _aws_sso_agent_skip "$1"
}

# Says why the agent is not used, when debugging.
_aws_sso_agent_skip() {
    if ((debug)); then
        printf 'aws-sso: agent not used: %s; running the JVM\n' "$1" >&2
    fi
}

# Run by bin/aws-sso (not sourced): bash aws-sso-agent-client.bash LAUNCHER ARG... answers from
# the agent, or runs LAUNCHER again with _AWS_SSO_AGENT_TRIED=1 (which it removes) to start the JVM.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    _aws_sso_launcher=$1
    shift
    _aws_sso_lib=.
    [[ ${BASH_SOURCE[0]} == */* ]] && _aws_sso_lib=${BASH_SOURCE[0]%/*}
    for _aws_sso_jar in "$_aws_sso_lib"/aws-sso-cli-*.jar; do
        _aws_sso_version=${_aws_sso_jar##*/aws-sso-cli-}
        aws_sso_agent_client "${_aws_sso_version%.jar}" "$@"
        break
    done
    export _AWS_SSO_AGENT_TRIED=1
    [[ -x $_aws_sso_launcher ]] && exec "$_aws_sso_launcher" "$@"
    exec sh "$_aws_sso_launcher" "$@"
fi
