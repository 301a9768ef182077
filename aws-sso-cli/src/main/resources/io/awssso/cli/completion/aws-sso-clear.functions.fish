# aws-sso-clear: removes the credentials aws-sso-profile set.
function aws-sso-clear --description 'Remove the AWS credentials aws-sso-profile set'
    if not set -q AWS_SSO_PROFILE; or test -z "$AWS_SSO_PROFILE"
        echo "aws-sso-clear: AWS_SSO_PROFILE is not set: no aws-sso credentials to clear" >&2
        return 1
    end
    set -l args -L error
    if set -q AWS_SSO_HELPER_ARGS; and test -n "$AWS_SSO_HELPER_ARGS"
        set args (string split -n ' ' -- $AWS_SSO_HELPER_ARGS)
    end
    set -l out (@EXECUTABLE@ $args eval -c); or return 1
    printf '%s\n' $out | string replace -r '^unset ' 'set --erase ' | source
end
