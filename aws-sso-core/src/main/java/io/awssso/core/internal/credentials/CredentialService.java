package io.awssso.core.internal.credentials;

import io.awssso.api.ConfigurationException;
import io.awssso.api.CredentialProvider;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out role credentials (reference 9.3, 9.4): stored ones while they are valid, else fetched
 * (GetRoleCredentials, or AssumeRole along a {@code Via} chain) and stored.
 *
 * <p>Everything but the store is supplied lazily, so a cache hit opens the store and nothing else:
 * no SDK client, no catalog, no template engine.
 */
public final class CredentialService implements CredentialProvider {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialService.class);

    /** Stored role credentials count as expired this long before their expiration (reference 5.1). */
    public static final Duration MARGIN = ReuseMargin.ROLE_CREDENTIALS;

    private final Supplier<SecureStore> store;
    private final Supplier<IdentityCenterClient> client;
    private final Supplier<SsoToken> validToken;
    private final SsoConfig instance;
    private final BiConsumer<RoleArn, Instant> expiresRecorder;
    private final Clock clock;

    /**
     * @param store the secure store (opened on first use)
     * @param client Identity Center and STS (built only when a fetch is needed)
     * @param validToken a valid SSO access token (renewing it, or logging in with AutoLogin)
     * @param instance the selected instance (its {@code Via}, {@code ExternalId} and
     *     {@code SourceIdentity} settings)
     * @param expiresRecorder records a fetched role's expiry in the role cache
     * @param clock decides expiry
     */
    public CredentialService(Supplier<SecureStore> store, Supplier<IdentityCenterClient> client,
            Supplier<SsoToken> validToken, SsoConfig instance, BiConsumer<RoleArn, Instant> expiresRecorder,
            Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.client = Objects.requireNonNull(client, "client");
        this.validToken = Objects.requireNonNull(validToken, "validToken");
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
     * @throws ConfigurationException when the {@code Via} chain loops
     */
    public RoleCredentials credentials(RoleArn role, boolean force, Duration minValidity) {
        Objects.requireNonNull(role, "role");
        List<RoleArn> chain = chain(role); // a loop fails before any call or lock
        SecureStore secrets = store.get();
        if (!force) {
            Optional<RoleCredentials> hit = valid(secrets.read(), role, minValidity);
            if (hit.isPresent()) {
                return hit.get();
            }
        }
        Map<RoleArn, RoleCredentials> fetched = new LinkedHashMap<>();
        RoleCredentials[] result = new RoleCredentials[1];
        secrets.update(current -> {
            result[0] = resolve(chain, 0, force, minValidity, current, fetched);
            if (fetched.isEmpty()) {
                return current;
            }
            // Getting a token may have written the store (a renewal, a login) after `current` was
            // read; the lock is still ours, so a fresh read loses nothing.
            StoredSecrets latest = secrets.read();
            for (Map.Entry<RoleArn, RoleCredentials> e : fetched.entrySet()) {
                latest = latest.withCredentials(e.getKey(), e.getValue());
            }
            return latest;
        });
        fetched.forEach((arn, c) -> {
            try {
                expiresRecorder.accept(arn, c.expiration());
            } catch (RuntimeException e) {
                // the cache's Expires is informational; the credentials are stored already
                LOG.debug("could not record the expiry of {} in the role cache: {}", arn, e.getMessage());
            }
        });
        return result[0];
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

    private RoleCredentials resolve(List<RoleArn> chain, int index, boolean force, Duration minValidity,
            StoredSecrets current, Map<RoleArn, RoleCredentials> fetched) {
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
            RoleCredentials from = resolve(chain, index + 1, false, minValidity, current, fetched);
            Optional<RoleConfig> settings = roleConfig(role);
            AssumeRoleRequest request = new AssumeRoleRequest(role,
                    source.roleName() + "@" + source.accountId().value(),
                    settings.flatMap(RoleConfig::externalId).orElse(null),
                    settings.flatMap(RoleConfig::sourceIdentity).orElse(null));
            LOG.debug("assuming {} from {}", role, source);
            fresh = client.get().assumeRole(from, request);
        } else {
            SsoToken token = validToken.get();
            LOG.debug("fetching credentials of {} with GetRoleCredentials", role);
            fresh = client.get().getRoleCredentials(token, role.accountId(), role.roleName());
        }
        fetched.put(role, fresh);
        return fresh;
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
