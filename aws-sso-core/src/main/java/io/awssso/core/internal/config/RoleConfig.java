package io.awssso.core.internal.config;

import io.awssso.api.RoleArn;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code SSOConfig.<name>.Accounts.<id>.Roles.<RoleName>}: settings for one role.
 *
 * @param name the role name (the map key)
 * @param profile an explicit profile name that replaces {@code ProfileFormat}
 * @param defaultRegion the role's region (the highest priority)
 * @param tags role tags; they override the account's tags
 * @param via the role to assume first (role chaining)
 * @param externalId the {@code sts:AssumeRole} ExternalId when chaining
 * @param sourceIdentity the {@code sts:AssumeRole} SourceIdentity when chaining
 */
public record RoleConfig(String name, Optional<String> profile, Optional<String> defaultRegion,
        Map<String, String> tags, Optional<RoleArn> via, Optional<String> externalId,
        Optional<String> sourceIdentity) {

    /** Checks presence and freezes the tags (in file order). */
    public RoleConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(sourceIdentity, "sourceIdentity");
    }
}
