package io.awssso.core.internal.credentials;

import io.awssso.api.ConfigurationException;
import io.awssso.api.CredentialProvider;
import io.awssso.api.LoginRequiredException;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.api.SsoToken;
import io.awssso.api.spi.AssumeRoleRequest;
import io.awssso.api.spi.IdentityCenterClient;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.StoredSecrets;
import io.awssso.core.internal.config.RoleConfig;
import io.awssso.core.internal.config.SsoConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out role credentials (reference 9.3, 9.4): stored ones while they are valid, else fetched
 * (GetRoleCredentials, or AssumeRole along a {@code Via} chain) and stored.
 *
 * <p>Everything but the store is supplied lazily, so a cache hit opens the store and nothing else:
 * no SDK client, no catalog, no template engine.
 *
 * <p>The SSO token is got before the store's lock is taken, never while holding it: getting it
 * may wait for, or run, a login that lasts minutes under the login lock, and the login lock comes
 * before the store lock (a process holding the store lock while waiting for the login lock would
 * block the login's own write of the token).
 */
public final class CredentialService implements CredentialProvider {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialService.class);

    /** Stored role credentials count as expired this long before their expiration (reference 5.1). */
    public static final Duration MARGIN = ReuseMargin.ROLE_CREDENTIALS;

    private final Supplier<SecureStore> store;
    private final Supplier<IdentityCenterClient> client;
    private final Supplier<SsoToken> validToken;
    private final UnaryOperator<SsoToken> renewRejected;
    private final SsoConfig instance;
    private final BiConsumer<RoleArn, Instant> expiresRecorder;
    private final Clock clock;

    /**
     * @param store the secure store (opened on first use)
     * @param client Identity Center and STS (built only when a fetch is needed)
     * @param validToken a valid SSO access token (renewing it, or logging in with AutoLogin)
     * @param renewRejected a token to use instead of one GetRoleCredentials refused (it may have been
     *     revoked), or {@link LoginRequiredException}
     * @param instance the selected instance (its {@code Via}, {@code ExternalId} and
     *     {@code SourceIdentity} settings)
     * @param expiresRecorder records a fetched role's expiry in the role cache
     * @param clock decides expiry
     */
    public CredentialService(Supplier<SecureStore> store, Supplier<IdentityCenterClient> client,
            Supplier<SsoToken> validToken, UnaryOperator<SsoToken> renewRejected, SsoConfig instance,
            BiConsumer<RoleArn, Instant> expiresRecorder, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.client = Objects.requireNonNull(client, "client");
        this.validToken = Objects.requireNonNull(validToken, "validToken");
        this.renewRejected = Objects.requireNonNull(renewRejected, "renewRejected");
        this.instance = Objects.requireNonNull(instance, "instance");
        this.expiresRecorder = Objects.requireNonNull(expiresRecorder, "expiresRecorder");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The stored credentials of a role when they are valid for more than {@link #MARGIN}. */
    public Optional<RoleCredentials> cached(RoleArn role) {
        return valid(store.get().read(), role, MARGIN);
    }

    @Override
    public RoleCredentials credentials(RoleArn role) {
        return credentials(role, false, MARGIN);
    }

    @Override
    public RoleCredentials refreshedCredentials(RoleArn role) {
        return credentials(role, true, MARGIN);
    }

    /**
     * Credentials for a role valid for more than {@code minValidity}: stored ones unless
     * {@code force}, else fetched under the store's lock (after a second look at the store, which
     * another process may have filled meanwhile) and stored.
     *
     * <p>When the chain's SSO role must be fetched, the token is got first, outside the store's
     * lock. Should the store change meanwhile so that a token is needed after all, or should
     * GetRoleCredentials refuse the token (revoked before its expiry), the update is left without
     * a write, the token got or renewed outside the lock, and the update tried again.
     *
     * @throws ConfigurationException when the {@code Via} chain loops
     * @throws LoginRequiredException when no usable token can be had
     */
    public RoleCredentials credentials(RoleArn role, boolean force, Duration minValidity) {
        Objects.requireNonNull(role, "role");
        List<RoleArn> chain = chain(role); // a loop fails before any call or lock
        SecureStore secrets = store.get();
        StoredSecrets first = secrets.read();
        if (!force) {
            Optional<RoleCredentials> hit = valid(first, role, minValidity);
            if (hit.isPresent()) {
                return hit.get();
            }
        }
        SsoToken token = needsToken(chain, force, minValidity, first) ? validToken.get() : null;
        boolean renewed = false;
        while (true) {
            Attempt attempt = new Attempt(token);
            secrets.update(current -> {
                try {
                    attempt.result = resolve(chain, 0, force, minValidity, current, attempt);
                } catch (Abort e) {
                    return current; // nothing written; the token is dealt with outside the lock
                }
                StoredSecrets next = current;
                for (Map.Entry<RoleArn, RoleCredentials> e : attempt.fetched.entrySet()) {
                    next = next.withCredentials(e.getKey(), e.getValue());
                }
                return next;
            });
            if (attempt.result != null) {
                recordExpiry(attempt.fetched);
                return attempt.result;
            }
            if (attempt.rejected == null) {
                if (attempt.token != null) {
                    throw new IllegalStateException(secrets + " did not run the update's change");
                }
                token = validToken.get(); // the second look found the SSO role's credentials gone
            } else if (!renewed) {
                LOG.debug("GetRoleCredentials refused the SSO token; renewing it");
                token = renewRejected.apply(attempt.token);
                renewed = true;
            } else {
                throw attempt.rejected;
            }
        }
    }

    private void recordExpiry(Map<RoleArn, RoleCredentials> fetched) {
        fetched.forEach((arn, c) -> {
            try {
                expiresRecorder.accept(arn, c.expiration());
            } catch (RuntimeException e) {
                // the cache's Expires is informational; the credentials are stored already
                LOG.debug("could not record the expiry of {} in the role cache: {}", arn, e.getMessage());
            }
        });
    }

    /**
     * The role followed by its {@code Via} sources, nearest first.
     *
     * @throws ConfigurationException naming the chain when it loops
     */
    public List<RoleArn> chain(RoleArn role) {
        List<RoleArn> chain = new ArrayList<>();
        RoleArn next = role;
        while (next != null) {
            for (RoleArn seen : chain) {
                if (same(seen, next)) {
                    StringBuilder b = new StringBuilder();
                    for (RoleArn r : chain) {
                        b.append(r).append(" -> ");
                    }
                    throw new ConfigurationException("the Via settings of SSO instance '" + instance.name()
                            + "' form a loop: " + b + next + "; fix Via so that the chain ends at an SSO role");
                }
            }
            chain.add(next);
            next = roleConfig(next).flatMap(RoleConfig::via).orElse(null);
        }
        return chain;
    }

    /** Whether {@link #resolve} would reach the chain's SSO role, i.e. needs a token. */
    private boolean needsToken(List<RoleArn> chain, boolean force, Duration minValidity, StoredSecrets secrets) {
        for (int i = 0; i < chain.size(); i++) {
            if (!(force && i == 0) && valid(secrets, chain.get(i), minValidity).isPresent()) {
                return false;
            }
        }
        return true;
    }

    private RoleCredentials resolve(List<RoleArn> chain, int index, boolean force, Duration minValidity,
            StoredSecrets current, Attempt attempt) {
        RoleArn role = chain.get(index);
        if (!force) {
            Optional<RoleCredentials> stored = valid(current, role, minValidity);
            if (stored.isPresent()) {
                LOG.debug("reusing the stored credentials of {}", role);
                return stored.get();
            }
        }
        RoleCredentials fresh;
        if (index + 1 < chain.size()) {
            RoleArn source = chain.get(index + 1);
            RoleCredentials from = resolve(chain, index + 1, false, minValidity, current, attempt);
            Optional<RoleConfig> settings = roleConfig(role);
            AssumeRoleRequest request = new AssumeRoleRequest(role,
                    source.roleName() + "@" + source.accountId().value(),
                    settings.flatMap(RoleConfig::externalId).orElse(null),
                    settings.flatMap(RoleConfig::sourceIdentity).orElse(null));
            LOG.debug("assuming {} from {}", role, source);
            fresh = client.get().assumeRole(from, request);
        } else {
            if (attempt.token == null) {
                throw new Abort();
            }
            LOG.debug("fetching credentials of {} with GetRoleCredentials", role);
            try {
                fresh = client.get().getRoleCredentials(attempt.token, role.accountId(), role.roleName());
            } catch (LoginRequiredException e) {
                attempt.rejected = e;
                throw new Abort();
            }
        }
        attempt.fetched.put(role, fresh);
        return fresh;
    }

    /** One try at the store update: its token in, what it fetched and found out. */
    private static final class Attempt {
        final SsoToken token;
        final Map<RoleArn, RoleCredentials> fetched = new LinkedHashMap<>();
        RoleCredentials result;
        LoginRequiredException rejected;

        Attempt(SsoToken token) {
            this.token = token;
        }
    }

    /** Leaves a store update without writing: its token is missing or was refused. */
    private static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abort() {
            super("the store update needs another SSO token", null, false, false);
        }
    }

    private Optional<RoleCredentials> valid(StoredSecrets secrets, RoleArn role, Duration minValidity) {
        return secrets.credentials(role).filter(c -> !c.expiresWithin(minValidity, clock));
    }

    private Optional<RoleConfig> roleConfig(RoleArn role) {
        return instance.account(role.accountId()).flatMap(a -> a.role(role.roleName()));
    }

    private static boolean same(RoleArn a, RoleArn b) {
        return a.accountId().equals(b.accountId()) && a.roleName().equals(b.roleName());
    }
}
