package io.awssso.cli.options;

import io.awssso.api.RoleArn;
import io.awssso.api.RoleNotFoundException;
import io.awssso.core.AwsSso;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The role selector flags shared by {@code process}, {@code exec}, {@code eval} and others:
 * {@code -p/--profile}, {@code -a/--arn}, {@code -A/--account} with {@code -R/--role}, in that
 * priority (reference 1.3). Account ids are read in base 10 ({@code 0123} is not octal).
 *
 * <p>Environment fallbacks ({@code AWS_SSO_ROLE_ARN}, {@code AWS_SSO_ACCOUNT_ID},
 * {@code AWS_SSO_ROLE_NAME}) apply only where the command asks for them: {@code exec} does,
 * {@code process} and {@code eval} do not.
 */
public final class RoleSelector {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = {"-p", "--profile"}, paramLabel = "<profile>", description = "Role by profile name.")
    private String profile;

    @Option(names = {"-a", "--arn"}, paramLabel = "<arn>",
            description = "Role by ARN: arn:aws:iam::<account>:role/<name>, or <account>:<name>.")
    private String arn;

    @Option(names = {"-A", "--account"}, paramLabel = "<account>", description = "Account id (with --role).")
    private String account;

    @Option(names = {"-R", "--role"}, paramLabel = "<role>", description = "Role name (with --account).")
    private String role;

    /** True when no selector flag was given. */
    public boolean isEmpty() {
        return profile == null && arn == null && account == null && role == null;
    }

    /**
     * The selected role, from the flags, else (when {@code environment} is given) from
     * {@code AWS_SSO_ROLE_ARN}, then {@code AWS_SSO_ACCOUNT_ID} with {@code AWS_SSO_ROLE_NAME}.
     *
     * @return empty when nothing selects a role
     * @throws ParameterException for a malformed ARN or account id, or only one of account and role
     */
    public Optional<RoleArn> resolve(AwsSso sso, Map<String, String> environment) {
        if (profile != null) {
            return Optional.of(byProfile(sso, profile));
        }
        try {
            if (arn != null) {
                return Optional.of(sso.roles().parse(arn));
            }
            if (account != null || role != null) {
                if (account == null || role == null) {
                    throw new ParameterException(spec.commandLine(), "Must specify both --account and --role");
                }
                return Optional.of(sso.roles().of(account, role));
            }
            return environment == null ? Optional.empty() : AwsSso.roleNamedByEnvironment(environment);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /**
     * The role a {@code --profile} value names; a name no role has is an error naming the flag.
     *
     * @throws RoleNotFoundException "Invalid --profile X: ..." when no cached role has that name
     */
    public static RoleArn byProfile(AwsSso sso, String profile) {
        try {
            return sso.roles().byProfile(profile);
        } catch (RoleNotFoundException e) {
            throw new RoleNotFoundException("Invalid --profile " + profile + ": " + e.getMessage());
        }
    }
}
