# Completion of profile names (and -S/--sso instances) for the aws-sso-profile helper.
function __aws_sso_profile_complete
    @EXECUTABLE@ __complete --shell=fish --line=(commandline -cp) 2>/dev/null
end
complete -c aws-sso-profile -f -a '(__aws_sso_profile_complete)'
