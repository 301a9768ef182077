package io.awssso.core.internal.config;

import io.awssso.api.AccountId;
import io.awssso.api.SsoInstance;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code SSOConfig.<name>}: one IAM Identity Center instance.
 *
 * @param name the instance name (the map key; used by {@code -S}, store keys and the cache)
 * @param ssoRegion the region Identity Center runs in
 * @param startUrl the user portal start URL
 * @param defaultRegion the instance's region for credentials
 * @param authUrlAction how the login URL is handled ({@code AuthUrlAction}, else {@code UrlAction})
 * @param accounts account settings, sorted by account id
 * @param awsCliSsoSession {@code AwsCliSsoSession}: the AWS CLI {@code sso-session} whose token
 *     cache file ({@code ~/.aws/sso/cache/<sha1>.json}) login keeps current; empty (the default)
 *     writes no such file, since it holds the access token in plain text
 */
public record SsoConfig(String name, String ssoRegion, String startUrl,
        Optional<String> defaultRegion, UrlAction authUrlAction,
        Map<AccountId, AccountConfig> accounts, Optional<String> awsCliSsoSession) {

    /** Checks presence and freezes the accounts. */
    public SsoConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ssoRegion, "ssoRegion");
        Objects.requireNonNull(startUrl, "startUrl");
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        Objects.requireNonNull(authUrlAction, "authUrlAction");
        accounts = Collections.unmodifiableMap(new TreeMap<>(accounts));
        Objects.requireNonNull(awsCliSsoSession, "awsCliSsoSession");
    }

    /** The connection settings the engine and the SPIs work with. */
    public SsoInstance toSsoInstance() {
        return new SsoInstance(name, startUrl, ssoRegion, defaultRegion.orElse(null));
    }

    /** The settings of one account, if the config has any. */
    public Optional<AccountConfig> account(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }
}
