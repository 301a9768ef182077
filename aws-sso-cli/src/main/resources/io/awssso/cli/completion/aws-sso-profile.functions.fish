# aws-sso-profile [-S|--sso <instance>] <profile>: sets the profile's credentials in this shell.
function aws-sso-profile --description 'Set the AWS credentials of an aws-sso profile in this shell'
    if set -q AWS_PROFILE; and test -n "$AWS_PROFILE"
        echo "aws-sso-profile: AWS_PROFILE is set; unset it first" >&2
        return 1
    end
    set -l sso
    if test (count $argv) -ge 2; and contains -- $argv[1] -S --sso
        set sso -S $argv[2]
        set argv $argv[3..-1]
    end
    if test (count $argv) -ne 1; or test -z "$argv[1]"
        echo "usage: aws-sso-profile [-S|--sso <instance>] <profile>" >&2
        return 1
    end
    set -l args -L error
    if set -q AWS_SSO_HELPER_ARGS; and test -n "$AWS_SSO_HELPER_ARGS"
        set args (string split -n ' ' -- $AWS_SSO_HELPER_ARGS)
    end
    set -l out (@EXECUTABLE@ $args $sso eval -p $argv[1]); or return 1
    printf '%s\n' $out | string replace -r '^unset ' 'set --erase ' | source
    if test "$AWS_SSO_PROFILE" != "$argv[1]"
        echo "aws-sso-profile: unable to switch to $argv[1]" >&2
        return 1
    end
end
