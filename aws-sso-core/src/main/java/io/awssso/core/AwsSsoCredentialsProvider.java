package io.awssso.core;

import io.awssso.api.AwsSsoException;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * An AWS SDK for Java v2 {@link AwsCredentialsProvider} for one role, reading the same config and
 * secure store as the {@code aws-sso} command: credentials one process fetched are reused by the
 * others.
 *
 * <pre>{@code
 * try (AwsSsoCredentialsProvider credentials = AwsSsoCredentialsProvider.builder()
 *         .profile("prod:AdministratorAccess").build();
 *      StsClient sts = StsClient.builder().credentialsProvider(credentials).build()) {
 *     sts.getCallerIdentity();
 * }
 * }</pre>
 *
 * <p>Like the SDK's own cached providers it has a <em>prefetch</em> time (default 5 minutes before
 * expiry), from which new credentials are fetched in the background while callers keep getting
 * the current ones, and a <em>stale</em> time (default 1 minute before expiry), after which a
 * caller waits for new ones. The SSO access token is renewed with its refresh token as needed.
 *
 * <p>{@link #resolveCredentials()} costs two volatile reads while the credentials are fresh: it
 * compares against a coarse clock that a background thread advances every second, instead of
 * reading the clock on every call. {@link #close()} stops the background threads (and closes the
 * engine when the provider built it).
 */
public final class AwsSsoCredentialsProvider implements AwsCredentialsProvider, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AwsSsoCredentialsProvider.class);
    private static final Duration RETRY_AFTER_FAILED_PREFETCH = Duration.ofSeconds(30);
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Credentials and the instants (epoch ms) that decide what a caller does with them. */
    private record Holder(RoleCredentials role, AwsSessionCredentials sdk, long prefetchAt, long staleAt) {
    }

    private final AwsSso engine;
    private final boolean ownsEngine;
    private final String profile;
    private final Duration prefetchTime;
    private final Duration staleTime;
    private final Clock clock;
    private final ScheduledExecutorService background;
    private final AtomicBoolean prefetching = new AtomicBoolean();
    private final Object refreshLock = new Object();
    private volatile RoleArn role;
    private volatile Holder holder;
    private volatile long coarseNow;
    private volatile boolean closed;

    private AwsSsoCredentialsProvider(Builder b) {
        this.engine = b.engine != null ? b.engine : AwsSso.builder().build();
        this.ownsEngine = b.engine == null;
        this.profile = b.profile;
        this.role = b.role;
        this.prefetchTime = b.prefetchTime;
        this.staleTime = b.staleTime;
        this.clock = engine.engineClock();
        this.coarseNow = clock.millis();
        this.background = Executors.newScheduledThreadPool(2, daemonThreads());
        this.background.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** A builder; give a profile or a role. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The role's credentials: the current ones while fresh; after the prefetch time the current
     * ones too while new ones are fetched in the background; after the stale time, new ones
     * (the caller waits).
     *
     * @throws io.awssso.api.LoginRequiredException when new credentials need an SSO login
     * @throws IllegalStateException after {@link #close()}
     */
    @Override
    public AwsCredentials resolveCredentials() {
        Holder h = holder;
        if (h != null && coarseNow < h.prefetchAt) {
            return h.sdk;
        }
        return slowPath();
    }

    private AwsCredentials slowPath() {
        if (closed) {
            throw new IllegalStateException("this AwsSsoCredentialsProvider is closed");
        }
        long now = clock.millis();
        coarseNow = now;
        Holder h = holder;
        if (h != null && now < h.staleAt) {
            if (now >= h.prefetchAt) {
                prefetchInBackground();
            }
            return h.sdk;
        }
        synchronized (refreshLock) {
            h = holder;
            if (h != null && clock.millis() < h.staleAt) {
                return h.sdk;
            }
            h = load(staleTime.plusSeconds(1));
            holder = h;
            return h.sdk;
        }
    }

    /** The role this provider hands out credentials for (a profile is looked up on first use). */
    public RoleArn role() {
        RoleArn r = role;
        if (r == null) {
            r = engine.roles().byProfile(profile);
            role = r;
        }
        return r;
    }

    /** Stops the background refresh, and closes the engine if this provider built it. */
    @Override
    public void close() {
        closed = true;
        background.shutdownNow();
        // A prefetch in flight still writes the store and the role cache: let it finish (bounded),
        // so that nothing touches the user's files once close() has returned.
        try {
            background.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownsEngine) {
            engine.close();
        }
    }

    @Override
    public String toString() {
        return "AwsSsoCredentialsProvider[" + (role != null ? role : "profile " + profile) + "]";
    }

    /** Advances the coarse clock and starts a prefetch when one is due (also called by the ticker). */
    void tick() {
        long now = clock.millis();
        coarseNow = now;
        Holder h = holder;
        if (h != null && now >= h.prefetchAt && !closed) {
            prefetchInBackground();
        }
    }

    private void prefetchInBackground() {
        if (!prefetching.compareAndSet(false, true)) {
            return;
        }
        try {
            background.execute(this::prefetch);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            prefetching.set(false); // closed meanwhile
        }
    }

    private void prefetch() {
        try {
            Holder current = holder;
            if (current == null) {
                return;
            }
            // anything expiring no later than what we hold is not new: fetch unless another process
            // (or the CLI) already stored later credentials
            Duration need = Duration.ofMillis(current.role.expiration().toEpochMilli() - clock.millis())
                    .plusSeconds(1);
            Holder fresh = load(need.isNegative() ? staleTime : need);
            synchronized (refreshLock) {
                holder = fresh;
            }
        } catch (AwsSsoException | IllegalStateException e) {
            LOG.warn("prefetching credentials for {} failed ({}); retrying in {} s", role, e.getMessage(),
                    RETRY_AFTER_FAILED_PREFETCH.toSeconds());
            synchronized (refreshLock) {
                Holder h = holder;
                if (h != null) {
                    long retry = clock.millis() + RETRY_AFTER_FAILED_PREFETCH.toMillis();
                    holder = new Holder(h.role, h.sdk, Math.min(retry, h.staleAt), h.staleAt);
                }
            }
        } finally {
            prefetching.set(false);
        }
    }

    private Holder load(Duration minValidity) {
        RoleCredentials c = engine.credentialsValidFor(role(), minValidity);
        long expires = c.expiration().toEpochMilli();
        long now = clock.millis();
        long staleAt = expires - staleTime.toMillis();
        // short-lived credentials: prefetch halfway through what is left rather than at once
        long prefetchAt = Math.max(expires - prefetchTime.toMillis(), now + (staleAt - now) / 2);
        AwsSessionCredentials sdk = AwsSessionCredentials.builder().accessKeyId(c.accessKeyId())
                .secretAccessKey(c.secretAccessKey()).sessionToken(c.sessionToken())
                .expirationTime(c.expiration()).providerName("AwsSsoCredentialsProvider")
                .accountId(c.accountId().value()).build();
        LOG.debug("credentials for {} expire at {}", c.roleArn(), c.expiration());
        return new Holder(c, sdk, Math.min(prefetchAt, staleAt), staleAt);
    }

    private static ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "aws-sso-credentials-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Builds an {@link AwsSsoCredentialsProvider}. Give exactly one of a profile or a role; the
     * engine defaults to {@code AwsSso.builder().build()} (the user's config and store).
     */
    public static final class Builder {
        private AwsSso engine;
        private String profile;
        private RoleArn role;
        private Duration prefetchTime = Duration.ofMinutes(5);
        private Duration staleTime = Duration.ofMinutes(1);

        private Builder() {
        }

        /**
         * The engine to read config and store through; the provider does not close it. Default: a
         * new engine with the user's config, closed with the provider.
         */
        public Builder awsSso(AwsSso engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /** The role by profile name (as {@code aws-sso list} shows it). */
        public Builder profile(String profile) {
            if (profile == null || profile.isBlank()) {
                throw new IllegalArgumentException("profile must not be blank");
            }
            this.profile = profile;
            return this;
        }

        /** The role by ARN. */
        public Builder role(RoleArn role) {
            this.role = Objects.requireNonNull(role, "role");
            return this;
        }

        /** The role by account id (base 10, padded to 12 digits) and role name. */
        public Builder role(String accountId, String roleName) {
            return role(RoleArn.of(io.awssso.api.AccountId.parse(accountId), roleName));
        }

        /**
         * How long before expiry new credentials are fetched in the background (default 5
         * minutes); must exceed the stale time.
         */
        public Builder prefetchTime(Duration before) {
            this.prefetchTime = Objects.requireNonNull(before, "prefetchTime");
            return this;
        }

        /**
         * How long before expiry callers stop getting the current credentials and wait for new
         * ones (default 1 minute, the margin the store uses); must not be negative.
         */
        public Builder staleTime(Duration before) {
            this.staleTime = Objects.requireNonNull(before, "staleTime");
            return this;
        }

        /**
         * The provider. Reads nothing yet: the first {@code resolveCredentials()} does.
         *
         * @throws IllegalArgumentException when neither or both of profile and role are given, or
         *     the times are inconsistent
         */
        public AwsSsoCredentialsProvider build() {
            if ((profile == null) == (role == null)) {
                throw new IllegalArgumentException("give exactly one of profile(...) or role(...)");
            }
            if (staleTime.isNegative()) {
                throw new IllegalArgumentException("stale time must not be negative");
            }
            if (prefetchTime.compareTo(staleTime) <= 0) {
                throw new IllegalArgumentException("prefetch time must be longer than the stale time");
            }
            return new AwsSsoCredentialsProvider(this);
        }
    }
}
