package io.awssso.core.internal.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awssso.api.Account;
import io.awssso.api.AccountId;
import io.awssso.api.AwsSsoException;
import io.awssso.api.CatalogRole;
import io.awssso.api.ConfigurationException;
import io.awssso.api.LoginRequiredException;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCatalog;
import io.awssso.api.RoleNotFoundException;
import io.awssso.api.SsoToken;
import io.awssso.api.spi.IdentityCenterClient;
import io.awssso.core.RefreshListener;
import io.awssso.core.internal.config.AccountConfig;
import io.awssso.core.internal.config.AwsSsoConfig;
import io.awssso.core.internal.config.ConfigKeyLocator;
import io.awssso.core.internal.config.RoleConfig;
import io.awssso.core.internal.config.SsoConfig;
import io.awssso.api.spi.ProfileNamerFactory;
import io.awssso.core.internal.naming.GoTemplateProfileNamer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RoleCatalog} of one SSO instance, backed by {@code cache.json}: expiry (reference
 * 6.2), the refresh algorithm (6.3), tags (6.4) and History (10.3).
 */
public final class CatalogService implements RoleCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogService.class);
    /** The tag that marks recently used roles. */
    public static final String HISTORY_TAG = "History";

    /**
     * What a refresh did.
     *
     * @param added roles that are new (roles with Via left out)
     * @param removed roles that are gone (roles with Via left out)
     * @param accounts accounts listed
     * @param roles roles now in the catalog
     * @param throttled throttled answers seen (and retried)
     * @param elapsed how long it took
     */
    public record RefreshOutcome(Set<RoleArn> added, Set<RoleArn> removed, int accounts, int roles,
            int throttled, Duration elapsed) {
    }

    private final AwsSsoConfig config;
    private final SsoConfig instance;
    private final Path configFile;
    private final CacheFile cache;
    private final IdentityCenterClient client;
    private final Supplier<SsoToken> validToken;
    private final UnaryOperator<SsoToken> renewRejected;
    private final Clock clock;
    private final ProfileNamerFactory namers;
    private volatile RoleNamer namer;
    /** Makes each refresh's governor: on the system clock, or on a test's simulated one. */
    private volatile Function<CallGovernor.Settings, CallGovernor> governors = CallGovernor::create;
    private volatile boolean refreshed;

    /**
     * @param config the settings
     * @param instance the selected instance
     * @param configFile the config file (its mtime expires the cache)
     * @param cacheFile {@code <cfg>/cache.json}
     * @param client the Identity Center client for the fan-out (SDK retries off: ours govern)
     * @param validToken a valid access token, or {@link LoginRequiredException}
     * @param renewRejected renews a token the portal rejected, silently (never a browser login)
     * @param clock decides every expiry
     * @param namers compiles {@code ProfileFormat} into a {@link io.awssso.api.spi.ProfileNamer}
     *     plugged in through the SPI, or null for the built-in Go template
     */
    public CatalogService(AwsSsoConfig config, SsoConfig instance, Path configFile, Path cacheFile,
            IdentityCenterClient client, Supplier<SsoToken> validToken,
            UnaryOperator<SsoToken> renewRejected, Clock clock, ProfileNamerFactory namers) {
        this.config = config;
        this.instance = instance;
        this.configFile = configFile;
        this.cache = new CacheFile(cacheFile);
        this.client = client;
        this.validToken = validToken;
        this.renewRejected = renewRejected;
        this.clock = clock;
        this.namers = namers;
    }

    /** Tests: refreshes pace and back off on this clock and sleeper instead of the system's. */
    void governOn(LongSupplier nanos, CallGovernor.Sleeper sleeper) {
        governors = settings -> CallGovernor.create(settings, nanos, sleeper);
    }

    /** The selected instance's name. */
    public String ssoName() {
        return instance.name();
    }

    // ------------------------------------------------------------------ RoleCatalog

    @Override
    public List<CatalogRole> roles() {
        refreshIfExpired(RefreshListener.NONE);
        return cachedRoles();
    }

    @Override
    public Changes refresh() {
        RefreshOutcome o = refresh(config.threads(), RefreshListener.NONE);
        return new Changes(o.added(), o.removed());
    }

    @Override
    public CatalogRole role(RoleArn arn) {
        for (CatalogRole r : roles()) {
            if (r.arn().accountId().equals(arn.accountId()) && r.arn().roleName().equals(arn.roleName())) {
                return r;
            }
        }
        throw new RoleNotFoundException("role " + arn + " is not in the role cache of SSO instance '"
                + instance.name() + "'; run `aws-sso cache` if it was assigned recently");
    }

    @Override
    public CatalogRole roleByProfile(String profile) {
        for (CatalogRole r : roles()) {
            if (r.profile().equals(profile)) {
                return r;
            }
        }
        throw new RoleNotFoundException("no role of SSO instance '" + instance.name()
                + "' has the profile name '" + profile + "'");
    }

    // ------------------------------------------------------------------ engine API

    /** True when the cache of this instance must be refreshed (reference 6.2). */
    public boolean expired() {
        return expired(cache.read());
    }

    /** Refreshes when the cache has expired and no refresh ran yet in this engine. */
    public Optional<RefreshOutcome> refreshIfExpired(RefreshListener listener) {
        if (!refreshed && expired()) {
            return Optional.of(refresh(config.threads(), listener));
        }
        return Optional.empty();
    }

    /** The cached roles, without refreshing (the {@code list} command only warns when expired). */
    public List<CatalogRole> cachedRoles() {
        CacheData data = cache.read();
        CacheData.Sso s = data.sso.get(instance.name());
        if (s == null) {
            return List.of();
        }
        cleanHistory(s);
        return project(s);
    }

    /**
     * Lists every account and role now and replaces this instance's cache (reference 6.3).
     * When any account fails, the previous cache stays as it was and the error names the
     * accounts.
     *
     * @param threads workers for ListAccountRoles
     * @param listener hears the progress
     * @throws LoginRequiredException when there is no usable token
     */
    public RefreshOutcome refresh(int threads, RefreshListener listener) {
        long started = System.nanoTime();
        RoleNamer names = namer(); // a bad ProfileFormat fails before any call
        RoleFetcher fetcher = new RoleFetcher(client, threads,
                governors.apply(CallGovernor.Settings.of(config.maxRetry(), config.maxBackoffSeconds())));
        TokenHolder token = new TokenHolder(validToken.get(), renewRejected);
        Map<AccountId, List<String>> rolesByAccount;
        List<Account> accounts = new ArrayList<>();
        try {
            rolesByAccount = fetcher.listAll(token, listener, accounts);
            if (accounts.isEmpty()) {
                throw new AwsSsoException("IAM Identity Center lists no accounts for SSO instance '"
                        + instance.name() + "'; check that the user has account assignments");
            }
        } catch (RoleFetcher.PartialFailure f) {
            throw describe(f, accounts(f));
        } finally {
            listener.finished();
        }
        Instant now = clock.instant();
        long configMtime = configMtime();
        RefreshOutcome[] out = new RefreshOutcome[1];
        cache.update(data -> {
            CacheData.Sso old = data.sso.get(instance.name());
            CacheData.Sso fresh = build(accounts, rolesByAccount, old, now, names);
            Set<String> before = old == null ? Set.of() : arns(old, false);
            Set<String> after = arns(fresh, false);
            Set<RoleArn> added = new TreeSet<>();
            Set<RoleArn> removed = new TreeSet<>();
            after.stream().filter(a -> !before.contains(a)).map(RoleArn::parse).forEach(added::add);
            before.stream().filter(a -> !after.contains(a)).map(RoleArn::parse).forEach(removed::add);
            data.version = CacheData.VERSION;
            data.sso.put(instance.name(), fresh);
            data.sso.keySet().retainAll(config.ssoConfig().keySet()); // PruneSSO
            data.configCreatedAt = configMtime;
            fresh.lastUpdate = now.getEpochSecond();
            out[0] = new RefreshOutcome(added, removed, accounts.size(), arns(fresh, true).size(),
                    fetcher.throttles(), Duration.ofNanos(System.nanoTime() - started));
            return null;
        });
        refreshed = true;
        LOG.info("refreshed the role cache of {}: {} accounts, {} roles, +{} -{}", instance.name(),
                out[0].accounts(), out[0].roles(), out[0].added().size(), out[0].removed().size());
        return out[0];
    }

    /**
     * The accounts and their roles as IAM Identity Center lists them right now, in its order,
     * without touching the cache ({@code list-sso-roles}, a debugging aid).
     *
     * @param threads workers for ListAccountRoles
     * @throws LoginRequiredException when there is no usable token
     */
    public Map<Account, List<String>> fetchAssignments(int threads) {
        RoleFetcher fetcher = new RoleFetcher(client, threads,
                governors.apply(CallGovernor.Settings.of(config.maxRetry(), config.maxBackoffSeconds())));
        List<Account> accounts = new ArrayList<>();
        Map<AccountId, List<String>> roles;
        try {
            roles = fetcher.listAll(new TokenHolder(validToken.get(), renewRejected), RefreshListener.NONE, accounts);
        } catch (RoleFetcher.PartialFailure f) {
            throw describe(f, accounts(f));
        }
        Map<Account, List<String>> out = new LinkedHashMap<>();
        accounts.forEach(a -> out.put(a, roles.getOrDefault(a.id(), List.of())));
        return out;
    }

    /**
     * Records that a role was used (reference 10.3): first in History, trimmed to HistoryLimit,
     * its History tag set, the tag removed from roles that dropped out; saved.
     *
     * @throws RoleNotFoundException when the role is not cached
     */
    public void recordUse(RoleArn arn) {
        if (config.historyLimit() <= 0) {
            return;
        }
        Instant now = clock.instant();
        cache.update(data -> {
            CacheData.Sso s = data.sso.get(instance.name());
            CacheData.Role role = s == null ? null : find(s, arn);
            if (role == null) {
                throw new RoleNotFoundException("role " + arn + " is not in the role cache of SSO instance '"
                        + instance.name() + "'");
            }
            cleanHistory(s);
            String key = role.arn.isEmpty() ? arn.toString() : role.arn;
            s.history.remove(key);
            s.history.add(0, key);
            while (s.history.size() > config.historyLimit()) {
                s.history.remove(s.history.size() - 1);
            }
            CacheData.Account account = s.accounts.get(arn.accountId().asLong());
            role.tags.put(HISTORY_TAG, account.alias + ":" + arn.roleName() + "," + now.getEpochSecond());
            Set<String> keep = Set.copyOf(s.history);
            forEachRole(s, (a, r) -> {
                if (!keep.contains(r.arn)) {
                    r.tags.remove(HISTORY_TAG);
                }
            });
            return null;
        });
    }

    /** Records when the stored credentials of a role expire ({@code null}: none). */
    public void recordCredentialsExpire(RoleArn arn, Instant expires) {
        cache.update(data -> {
            CacheData.Sso s = data.sso.get(instance.name());
            CacheData.Role role = s == null ? null : find(s, arn);
            if (role != null) {
                role.expires = expires == null ? 0 : expires.getEpochSecond();
            }
            return null;
        });
    }

    /** Marks every role of this instance as having no valid credentials (logout). */
    public void expireAllCredentials() {
        cache.update(data -> {
            CacheData.Sso s = data.sso.get(instance.name());
            if (s != null) {
                forEachRole(s, (a, r) -> r.expires = 0);
            }
            return null;
        });
    }

    /** The compiled ProfileFormat: by the plugged-in namer factory if there is one, else as a Go template. */
    private RoleNamer namer() {
        RoleNamer n = namer;
        if (n == null) {
            try {
                n = namers != null ? RoleNamer.plugged(namers.create(config.profileFormat()))
                        : RoleNamer.goTemplate(GoTemplateProfileNamer.compile(config.profileFormat(),
                                instance.toSsoInstance(), clock), instance.toSsoInstance(), this::located);
            } catch (GoTemplateProfileNamer.ProfileFormatException e) {
                throw located(e);
            }
            namer = n;
        }
        return n;
    }

    /** A ProfileFormat that fails is a config error at the key, with file and line. */
    private ConfigurationException located(GoTemplateProfileNamer.ProfileFormatException e) {
        return new ConfigurationException(List.of(
                ConfigKeyLocator.problem(configFile, "ProfileFormat", e.detail())));
    }

    // ------------------------------------------------------------------ expiry

    boolean expired(CacheData data) {
        if (data.version < CacheData.VERSION) {
            return true;
        }
        CacheData.Sso s = data.sso.get(instance.name());
        if (s == null) {
            return true;
        }
        if (config.cacheRefreshHours() <= 0) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (s.lastUpdate + config.cacheRefreshHours() * 3600L < now) {
            return true;
        }
        if (configMtime() > data.configCreatedAt) {
            return true;
        }
        return !s.configHash.equals(configHash());
    }

    private long configMtime() {
        try {
            return Files.getLastModifiedTime(configFile).toInstant().getEpochSecond();
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** SHA-256 of ProfileFormat + the JSON of this instance's Accounts (sorted keys). */
    String configHash() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode accounts = json.createObjectNode();
        for (AccountConfig a : instance.accounts().values()) {
            ObjectNode an = accounts.putObject(a.id().value());
            an.put("Name", a.name().orElse(""));
            an.put("DefaultRegion", a.defaultRegion().orElse(""));
            new TreeMap<>(a.tags()).forEach(an.putObject("Tags")::put);
            ObjectNode roles = an.putObject("Roles");
            new TreeMap<>(a.roles()).forEach((name, r) -> {
                ObjectNode rn = roles.putObject(name);
                rn.put("Profile", r.profile().orElse(""));
                rn.put("DefaultRegion", r.defaultRegion().orElse(""));
                new TreeMap<>(r.tags()).forEach(rn.putObject("Tags")::put);
                rn.put("Via", r.via().map(RoleArn::toString).orElse(""));
                rn.put("ExternalId", r.externalId().orElse(""));
                rn.put("SourceIdentity", r.sourceIdentity().orElse(""));
            });
        }
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(config.profileFormat().getBytes(StandardCharsets.UTF_8));
            d.update(accounts.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    // ------------------------------------------------------------------ refresh

    private CacheData.Sso build(List<Account> accounts, Map<AccountId, List<String>> rolesByAccount,
            CacheData.Sso old, Instant now, RoleNamer names) {
        String partition = partition(instance.ssoRegion());
        CacheData.Sso s = new CacheData.Sso();
        s.configHash = configHash();
        s.ssoRegion = instance.ssoRegion();
        s.startUrl = instance.startUrl();
        s.defaultRegion = instance.defaultRegion().orElse("");
        for (Account account : accounts) {
            Optional<AccountConfig> ac = instance.account(account.id());
            CacheData.Account a = new CacheData.Account();
            a.alias = account.name();
            a.name = ac.flatMap(AccountConfig::name).orElse("");
            a.emailAddress = account.emailAddress();
            a.defaultRegion = ac.flatMap(AccountConfig::defaultRegion).orElse("");
            ac.ifPresent(c -> a.tags.putAll(c.tags()));
            for (String roleName : rolesByAccount.getOrDefault(account.id(), List.of())) {
                Optional<RoleConfig> rc = ac.flatMap(c -> c.role(roleName));
                CacheData.Role r = new CacheData.Role();
                r.arn = new RoleArn(partition, account.id(), roleName).toString();
                r.defaultRegion = rc.flatMap(RoleConfig::defaultRegion).orElse("");
                r.profile = rc.flatMap(RoleConfig::profile).orElse("");
                r.via = rc.flatMap(RoleConfig::via).map(RoleArn::toString).orElse("");
                r.tags.putAll(defaultTags(account.id(), a, roleName, r));
                ac.ifPresent(c -> r.tags.putAll(c.tags()));
                rc.ifPresent(c -> r.tags.putAll(c.tags()));
                a.roles.put(roleName, r);
            }
            s.accounts.put(account.id().asLong(), a);
        }
        checkUniqueProfiles(s, names, now);
        restoreManualRoles(s, partition);
        if (old != null) {
            forEachRole(old, (oa, or) -> {
                CacheData.Role r = findByArn(s, or.arn);
                if (r == null) {
                    return;
                }
                if (or.expires > now.getEpochSecond()) {
                    r.expires = or.expires;
                }
                String h = or.tags.get(HISTORY_TAG);
                if (h != null) {
                    r.tags.put(HISTORY_TAG, h);
                }
            });
            for (String arn : old.history) {
                if (findByArn(s, arn) != null) {
                    s.history.add(arn);
                }
            }
        }
        cleanHistory(s);
        return s;
    }

    private static Map<String, String> defaultTags(AccountId id, CacheData.Account a, String roleName,
            CacheData.Role r) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("AccountID", id.value());
        t.put("AccountAlias", a.alias);
        t.put("Email", a.emailAddress);
        t.put("Role", roleName);
        if (!a.name.isEmpty()) {
            t.put("AccountName", a.name);
        }
        String region = !r.defaultRegion.isEmpty() ? r.defaultRegion : a.defaultRegion;
        if (!region.isEmpty()) {
            t.put("DefaultRegion", region);
        }
        if (!r.profile.isEmpty()) {
            t.put("Profile", r.profile);
        }
        if (!r.via.isEmpty()) {
            t.put("Via", r.via);
        }
        return t;
    }

    /** Config-only roles reached through {@code Via} (aws-sso-cli's RestoreManualRoles). */
    private void restoreManualRoles(CacheData.Sso s, String partition) {
        for (AccountConfig ac : instance.accounts().values()) {
            for (RoleConfig rc : ac.roles().values()) {
                if (rc.via().isEmpty()) {
                    continue;
                }
                CacheData.Account a = s.accounts.computeIfAbsent(ac.id().asLong(), k -> {
                    CacheData.Account n = new CacheData.Account();
                    n.name = ac.name().orElse("");
                    n.defaultRegion = ac.defaultRegion().orElse("");
                    n.tags.putAll(ac.tags());
                    return n;
                });
                if (a.roles.containsKey(rc.name())) {
                    continue;
                }
                CacheData.Role r = new CacheData.Role();
                r.arn = new RoleArn(partition, ac.id(), rc.name()).toString();
                r.defaultRegion = rc.defaultRegion().orElse("");
                r.profile = rc.profile().orElse("");
                r.via = rc.via().get().toString();
                r.tags.putAll(defaultTags(ac.id(), a, rc.name(), r));
                r.tags.putAll(ac.tags());
                r.tags.putAll(rc.tags());
                a.roles.put(rc.name(), r);
            }
        }
    }

    private void checkUniqueProfiles(CacheData.Sso s, RoleNamer names, Instant now) {
        Map<String, String> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (CatalogRole r : project(s, names, now)) {
            String previous = seen.putIfAbsent(r.profile(), r.arn().toString());
            if (previous != null) {
                problems.add("duplicate profile name '" + r.profile() + "' for: " + previous + " and " + r.arn());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(String.join("; ", problems)
                    + "; give one of them an explicit Profile or change ProfileFormat");
        }
    }

    private AwsSsoException describe(RoleFetcher.PartialFailure f, String which) {
        RuntimeException first = f.failures.values().iterator().next();
        String message = "refreshing the role cache of SSO instance '" + instance.name()
                + "' failed for " + f.failures.size() + " account" + (f.failures.size() == 1 ? "" : "s")
                + " (" + which + "): " + first.getMessage() + "; the previous cache was kept";
        if (f.failures.values().stream().allMatch(e -> e instanceof LoginRequiredException)) {
            return new LoginRequiredException(message, first);
        }
        return new AwsSsoException(message, first);
    }

    private static String accounts(RoleFetcher.PartialFailure f) {
        List<String> ids = f.failures.keySet().stream().map(AccountId::value).collect(Collectors.toList());
        return ids.size() <= 10 ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 10)) + " and " + (ids.size() - 10) + " more";
    }

    // ------------------------------------------------------------------ history

    /** Drops History entries that are too old, malformed, or beyond HistoryLimit. */
    void cleanHistory(CacheData.Sso s) {
        long now = clock.instant().getEpochSecond();
        List<String> kept = new ArrayList<>();
        for (String arn : s.history) {
            CacheData.Role r = findByArn(s, arn);
            if (r == null) {
                continue;
            }
            long used = historyEpoch(r.tags.get(HISTORY_TAG));
            boolean tooOld = config.historyMinutes() > 0 && used + config.historyMinutes() * 60L < now;
            if (used < 0 || tooOld || kept.size() >= Math.max(0, config.historyLimit()) || kept.contains(arn)) {
                r.tags.remove(HISTORY_TAG);
                continue;
            }
            kept.add(arn);
        }
        s.history.clear();
        s.history.addAll(kept);
        Set<String> keep = Set.copyOf(kept);
        forEachRole(s, (a, r) -> {
            if (!keep.contains(r.arn)) {
                r.tags.remove(HISTORY_TAG);
            }
        });
    }

    private static long historyEpoch(String tag) {
        if (tag == null) {
            return -1;
        }
        int comma = tag.lastIndexOf(',');
        if (comma < 0) {
            return -1;
        }
        try {
            return Long.parseLong(tag.substring(comma + 1).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ------------------------------------------------------------------ projection

    private List<CatalogRole> project(CacheData.Sso s) {
        return project(s, namer(), clock.instant());
    }

    private List<CatalogRole> project(CacheData.Sso s, RoleNamer names, Instant now) {
        List<CatalogRole> out = new ArrayList<>();
        int[] id = {0};
        s.accounts.forEach((accountNumber, a) -> a.roles.forEach((roleName, r) -> {
            RoleArn arn;
            try {
                arn = r.arn.isEmpty() ? RoleArn.of(AccountId.of(accountNumber), roleName) : RoleArn.parse(r.arn);
            } catch (IllegalArgumentException e) {
                LOG.debug("skipping a cached role with a bad ARN: {}", e.getMessage());
                return;
            }
            String region = firstNonEmpty(r.defaultRegion, a.defaultRegion, s.defaultRegion,
                    config.defaultRegion());
            RoleArn via = r.via.isEmpty() ? null : parseOrNull(r.via);
            Instant expires = r.expires > 0 ? Instant.ofEpochSecond(r.expires) : null;
            CatalogRole role = new CatalogRole(arn, instance.name(), a.alias, a.name, a.emailAddress, r.profile,
                    region, via, r.tags, expires);
            if (r.profile.isEmpty()) {
                role = new CatalogRole(arn, instance.name(), a.alias, a.name, a.emailAddress,
                        names.name(id[0], role, r.tags, now), region, via, r.tags, expires);
            }
            id[0]++;
            out.add(role);
        }));
        return out;
    }

    private static RoleArn parseOrNull(String arn) {
        try {
            return RoleArn.parse(arn);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    private static Set<String> arns(CacheData.Sso s, boolean withVia) {
        Set<String> out = new TreeSet<>();
        forEachRole(s, (a, r) -> {
            if (withVia || r.via.isEmpty()) {
                out.add(r.arn);
            }
        });
        return out;
    }

    private static CacheData.Role find(CacheData.Sso s, RoleArn arn) {
        CacheData.Account a = s.accounts.get(arn.accountId().asLong());
        return a == null ? null : a.roles.get(arn.roleName());
    }

    private static CacheData.Role findByArn(CacheData.Sso s, String arn) {
        try {
            return find(s, RoleArn.parse(arn));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void forEachRole(CacheData.Sso s,
            java.util.function.BiConsumer<CacheData.Account, CacheData.Role> f) {
        for (CacheData.Account a : s.accounts.values()) {
            for (CacheData.Role r : a.roles.values()) {
                f.accept(a, r);
            }
        }
    }

    static String partition(String region) {
        return io.awssso.api.Partition.ofRegion(region).id();
    }
}
