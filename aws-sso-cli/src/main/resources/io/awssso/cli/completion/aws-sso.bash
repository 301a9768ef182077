# aws-sso completion and shell helpers for bash.
# Completion runs `aws-sso __complete` with the line left of the cursor, so -S/--sso typed earlier on
# the line is honoured; otherwise the instance comes from $AWS_SSO (export it: a one-off
# `AWS_SSO=x aws-sso ...` prefix is not in the environment completion runs in).
__aws_sso_exe=@EXECUTABLE@

__aws_sso_complete() {
    # Candidates come from the role cache, i.e. from account and role names that AWS serves: read
    # them line by line (never word-split or glob-expanded) and hand them back quoted with %q, so
    # that a name like $(cmd) is inserted as text and never becomes part of the command.
    local line="${COMP_LINE:0:COMP_POINT}" candidate
    local -a candidates=()
    while IFS= read -r candidate; do
        candidates+=("$candidate")
    done < <("$__aws_sso_exe" __complete --shell=bash --line="$line" 2>/dev/null)
    COMPREPLY=()
    if [[ "${candidates[0]:-}" == ":files" ]]; then
        compopt -o filenames 2>/dev/null # bash quotes file names itself
        while IFS= read -r candidate; do
            COMPREPLY+=("$candidate")
        done < <(compgen -f -- "${COMP_WORDS[COMP_CWORD]}")
    else
        for candidate in "${candidates[@]}"; do
            COMPREPLY+=("$(printf '%q' "$candidate")")
        done
    fi
}
complete -o nosort -F __aws_sso_complete aws-sso 2>/dev/null || complete -F __aws_sso_complete aws-sso
complete -F __aws_sso_complete aws-sso-profile

# aws-sso-profile [-S|--sso <instance>] <profile>: sets the profile's credentials in this shell.
aws-sso-profile() {
    if [[ -n "${AWS_PROFILE:-}" ]]; then
        echo "aws-sso-profile: AWS_PROFILE is set; unset it first" >&2
        return 1
    fi
    local -a sso=() args
    if [[ "${1:-}" == "-S" || "${1:-}" == "--sso" ]]; then
        sso=(-S "${2:-}")
        shift 2
    fi
    if [[ $# -ne 1 || -z "$1" ]]; then
        echo "usage: aws-sso-profile [-S|--sso <instance>] <profile>" >&2
        return 1
    fi
    # shellcheck disable=SC2206 # AWS_SSO_HELPER_ARGS is a list of arguments
    args=(${AWS_SSO_HELPER_ARGS:--L error})
    local out
    out="$("$__aws_sso_exe" "${args[@]}" "${sso[@]}" eval -p "$1")" || return 1
    eval "$out"
    if [[ "${AWS_SSO_PROFILE:-}" != "$1" ]]; then
        echo "aws-sso-profile: unable to switch to $1" >&2
        return 1
    fi
}

# aws-sso-clear: removes the credentials aws-sso-profile set.
aws-sso-clear() {
    if [[ -z "${AWS_SSO_PROFILE:-}" ]]; then
        echo "aws-sso-clear: AWS_SSO_PROFILE is not set: no aws-sso credentials to clear" >&2
        return 1
    fi
    local -a args
    # shellcheck disable=SC2206
    args=(${AWS_SSO_HELPER_ARGS:--L error})
    local out
    out="$("$__aws_sso_exe" "${args[@]}" eval -c)" || return 1
    eval "$out"
}
