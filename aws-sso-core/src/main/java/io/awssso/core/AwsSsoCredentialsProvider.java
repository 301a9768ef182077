package io.awssso.core;

import io.awssso.api.AwsSsoException;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.core.internal.credentials.RefreshScheduler;
import io.awssso.core.internal.env.EnvironmentRole;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * An AWS SDK for Java v2 {@link AwsCredentialsProvider} for one role, reading the same config and
 * secure store as the {@code aws-sso} command: credentials one process fetched are reused by the
 * others. Made like the SDK's own providers:
 *
 * <pre>{@code
 * // the role the environment names (AWS_SSO_ROLE_ARN, AWS_SSO_ACCOUNT_ID + AWS_SSO_ROLE_NAME, or AWS_PROFILE)
 * try (AwsSsoCredentialsProvider credentials = AwsSsoCredentialsProvider.create();
 *      StsClient sts = StsClient.builder().credentialsProvider(credentials).build()) {
 *     sts.getCallerIdentity();
 * }
 * AwsSsoCredentialsProvider.create("prod:AdministratorAccess");      // a profile name
 * AwsSsoCredentialsProvider.builder().role("012345678901", "ReadOnly")
 *         .asyncCredentialUpdateEnabled(true).build();              // refreshed in the background
 * }</pre>
 *
 * <p>Like the SDK's own cached providers it has a <em>prefetch</em> time (default 5 minutes before
 * expiry, or halfway through the validity of short-lived credentials), from which new credentials
 * are fetched while callers keep getting the current ones, and a <em>stale</em> time (default 1
 * minute before expiry), after which a caller waits for new ones. The SSO access token is renewed
 * with its refresh token as needed.
 *
 * <p>By default the provider starts no thread: in the prefetch window one caller fetches while the
 * others get the current credentials. With {@linkplain Builder#asyncCredentialUpdateEnabled
 * background updates} the fetch runs on a scheduler that all such providers of the JVM share (two
 * daemon threads, however many providers), and the hot path compares against a clock that
 * scheduler advances each second, without reading the system clock.
 *
 * <p>{@link #close()} returns at once: a fetch in flight finishes on its own thread, and an engine
 * the provider built is closed when it has.
 */
public final class AwsSsoCredentialsProvider implements AwsCredentialsProvider, SdkAutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AwsSsoCredentialsProvider.class);
    private static final Duration RETRY_AFTER_FAILED_PREFETCH = Duration.ofSeconds(30);

    /** Credentials and the instants (epoch ms) that decide what a caller does with them. */
    private record Holder(RoleCredentials role, AwsSessionCredentials sdk, long prefetchAt, long staleAt) {
    }

    private final Builder settings;
    private final AwsSso engine;
    private final boolean ownsEngine;
    private final String profile;
    private final Duration prefetchTime;
    private final Duration staleTime;
    private final boolean async;
    private final Clock clock;
    private final ScheduledFuture<?> ticker;
    private final AtomicBoolean prefetching = new AtomicBoolean();
    private final Object refreshLock = new Object();
    /** Engine calls in flight: an owned engine is closed when the last one after close() ends. */
    private final AtomicInteger engineCalls = new AtomicInteger();
    private final AtomicBoolean engineClosed = new AtomicBoolean();
    private volatile RoleArn role;
    private volatile Holder holder;
    /** The clock as the shared scheduler last saw it (background mode only). */
    private volatile long coarseNow;
    private volatile boolean closed;

    private AwsSsoCredentialsProvider(Builder b, AwsSso engine, boolean ownsEngine, RoleArn role, String profile) {
        this.settings = b.copy();
        this.engine = engine;
        this.ownsEngine = ownsEngine;
        this.role = role;
        this.profile = profile;
        this.prefetchTime = b.prefetchTime;
        this.staleTime = b.staleTime;
        this.async = b.async;
        this.clock = engine.engineClock();
        this.coarseNow = clock.millis();
        this.ticker = async ? RefreshScheduler.everySecond(this, AwsSsoCredentialsProvider::tick) : null;
    }

    /**
     * A provider for the role the environment names, as {@code aws-sso console} picks one:
     * {@code AWS_SSO_ROLE_ARN}, else {@code AWS_SSO_ACCOUNT_ID} with {@code AWS_SSO_ROLE_NAME},
     * else {@code AWS_PROFILE} as a profile name; with the user's config and secure store.
     *
     * @throws AwsSsoException when none of these variables is set, or they are malformed
     */
    public static AwsSsoCredentialsProvider create() {
        return builder().build();
    }

    /**
     * A provider for the role with this profile name (as {@code aws-sso list} shows it), with the
     * user's config and secure store. The name is looked up on first use.
     *
     * @throws IllegalArgumentException when the name is blank
     */
    public static AwsSsoCredentialsProvider create(String profile) {
        return builder().profile(profile).build();
    }

    /** A builder; without a profile or role, the environment names the role (see {@link #create()}). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder with this provider's settings (its engine only when it was given one: a provider
     * that built its own engine gives each new provider its own too).
     */
    public Builder toBuilder() {
        return settings.copy();
    }

    /**
     * The role's credentials: the current ones while fresh; in the prefetch window the current
     * ones too while new ones are fetched (by this caller when it is the first to see the window
     * and background updates are off); after the stale time, new ones (the caller waits).
     *
     * @throws io.awssso.api.LoginRequiredException when new credentials need an SSO login
     * @throws io.awssso.api.RoleNotFoundException when a profile name names no role
     * @throws IllegalStateException after {@link #close()}
     */
    @Override
    public AwsCredentials resolveCredentials() {
        Holder h = holder;
        if (h != null && now() < h.prefetchAt) {
            return h.sdk;
        }
        return slowPath();
    }

    /** Background mode compares against the scheduler's clock: the hot path reads no system clock. */
    private long now() {
        return async ? coarseNow : clock.millis();
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
                startPrefetch();
            }
            return holder.sdk;
        }
        synchronized (refreshLock) {
            h = holder;
            if (h != null && clock.millis() < h.staleAt) {
                return h.sdk;
            }
            h = load(staleTime.plusSeconds(1));
            if (!closed) {
                holder = h;
            }
            return h.sdk;
        }
    }

    /**
     * The role this provider hands out credentials for (a profile is looked up on first use).
     *
     * @throws io.awssso.api.RoleNotFoundException when the profile name names no role
     */
    public RoleArn role() {
        RoleArn r = role;
        if (r == null) {
            enterEngine();
            try {
                r = engine.roles().byProfile(profile);
            } finally {
                leaveEngine();
            }
            role = r;
        }
        return r;
    }

    /** Whether new credentials are fetched on the shared background scheduler. */
    public boolean asyncCredentialUpdateEnabled() {
        return async;
    }

    /**
     * Stops the background refresh and returns at once; a fetch in flight finishes on its own
     * thread. An engine this provider built is closed now, or when that fetch ends.
     */
    @Override
    public void close() {
        closed = true;
        // both clocks of the hot path now send every call to the closed check
        holder = null;
        coarseNow = Long.MAX_VALUE;
        if (ticker != null) {
            ticker.cancel(false);
        }
        closeEngineWhenIdle();
    }

    @Override
    public String toString() {
        return "AwsSsoCredentialsProvider[" + (role != null ? role : "profile " + profile) + "]";
    }

    /** Advances the coarse clock and starts a prefetch when one is due (called each second in background mode). */
    void tick() {
        if (closed) {
            return;
        }
        long now = clock.millis();
        coarseNow = now;
        Holder h = holder;
        if (h != null && now >= h.prefetchAt) {
            startPrefetch();
        }
    }

    /**
     * Whether a prefetch is under way and has reached the engine (for tests: the emulator logs a
     * call only when it has answered; a prefetch merely queued on the scheduler is not in flight).
     */
    boolean prefetchInFlight() {
        return prefetching.get() && engineCalls.get() > 0;
    }

    /** One prefetch at a time: on the shared scheduler in background mode, else in this caller's thread. */
    private void startPrefetch() {
        if (!prefetching.compareAndSet(false, true)) {
            return;
        }
        if (!async) {
            prefetch();
            return;
        }
        try {
            RefreshScheduler.execute(this::prefetch);
        } catch (RejectedExecutionException e) {
            prefetching.set(false);
        }
    }

    private void prefetch() {
        try {
            Holder current = holder;
            if (current == null || closed) {
                return;
            }
            // anything expiring no later than what we hold is not new: fetch unless another process
            // (or the CLI) already stored later credentials
            Duration need = Duration.ofMillis(current.role.expiration().toEpochMilli() - clock.millis())
                    .plusSeconds(1);
            Holder fresh = load(need.isNegative() ? staleTime : need);
            synchronized (refreshLock) {
                if (!closed) {
                    holder = fresh;
                }
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
        RoleCredentials c;
        enterEngine();
        try {
            c = engine.credentialsValidFor(role(), minValidity);
        } finally {
            leaveEngine();
        }
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

    // An engine call counts itself in before it checks `closed`, and close() sets `closed` before
    // it looks at the count: whichever comes second sees the other, so an owned engine is closed
    // exactly once, after the last call in flight, and no call starts on a closed engine.
    private void enterEngine() {
        engineCalls.incrementAndGet();
        if (closed) {
            leaveEngine();
            throw new IllegalStateException("this AwsSsoCredentialsProvider is closed");
        }
    }

    private void leaveEngine() {
        engineCalls.decrementAndGet();
        if (closed) {
            closeEngineWhenIdle();
        }
    }

    private void closeEngineWhenIdle() {
        if (ownsEngine && engineCalls.get() == 0 && engineClosed.compareAndSet(false, true)) {
            engine.close();
        }
    }

    /**
     * Builds an {@link AwsSsoCredentialsProvider}. Give a profile or a role, or neither for the
     * role the environment names; the engine defaults to {@code AwsSso.builder().build()} (the
     * user's config and store, closed with the provider).
     */
    public static final class Builder {
        private AwsSso engine;
        private String profile;
        private RoleArn role;
        private Duration prefetchTime = Duration.ofMinutes(5);
        private Duration staleTime = Duration.ofMinutes(1);
        private boolean async;

        private Builder() {
        }

        private Builder copy() {
            Builder b = new Builder();
            b.engine = engine;
            b.profile = profile;
            b.role = role;
            b.prefetchTime = prefetchTime;
            b.staleTime = staleTime;
            b.async = async;
            return b;
        }

        /**
         * The engine to read config, environment, clock and store through; the provider does not
         * close it. Default: a new engine with the user's config, closed with the provider.
         */
        public Builder awsSso(AwsSso engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /** The role by profile name (as {@code aws-sso list} shows it); replaces a role given before. */
        public Builder profile(String profile) {
            if (profile == null || profile.isBlank()) {
                throw new IllegalArgumentException("profile must not be blank");
            }
            this.profile = profile;
            this.role = null;
            return this;
        }

        /** The role by ARN; replaces a profile given before. */
        public Builder role(RoleArn role) {
            this.role = Objects.requireNonNull(role, "role");
            this.profile = null;
            return this;
        }

        /**
         * The role by account id (base 10, padded to 12 digits) and role name.
         *
         * @throws IllegalArgumentException when the account id is not up to 12 decimal digits
         */
        public Builder role(String accountId, String roleName) {
            return role(RoleArn.of(io.awssso.api.AccountId.parse(accountId), roleName));
        }

        /**
         * How long before expiry new credentials are fetched while callers keep the current ones
         * (default 5 minutes); must exceed the stale time.
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
         * Whether new credentials are fetched in the background (default false, as in the SDK's own
         * providers). When true, the provider joins the scheduler all such providers share, which
         * ticks it each second; when false, it starts no thread and the first caller in the
         * prefetch window fetches.
         */
        public Builder asyncCredentialUpdateEnabled(boolean enabled) {
            this.async = enabled;
            return this;
        }

        /**
         * The provider. Reads no credentials yet: the first {@code resolveCredentials()} does.
         *
         * @throws IllegalArgumentException when the times are inconsistent
         * @throws AwsSsoException when neither a profile nor a role is given and the environment
         *     names no role (or names one malformed)
         */
        public AwsSsoCredentialsProvider build() {
            if (staleTime.isNegative()) {
                throw new IllegalArgumentException("stale time must not be negative");
            }
            if (prefetchTime.compareTo(staleTime) <= 0) {
                throw new IllegalArgumentException("prefetch time must be longer than the stale time");
            }
            AwsSso e = engine != null ? engine : AwsSso.builder().build();
            try {
                RoleArn r = role;
                String p = profile;
                if (r == null && p == null) {
                    EnvironmentRole selected = fromEnvironment(e);
                    if (selected instanceof EnvironmentRole.Named named) {
                        r = named.arn();
                    } else {
                        p = ((EnvironmentRole.Profile) selected).name();
                    }
                }
                return new AwsSsoCredentialsProvider(this, e, engine == null, r, p);
            } catch (RuntimeException failure) {
                if (engine == null) {
                    e.close();
                }
                throw failure;
            }
        }

        private static EnvironmentRole fromEnvironment(AwsSso engine) {
            Optional<EnvironmentRole> selected;
            try {
                selected = EnvironmentRole.select(engine.engineEnvironment(), false);
            } catch (IllegalArgumentException malformed) {
                throw new AwsSsoException("the environment names no usable role for AwsSsoCredentialsProvider: "
                        + malformed.getMessage(), malformed);
            }
            return selected.orElseThrow(() -> new AwsSsoException("no role for AwsSsoCredentialsProvider: set "
                    + EnvironmentRole.VARIABLES + ", or give a profile or role to its builder"));
        }
    }
}
