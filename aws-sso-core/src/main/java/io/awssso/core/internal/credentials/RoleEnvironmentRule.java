package io.awssso.core.internal.credentials;

import io.awssso.api.CatalogRole;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.core.internal.config.AwsSsoConfig;
import io.awssso.core.internal.config.SsoConfig;
import java.util.Map;

/**
 * The variables {@code exec}, {@code eval} and {@code run} set for a role: the credentials, the
 * {@code AWS_SSO_*} variables from the role's catalog entry, its {@code EnvVarTags} tags, and the
 * region by the config's rules, judged against the environment the variables replace. One place
 * for the rule, whether the caller looks the role up ({@code exec}) or already holds it (a run
 * across hundreds of roles, which must not read the role cache once per role).
 */
public final class RoleEnvironmentRule {
    private final AwsSsoConfig config;
    private final SsoConfig instance;
    private final Map<String, String> environment;

    /**
     * @param config the config (its regions and {@code EnvVarTags})
     * @param instance the selected instance
     * @param environment the variables the role's are applied to
     */
    public RoleEnvironmentRule(AwsSsoConfig config, SsoConfig instance, Map<String, String> environment) {
        this.config = config;
        this.instance = instance;
        this.environment = environment;
    }

    /**
     * The change to the environment for a role's credentials.
     *
     * @param role the role's catalog entry, or null for a role outside the cache (no profile, no tags)
     */
    public RoleVariables.Change change(RoleCredentials credentials, CatalogRole role, boolean noRegion,
            boolean overwriteRegion) {
        RoleArn arn = credentials.roleArn();
        String region = config.effectiveRegion(instance, arn.accountId(), arn.roleName());
        return RoleVariables.forRole(credentials, instance.name(), role == null ? "" : role.profile(),
                role == null ? Map.of() : role.tags(), config.envVarTags(),
                new RoleVariables.RegionRule(region, noRegion, overwriteRegion), environment);
    }
}
