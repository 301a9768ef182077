# aws-sso completion for fish. -S/--sso typed earlier on the line is honoured; otherwise the
# instance comes from $AWS_SSO (set -gx it: a one-off `AWS_SSO=x aws-sso ...` prefix is not in the
# environment completion runs in).
function __aws_sso_complete
    set -l out (@EXECUTABLE@ __complete --shell=fish --line=(commandline -cp) 2>/dev/null)
    if test "$out[1]" = ":files"
        __fish_complete_path (commandline -ct)
    else
        printf '%s\n' $out
    end
end
complete -c aws-sso -f -a '(__aws_sso_complete)'
