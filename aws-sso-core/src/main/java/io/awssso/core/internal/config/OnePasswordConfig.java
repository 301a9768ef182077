package io.awssso.core.internal.config;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code OnePassword}: where the {@code 1password} secret store keeps its note.
 *
 * @param vault the vault name (required for the 1password store)
 * @param authType {@code desktop} (the default) or {@code service-account}
 * @param account the 1Password account (required for desktop)
 */
public record OnePasswordConfig(Optional<String> vault, String authType, Optional<String> account) {
    /** Desktop-app integration: the default. */
    public static final String DESKTOP = "desktop";
    /** A service-account token from the environment. */
    public static final String SERVICE_ACCOUNT = "service-account";

    /** Checks presence. */
    public OnePasswordConfig {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(authType, "authType");
        Objects.requireNonNull(account, "account");
    }

    /** No {@code OnePassword} section. */
    static OnePasswordConfig defaults() {
        return new OnePasswordConfig(Optional.empty(), DESKTOP, Optional.empty());
    }
}
