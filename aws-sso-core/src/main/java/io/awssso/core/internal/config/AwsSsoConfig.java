package io.awssso.core.internal.config;

import io.awssso.api.AccountId;
import io.awssso.api.ConfigurationException;
import io.awssso.core.internal.env.Environment;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of config.yaml, every key with its default filled in, deprecated keys migrated.
 * Field names follow the YAML keys; units are in the names.
 *
 * @param ssoConfig the Identity Center instances by name, in file order (at least one)
 * @param defaultSso {@code DefaultSSO}
 * @param defaultRegion {@code DefaultRegion}, the lowest-priority region
 * @param authWorkflow {@code AuthWorkflow}
 * @param autoLogin {@code AutoLogin}
 * @param autoConfigCheck {@code AutoConfigCheck}
 * @param cacheRefreshHours {@code CacheRefresh}; {@code <= 0} disables time-based expiry
 * @param threads {@code Threads}
 * @param maxRetry {@code MaxRetry}
 * @param maxBackoffSeconds {@code MaxBackoff}
 * @param urlAction {@code UrlAction}
 * @param browser {@code Browser} ({@code ~} expanded); empty for the system default
 * @param urlExecCommand {@code UrlExecCommand} ({@code ~} expanded in the program)
 * @param consoleDurationMinutes {@code ConsoleDuration}
 * @param configProfilesBinaryPath {@code ConfigProfilesBinaryPath}; empty for this executable
 * @param configProfilesUrlAction {@code ConfigProfilesUrlAction}, defaulted from {@code UrlAction}
 * @param logLevel {@code LogLevel}
 * @param logLines {@code LogLines}
 * @param historyLimit {@code HistoryLimit}; 0 disables History
 * @param historyMinutes {@code HistoryMinutes}; 0 means no time limit
 * @param secureStore {@code SecureStore}; empty lets the engine pick one for the platform
 * @param jsonStore {@code JsonStore}, defaulting to {@code <cfg>/store.json}
 * @param secretServiceCollection {@code SecretServiceCollection}
 * @param onePassword {@code OnePassword}
 * @param profileFormat {@code ProfileFormat}
 * @param configVariables {@code ConfigVariables}, in file order
 * @param firstTag {@code FirstTag}
 * @param fullTextSearch {@code FullTextSearch}
 * @param accountPrimaryTag {@code AccountPrimaryTag}
 * @param promptColors {@code PromptColors}: every key, defaults filled in
 * @param listFields {@code ListFields}
 * @param envVarTags {@code EnvVarTags}
 */
