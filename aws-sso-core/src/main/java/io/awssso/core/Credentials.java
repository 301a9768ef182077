package io.awssso.core;

import io.awssso.api.CatalogRole;
import io.awssso.api.CredentialProvider;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.core.internal.config.AwsSsoConfig;
import io.awssso.core.internal.credentials.CredentialService;
import io.awssso.core.internal.credentials.RoleVariables;
import io.awssso.core.internal.di.CoreComponent;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Temporary credentials of the roles: the stored ones while they are valid, else fetched from
 * IAM Identity Center (or by role chaining along {@code Via}) and stored; and the environment
 * variables a program started with a role needs. Get it with {@link AwsSso#credentials()}; for an
 * AWS SDK client use {@link AwsSsoCredentialsProvider}.
 *
 * <pre>{@code
 * RoleCredentials c = sso.credentials().get(sso.roles().byProfile("prod:Admin"));
 * }</pre>
 */
public final class Credentials {
    private final CoreComponent graph;

    Credentials(CoreComponent graph) {
        this.graph = graph;
    }

    /**
     * A role's credentials: the stored ones while valid for more than a minute, else fetched
     * (GetRoleCredentials, or AssumeRole along the {@code Via} chain) and stored. The fetch runs
     * under the secure store's cross-process lock after a second look at the store, so concurrent
     * processes asking for the same role make one call.
     *
     * @throws io.awssso.api.LoginRequiredException when a fetch needs a token and there is none
     *     (and AutoLogin is off)
     * @throws io.awssso.api.ConfigurationException when the {@code Via} chain loops
     * @throws io.awssso.api.IdentityCenterException when Identity Center refuses (an unassigned role)
     */
    public RoleCredentials get(RoleArn role) {
        return graph.credentials().credentials(Objects.requireNonNull(role, "role"), false, CredentialService.MARGIN);
    }

    /**
     * New credentials for a role, fetched even when the stored ones are valid, and stored.
     *
     * @throws io.awssso.api.LoginRequiredException when there is no usable token (and AutoLogin is off)
     * @throws io.awssso.api.ConfigurationException when the {@code Via} chain loops
     * @throws io.awssso.api.IdentityCenterException when Identity Center refuses
     */
    public RoleCredentials fetch(RoleArn role) {
        return graph.credentials().credentials(Objects.requireNonNull(role, "role"), true, CredentialService.MARGIN);
    }

    /**
     * The stored credentials of a role when valid for more than a minute; reads the config and
     * the store only (no SDK client, no role cache).
     *
     * @throws io.awssso.api.StoreUnavailableException when the secure store cannot be opened
     */
    public Optional<RoleCredentials> stored(RoleArn role) {
        return graph.credentials().cached(Objects.requireNonNull(role, "role"));
    }

    /** These credentials as the API's {@link CredentialProvider}. */
    public CredentialProvider provider() {
        return graph.credentials();
    }

    /**
     * Credentials valid for more than {@code minValidity}: the stored ones when they last that
     * long, else fetched (for {@link AwsSsoCredentialsProvider}'s prefetch).
     */
    RoleCredentials validFor(RoleArn role, Duration minValidity) {
        return graph.credentials().credentials(role, false, minValidity);
    }

    /**
     * The variables to set and unset to run a program as a role: the credentials, the
     * {@code AWS_SSO_*} variables, {@code AWS_SSO_TAG_*} for {@code EnvVarTags}, and the region
     * variables as {@code region} says, judged against this engine's environment. Whenever the
     * region is not set, {@code AWS_SSO_DEFAULT_REGION} is unset: aws-sso no longer manages it.
     *
     * @param credentials the role's credentials
     * @param region whether to set the region variables
     * @return the variables; {@link RoleEnvironment#toString()} hides their values
     */
    public RoleEnvironment environment(RoleCredentials credentials, RegionPolicy region) {
        RoleArn arn = credentials.roleArn();
        CatalogRole role = null;
        try {
            role = graph.catalog().role(arn);
        } catch (io.awssso.api.RoleNotFoundException e) {
            // a role outside the cache still gets its credentials; it has no profile name or tags
        }
        RoleVariables.Change c = new io.awssso.core.internal.credentials.RoleEnvironmentRule(graph.config(),
                graph.instance(), graph.inputs().env().variables())
                .change(credentials, role, region == RegionPolicy.NEVER, region == RegionPolicy.ALWAYS);
        return new RoleEnvironment(c.set(), c.unset());
    }

    /**
     * The variables to unset to leave a role's environment, as aws-sso-cli decides them: the
     * role's, the {@code EnvVarTags} ones, and {@code AWS_DEFAULT_REGION}, {@code AWS_REGION} and
     * {@code AWS_SSO_DEFAULT_REGION} when the region is aws-sso's; with {@link RegionPolicy#NEVER}
     * at most the shadow copy {@code AWS_SSO_DEFAULT_REGION}, and only when a region variable
     * differs from it.
     */
    public RoleEnvironment clearedEnvironment(RegionPolicy region) {
        RoleVariables.Change c = RoleVariables.clear(graph.config().envVarTags(), region == RegionPolicy.NEVER,
                graph.inputs().env().variables());
        return new RoleEnvironment(c.set(), c.unset());
    }
}
