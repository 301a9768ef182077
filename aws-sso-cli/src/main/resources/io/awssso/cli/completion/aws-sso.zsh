# aws-sso completion and shell helpers for zsh (native zsh completion: no bashcompinit needed).
# Completion runs `aws-sso __complete` with the words left of the cursor, so -S/--sso typed earlier
# on the line is honoured; otherwise the instance comes from $AWS_SSO (export it: a one-off
# `AWS_SSO=x aws-sso ...` prefix is not in the environment completion runs in).
__aws_sso_exe=@EXECUTABLE@

if ! (( ${+functions[compdef]} )); then
    autoload -Uz compinit && compinit
fi

_aws_sso() {
    local line="${(j: :)${(@)words[1,CURRENT]}}"
    local -a candidates
    candidates=("${(@f)$("$__aws_sso_exe" __complete --shell=zsh --line="$line" 2>/dev/null)}")
    # quoted, so no user option (sh_word_split, glob_subst) can split or glob a name from AWS;
    # compadd quotes the metacharacters of what it inserts
    candidates=("${(@)candidates:#}")
    if [[ "${candidates[1]:-}" == ":files" ]]; then
        _files
    elif (( ${#candidates} )); then
        compadd -- "${candidates[@]}"
    fi
}
compdef _aws_sso aws-sso
compdef _aws_sso aws-sso-profile

# aws-sso-profile [-S|--sso <instance>] <profile>: sets the profile's credentials in this shell.
aws-sso-profile() {
    if [[ -n "${AWS_PROFILE:-}" ]]; then
        echo "aws-sso-profile: AWS_PROFILE is set; unset it first" >&2
        return 1
    fi
    local -a sso args
    sso=()
    if [[ "${1:-}" == "-S" || "${1:-}" == "--sso" ]]; then
        sso=(-S "${2:-}")
        shift 2
    fi
    if [[ $# -ne 1 || -z "$1" ]]; then
        echo "usage: aws-sso-profile [-S|--sso <instance>] <profile>" >&2
        return 1
    fi
    args=(${=AWS_SSO_HELPER_ARGS:--L error})
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
    args=(${=AWS_SSO_HELPER_ARGS:--L error})
    local out
    out="$("$__aws_sso_exe" "${args[@]}" eval -c)" || return 1
    eval "$out"
}
