package io.awssso.core.internal.env;

import io.awssso.api.AccountId;
import io.awssso.api.RoleArn;
import java.util.Optional;
import java.util.function.Function;

/**
 * The role a process environment names when no selector is given, by the rule {@code console}
 * follows (reference 1.3), kept here once for {@code console}, {@code exec} and the credentials
 * provider: {@code AWS_SSO_ROLE_ARN}, else {@code AWS_SSO_ACCOUNT_ID} with
 * {@code AWS_SSO_ROLE_NAME}, else (only where a caller can use them) the credentials in
 * {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN}, else
 * {@code AWS_PROFILE} as a profile name. Empty values count as unset.
 */
public sealed interface EnvironmentRole {

    /** The variables the rule reads, for messages that tell the user what to set. */
    String VARIABLES = "AWS_SSO_ROLE_ARN, AWS_SSO_ACCOUNT_ID with AWS_SSO_ROLE_NAME, or AWS_PROFILE";

    /** A role named directly, by ARN or by account and role name. */
    record Named(RoleArn arn) implements EnvironmentRole {
    }

    /** A profile name, looked up in the role cache. */
    record Profile(String name) implements EnvironmentRole {
    }

    /** Role credentials already in the environment; the role is whoever STS says they belong to. */
    record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) implements EnvironmentRole {
        @Override
        public String toString() {
            return "Credentials[accessKeyId=" + accessKeyId + "]";
        }
    }

    /**
     * The role the variables name.
     *
     * @param variables a variable's value, empty when unset or empty
     * @param withCredentials whether credentials in the environment count (they do for
     *     {@code console}, which signs in with them as they are)
     * @return empty when the variables name no role
     * @throws IllegalArgumentException when {@code AWS_SSO_ROLE_ARN} is malformed, or only one of
     *     {@code AWS_SSO_ACCOUNT_ID} and {@code AWS_SSO_ROLE_NAME} is set, or the account id is not
     *     up to 12 decimal digits
     */
    static Optional<EnvironmentRole> select(Function<String, Optional<String>> variables, boolean withCredentials) {
        Optional<RoleArn> named = named(variables);
        if (named.isPresent()) {
            return Optional.of(new Named(named.get()));
        }
        if (withCredentials) {
            Optional<String> key = variables.apply("AWS_ACCESS_KEY_ID");
            Optional<String> secret = variables.apply("AWS_SECRET_ACCESS_KEY");
            Optional<String> session = variables.apply("AWS_SESSION_TOKEN");
            if (key.isPresent() && secret.isPresent() && session.isPresent()) {
                return Optional.of(new Credentials(key.get(), secret.get(), session.get()));
            }
        }
        return variables.apply("AWS_PROFILE").map(Profile::new);
    }

    /** {@link #select} over an {@link Environment}. */
    static Optional<EnvironmentRole> select(Environment env, boolean withCredentials) {
        return select(env::get, withCredentials);
    }

    /**
     * The first two steps only: {@code AWS_SSO_ROLE_ARN}, else {@code AWS_SSO_ACCOUNT_ID} with
     * {@code AWS_SSO_ROLE_NAME} (what {@code aws-sso exec} and {@code eval} set).
     *
     * @throws IllegalArgumentException as {@link #select}
     */
    static Optional<RoleArn> named(Function<String, Optional<String>> variables) {
        Optional<String> arn = variables.apply("AWS_SSO_ROLE_ARN");
        if (arn.isPresent()) {
            try {
                return Optional.of(RoleArn.parse(arn.get()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("AWS_SSO_ROLE_ARN: " + e.getMessage(), e);
            }
        }
        Optional<String> account = variables.apply("AWS_SSO_ACCOUNT_ID");
        Optional<String> role = variables.apply("AWS_SSO_ROLE_NAME");
        if (account.isPresent() != role.isPresent()) {
            throw new IllegalArgumentException((account.isPresent() ? "AWS_SSO_ACCOUNT_ID" : "AWS_SSO_ROLE_NAME")
                    + " is set without " + (account.isPresent() ? "AWS_SSO_ROLE_NAME" : "AWS_SSO_ACCOUNT_ID")
                    + "; set both, or AWS_SSO_ROLE_ARN");
        }
        if (account.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RoleArn.of(AccountId.parse(account.get()), role.get()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("AWS_SSO_ACCOUNT_ID: " + e.getMessage(), e);
        }
    }
}
