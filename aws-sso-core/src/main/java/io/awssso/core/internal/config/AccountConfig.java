package io.awssso.core.internal.config;

import io.awssso.api.AccountId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code SSOConfig.<name>.Accounts.<id>}: settings for one account.
 *
 * @param id the account id (the map key, normalised to twelve digits)
 * @param name the config-defined account name ({@code AccountName}; AWS's name is the alias)
 * @param defaultRegion the account's region
 * @param tags tags for every role of the account
 * @param roles role settings by role name, in file order
 */
public record AccountConfig(AccountId id, Optional<String> name, Optional<String> defaultRegion,
        Map<String, String> tags, Map<String, RoleConfig> roles) {

    /** Checks presence and freezes the maps (in file order). */
    public AccountConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
    }

    /** The settings of one role, if the config has any. */
    public Optional<RoleConfig> role(String roleName) {
        return Optional.ofNullable(roles.get(roleName));
    }
}
