package io.awssso.core.internal.catalog;

import io.awssso.api.Account;
import io.awssso.api.AccountId;
import io.awssso.api.AwsSsoException;
import io.awssso.api.CatalogRole;
import io.awssso.api.LoginRequiredException;
import io.awssso.api.HistoryTag;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCatalog;
import io.awssso.api.RoleNotFoundException;
import io.awssso.api.SsoToken;
import io.awssso.api.spi.IdentityCenterClient;
import io.awssso.core.RefreshListener;
import io.awssso.core.internal.config.AwsSsoConfig;
import io.awssso.core.internal.config.SsoConfig;
import io.awssso.api.spi.ProfileNamerFactory;
import io.awssso.core.internal.naming.GoTemplateProfileNamer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RoleCatalog} of one SSO instance, backed by {@code cache.json}: reading, refreshing
 * (the fan-out of reference 6.3) and recording use. The parts live beside it: {@link CacheExpiry}
 * (6.2), {@link CacheMerge} (6.3, 6.4), {@link RoleHistory} (10.3) and {@link RoleProjection}.
 */
public final class CatalogService implements RoleCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogService.class);
    /** The tag that marks recently used roles. */
    public static final String HISTORY_TAG = HistoryTag.KEY;

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
    private final CacheExpiry expiry;
    private final RoleHistory history;
    private final RoleProjection projection;
    private final CacheMerge merge;

    /**
     * @param config the settings
     * @param instance the selected instance
     * @param configFile the config file (its mtime expires the cache)
     * @param cacheFile {@code <cfg>/cache.json}
     * @param client the Identity Center client for the fan-out (SDK retries off: ours govern)
     * @param validToken a valid access token, or {@link LoginRequiredException}
     * @param renewRejected renews a token the portal rejected, silently (never a browser login)
     * @param clock decides every expiry
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
        this.expiry = new CacheExpiry(config, instance, configFile, clock);
        this.history = new RoleHistory(config, clock);
        this.projection = new RoleProjection(config, instance, configFile);
        this.merge = new CacheMerge(instance, expiry, history, projection);
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
        return expiry.expired(cache.read());
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
        history.clean(s);
        return projection.project(s, namer(), clock.instant());
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
        long configMtime = expiry.configMtime();
        RefreshOutcome[] out = new RefreshOutcome[1];
        cache.update(data -> {
            CacheData.Sso old = data.sso.get(instance.name());
            CacheData.Sso fresh = merge.build(accounts, rolesByAccount, old, now, names);
            Set<String> before = old == null ? Set.of() : CacheRoles.arns(old, false);
            Set<String> after = CacheRoles.arns(fresh, false);
            Set<RoleArn> added = new TreeSet<>();
            Set<RoleArn> removed = new TreeSet<>();
            after.stream().filter(a -> !before.contains(a)).map(RoleArn::parse).forEach(added::add);
            before.stream().filter(a -> !after.contains(a)).map(RoleArn::parse).forEach(removed::add);
            data.version = CacheData.VERSION;
            data.sso.put(instance.name(), fresh);
            data.sso.keySet().retainAll(config.ssoConfig().keySet()); // PruneSSO
            data.configCreatedAt = configMtime;
            fresh.lastUpdate = now.getEpochSecond();
            out[0] = new RefreshOutcome(added, removed, accounts.size(), CacheRoles.arns(fresh, true).size(),
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
            CacheData.Role role = s == null ? null : CacheRoles.find(s, arn);
            if (role == null) {
                throw new RoleNotFoundException("role " + arn + " is not in the role cache of SSO instance '"
                        + instance.name() + "'");
            }
            history.clean(s);
            String key = role.arn.isEmpty() ? arn.toString() : role.arn;
            s.history.remove(key);
            s.history.add(0, key);
            while (s.history.size() > config.historyLimit()) {
                s.history.remove(s.history.size() - 1);
            }
            CacheData.Account account = s.accounts.get(arn.accountId().asLong());
            role.tags.put(HISTORY_TAG, new HistoryTag(account.alias + ":" + arn.roleName(), now).value());
            Set<String> keep = Set.copyOf(s.history);
            CacheRoles.forEachRole(s, (a, r) -> {
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
            CacheData.Role role = s == null ? null : CacheRoles.find(s, arn);
            if (role != null) {
                role.expires = expires == null ? 0 : expires.getEpochSecond();
            }
            return null;
        });
    }

    /**
     * Records when the credentials of many roles expire, in one update of the cache file (a run
     * across hundreds of roles would otherwise rewrite it once per role).
     */
    public void recordCredentialsExpire(Map<RoleArn, Instant> expiries) {
        if (expiries.isEmpty()) {
            return;
        }
        cache.update(data -> {
            CacheData.Sso s = data.sso.get(instance.name());
            expiries.forEach((arn, expires) -> {
                CacheData.Role role = s == null ? null : CacheRoles.find(s, arn);
                if (role != null) {
                    role.expires = expires == null ? 0 : expires.getEpochSecond();
                }
            });
            return null;
        });
    }

    /** Marks every role of this instance as having no valid credentials (logout). */
    public void expireAllCredentials() {
        cache.update(data -> {
            CacheData.Sso s = data.sso.get(instance.name());
            if (s != null) {
                CacheRoles.forEachRole(s, (a, r) -> r.expires = 0);
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
                                instance.toSsoInstance(), clock), instance.toSsoInstance(),
                                e -> RoleProjection.located(configFile, e));
            } catch (GoTemplateProfileNamer.ProfileFormatException e) {
                throw RoleProjection.located(configFile, e);
            }
            namer = n;
        }
        return n;
    }

    // ------------------------------------------------------------------ refresh errors

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
}