public record AwsSsoConfig(
        Map<String, SsoConfig> ssoConfig,
        String defaultSso,
        String defaultRegion,
        AuthWorkflow authWorkflow,
        boolean autoLogin,
        boolean autoConfigCheck,
        int cacheRefreshHours,
        int threads,
        int maxRetry,
        int maxBackoffSeconds,
        UrlAction urlAction,
        Optional<String> browser,
        List<String> urlExecCommand,
        int consoleDurationMinutes,
        Optional<String> configProfilesBinaryPath,
        UrlAction configProfilesUrlAction,
        LogLevel logLevel,
        boolean logLines,
        int historyLimit,
        int historyMinutes,
        Optional<String> secureStore,
        Path jsonStore,
        String secretServiceCollection,
        OnePasswordConfig onePassword,
        String profileFormat,
        Map<String, String> configVariables,
        String firstTag,
        boolean fullTextSearch,
        List<String> accountPrimaryTag,
        Map<String, String> promptColors,
        List<String> listFields,
        List<String> envVarTags,
        boolean agent,
        java.time.Duration agentIdleTimeout) {

    /** The {@code ProfileFormat} used when the config sets none (the code's default, not the docs'). */
    public static final String DEFAULT_PROFILE_FORMAT =
            "{{ FirstItem .AccountName (.AccountAlias | nospace) }}:{{ .RoleName }}";
    /** {@code DefaultSSO} when unset. */
    public static final String DEFAULT_SSO = "Default";
    /** The variable that picks an instance when {@code -S/--sso} is not given. */
    public static final String SSO_VARIABLE = "AWS_SSO";

    /** Checks presence and freezes the collections. */
    public AwsSsoConfig {
        if (ssoConfig.isEmpty()) {
            throw new IllegalArgumentException("at least one SSO instance is needed");
        }
        ssoConfig = Collections.unmodifiableMap(new LinkedHashMap<>(ssoConfig));
        Objects.requireNonNull(defaultSso, "defaultSso");
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        Objects.requireNonNull(authWorkflow, "authWorkflow");
        Objects.requireNonNull(urlAction, "urlAction");
        Objects.requireNonNull(browser, "browser");
        urlExecCommand = List.copyOf(urlExecCommand);
        Objects.requireNonNull(configProfilesBinaryPath, "configProfilesBinaryPath");
        Objects.requireNonNull(configProfilesUrlAction, "configProfilesUrlAction");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(secureStore, "secureStore");
        Objects.requireNonNull(jsonStore, "jsonStore");
        Objects.requireNonNull(secretServiceCollection, "secretServiceCollection");
        Objects.requireNonNull(onePassword, "onePassword");
        Objects.requireNonNull(profileFormat, "profileFormat");
        configVariables = Collections.unmodifiableMap(new LinkedHashMap<>(configVariables));
        Objects.requireNonNull(firstTag, "firstTag");
        accountPrimaryTag = List.copyOf(accountPrimaryTag);
        promptColors = Collections.unmodifiableMap(new LinkedHashMap<>(promptColors));
        listFields = List.copyOf(listFields);
        envVarTags = List.copyOf(envVarTags);
        Objects.requireNonNull(agentIdleTimeout, "agentIdleTimeout");
    }

    /**
     * The instance to use: {@code -S/--sso}, else {@code $AWS_SSO}, else {@code DefaultSSO}. When
     * {@code DefaultSSO} names no instance and there is exactly one, that one is used.
     *
     * @param ssoFlag the value of {@code -S/--sso}, if given
     * @throws ConfigurationException naming the valid instances when the choice matches none
     */
    public SsoConfig selectInstance(Optional<String> ssoFlag, Environment env) {
        Optional<String> requested = ssoFlag.filter(s -> !s.isEmpty())
                .or(() -> env.get(SSO_VARIABLE));
        if (requested.isPresent()) {
            SsoConfig chosen = ssoConfig.get(requested.get());
            if (chosen == null) {
                throw new ConfigurationException("there is no SSO instance named '"
                        + requested.get() + "' (from " + (ssoFlag.filter(s -> !s.isEmpty())
                        .isPresent() ? "--sso" : "$" + SSO_VARIABLE) + "); valid names: "
                        + String.join(", ", ssoConfig.keySet()));
            }
            return chosen;
        }
        SsoConfig byDefault = ssoConfig.get(defaultSso);
        if (byDefault != null) {
            return byDefault;
        }
        if (ssoConfig.size() == 1) {
            return ssoConfig.values().iterator().next();
        }
        throw new ConfigurationException("DefaultSSO is '" + defaultSso
                + "', which is not an SSO instance; pick one with --sso or set DefaultSSO to one of: "
                + String.join(", ", ssoConfig.keySet()));
    }

    /**
     * The region for a role's credentials: the role's {@code DefaultRegion}, else the account's,
     * else the instance's, else the top-level one.
     */
    public String effectiveRegion(SsoConfig instance, AccountId accountId, String roleName) {
        Optional<AccountConfig> account = instance.account(accountId);
        return account.flatMap(a -> a.role(roleName)).flatMap(RoleConfig::defaultRegion)
                .or(() -> account.flatMap(AccountConfig::defaultRegion))
                .or(instance::defaultRegion)
                .orElse(defaultRegion);
    }
}
