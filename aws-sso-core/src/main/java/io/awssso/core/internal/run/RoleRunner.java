package io.awssso.core.internal.run;

import io.awssso.api.CatalogRole;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.api.SsoToken;
import io.awssso.api.spi.IdentityCenterClient;
import io.awssso.api.spi.StoredSecrets;
import io.awssso.core.RoleEnvironment;
import io.awssso.core.RoleFilter;
import io.awssso.core.RoleRunResult;
import io.awssso.core.RoleTask;
import io.awssso.core.RunListener;
import io.awssso.core.RunOptions;
import io.awssso.core.internal.catalog.CallGovernor;
import io.awssso.core.internal.credentials.CredentialService;
import io.awssso.core.internal.credentials.RoleEnvironmentRule;
import io.awssso.core.internal.credentials.RoleVariables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task for every role a filter selects, a bounded number at a time. Each role's
 * credentials are the stored ones while valid, else fetched through one {@link CallGovernor} per
 * run, so that GetRoleCredentials for hundreds of roles is paced to what Identity Center allows
 * and its throttled answers are retried, as the catalog's fan-out is.
 *
 * <p>Cancelling is interrupting the thread that called {@link #run}: no role starts any more, the
 * running tasks are interrupted, and the run returns once they have ended.
 */
public final class RoleRunner {
    private static final Logger LOG = LoggerFactory.getLogger(RoleRunner.class);
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Supplier<List<CatalogRole>> roles;
    private final Supplier<StoredSecrets> stored;
    private final CredentialsFactory credentials;
    private final Supplier<SsoToken> validToken;
    private final UnaryOperator<SsoToken> renewRejected;
    private final Consumer<Map<RoleArn, Instant>> recordExpiries;
    private final Supplier<RoleEnvironmentRule> environment;
    private final Supplier<CallGovernor> governors;
    private final Clock clock;

    /**
     * @param roles the catalog's roles (refreshed when expired)
     * @param stored reads the secure store (once per run: credentials valid then need no call)
     * @param credentials makes each run's credential service
     * @param validToken a valid SSO token (read from the store, renewed, or a login with AutoLogin)
     * @param renewRejected a token instead of one GetRoleCredentials refused
     * @param recordExpiries records the fetched roles' expiries in the role cache, once per run
     * @param environment the rule for the variables that give a process a role
     * @param governors a new governor for each run
     * @param clock decides when credentials are due for renewal
     */
    public RoleRunner(Supplier<List<CatalogRole>> roles, Supplier<StoredSecrets> stored,
            CredentialsFactory credentials, Supplier<SsoToken> validToken, UnaryOperator<SsoToken> renewRejected,
            Consumer<Map<RoleArn, Instant>> recordExpiries, Supplier<RoleEnvironmentRule> environment,
            Supplier<CallGovernor> governors, Clock clock) {
        this.roles = Objects.requireNonNull(roles, "roles");
        this.stored = Objects.requireNonNull(stored, "stored");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.validToken = Objects.requireNonNull(validToken, "validToken");
        this.renewRejected = Objects.requireNonNull(renewRejected, "renewRejected");
        this.recordExpiries = Objects.requireNonNull(recordExpiries, "recordExpiries");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.governors = Objects.requireNonNull(governors, "governors");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Makes a run's credential service. */
    @FunctionalInterface
    public interface CredentialsFactory {
        /**
         * A credential service whose fetches come from a client with its own retries off (the
         * governor's retries are the only ones).
         *
         * @param validToken the run's SSO token
         * @param renewRejected renews a token GetRoleCredentials refused
         * @param expiries hears each fetched role's expiry
         * @param paced wraps the client the fetches call through, so that each GetRoleCredentials
         *     confirms its slot with the run's governor right before it goes out
         */
        CredentialService create(Supplier<SsoToken> validToken, UnaryOperator<SsoToken> renewRejected,
                BiConsumer<RoleArn, Instant> expiries, UnaryOperator<IdentityCenterClient> paced);
    }

    /**
     * Runs {@code task} for every role {@code filter} selects, in catalog order.
     *
     * @return one result per selected role, in the same order (empty when none is selected)
     */
    public <T> List<RoleRunResult<T>> run(RoleFilter filter, RunOptions options, RoleTask<T> task) {
        Objects.requireNonNull(task, "task");
        List<CatalogRole> selected = filter.select(roles.get());
        RunListener listener = options.listener();
        listener.selected(selected);
        if (selected.isEmpty()) {
            return List.of();
        }
        Map<RoleArn, Instant> fetched = new ConcurrentHashMap<>();
        RunToken token = new RunToken(validToken, renewRejected, clock);
        CallGovernor governor = governors.get();
        Run<T> run = new Run<>(governor, options, task, stored.get(), credentials.create(token::get,
                token::renew, fetched::put, client -> new PacedClient(client, governor)), environment.get());
        int n = RUNS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.parallelism(), selected.size()), r -> {
            Thread t = new Thread(r, "aws-sso-run-" + n + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Future<RoleRunResult<T>>> futures = new ArrayList<>();
        try {
            for (CatalogRole role : selected) {
                futures.add(pool.submit(() -> run.one(role)));
            }
            pool.shutdown();
            List<RoleRunResult<T>> results = new ArrayList<>(selected.size());
            for (int i = 0; i < selected.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (InterruptedException e) {
                    return cancel(run, pool, selected, futures);
                } catch (ExecutionException e) { // one() catches everything; an Error ends up here
                    throw new IllegalStateException("the run of " + selected.get(i).arn() + " broke", e.getCause());
                }
            }
            LOG.debug("ran {} roles; {} throttled answers", results.size(), run.governor.throttles());
            return List.copyOf(results);
        } finally {
            pool.shutdownNow();
            recordFetched(fetched);
        }
    }

    /** The list's Expires column is informational: a failure to record it fails nothing. */
    private void recordFetched(Map<RoleArn, Instant> fetched) {
        try {
            recordExpiries.accept(Map.copyOf(fetched));
        } catch (RuntimeException e) {
            LOG.debug("could not record the expiry of {} roles in the role cache: {}", fetched.size(), e.getMessage());
        }
    }

    private <T> List<RoleRunResult<T>> cancel(Run<T> run, ExecutorService pool, List<CatalogRole> selected,
            List<Future<RoleRunResult<T>>> futures) {
        run.cancelled.set(true);
        pool.shutdownNow(); // interrupts the running tasks; the queued ones never start
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.DAYS)) {
                    break;
                }
            } catch (InterruptedException again) {
                // keep waiting: a task still running must not outlive the run
            }
        }
        List<RoleRunResult<T>> results = new ArrayList<>(selected.size());
        for (int i = 0; i < selected.size(); i++) {
            Future<RoleRunResult<T>> f = futures.get(i);
            RoleRunResult<T> r = null;
            if (f.isDone() && !f.isCancelled()) {
                try {
                    r = f.get();
                } catch (InterruptedException | ExecutionException e) {
                    r = null;
                }
            }
            if (r == null) {
                r = new RoleRunResult<>(selected.get(i), RoleRunResult.Status.CANCELLED, null, null, Duration.ZERO);
                run.options.listener().finished(r);
            }
            results.add(r);
        }
        Thread.currentThread().interrupt(); // the caller's cancellation stays visible to it
        return List.copyOf(results);
    }

    /** One call of {@link #run}: its governor, options, task, and whether it is stopping. */
    private final class Run<T> {
        final CallGovernor governor;
        final RunOptions options;
        final RoleTask<T> task;
        final StoredSecrets stored;
        final CredentialService credentials;
        final RoleEnvironmentRule environment;
        final AtomicBoolean cancelled = new AtomicBoolean();
        final AtomicBoolean failed = new AtomicBoolean();

        Run(CallGovernor governor, RunOptions options, RoleTask<T> task, StoredSecrets stored,
                CredentialService credentials, RoleEnvironmentRule environment) {
            this.governor = governor;
            this.options = options;
            this.task = task;
            this.stored = stored;
            this.credentials = credentials;
            this.environment = environment;
        }

        RoleRunResult<T> one(CatalogRole role) {
            RoleRunResult<T> result;
            if (cancelled.get() || (options.failFast() && failed.get()) || Thread.currentThread().isInterrupted()) {
                result = new RoleRunResult<>(role, RoleRunResult.Status.CANCELLED, null, null, Duration.ZERO);
            } else {
                options.listener().started(role);
                long start = System.nanoTime();
                try {
                    RoleCredentials first = stored.credentials(role.arn())
                            .filter(c -> !c.expiresWithin(CredentialService.MARGIN, clock))
                            .orElseGet(() -> credentials(role.arn()));
                    T value = task.run(role, new Credentials(role, first, this));
                    result = new RoleRunResult<>(role, RoleRunResult.Status.SUCCEEDED, value, null, since(start));
                } catch (Exception e) {
                    if (cancelled.get()) {
                        result = new RoleRunResult<>(role, RoleRunResult.Status.CANCELLED, null, null, since(start));
                    } else {
                        failed.set(true);
                        LOG.debug("the run of {} failed: {}", role.arn(), e.toString());
                        result = new RoleRunResult<>(role, RoleRunResult.Status.FAILED, null, e, since(start));
                    }
                }
            }
            options.listener().finished(result);
            return result;
        }

        /**
         * Credentials valid for more than the margin, fetched at the governor's pace (the credential
         * service looks at the store again under its lock: another process may have stored them).
         */
        RoleCredentials credentials(RoleArn arn) {
            return governor.call(() -> credentials.credentials(arn, false, CredentialService.MARGIN));
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** A role's credentials during its task, renewed at the run's pace when they run out. */
    private final class Credentials implements io.awssso.core.RunCredentials {
        private final CatalogRole role;
        private final Run<?> run;
        private RoleCredentials current;

        Credentials(CatalogRole role, RoleCredentials first, Run<?> run) {
            this.role = role;
            this.current = first;
            this.run = run;
        }

        @Override
        public synchronized RoleCredentials roleCredentials() {
            if (current.expiresWithin(CredentialService.MARGIN, clock)) {
                current = run.credentials(role.arn());
            }
            return current;
        }

        @Override
        public RoleEnvironment environment(io.awssso.core.RegionPolicy region) {
            RoleVariables.Change c = run.environment.change(roleCredentials(), role,
                    region == io.awssso.core.RegionPolicy.NEVER, region == io.awssso.core.RegionPolicy.ALWAYS);
            return new RoleEnvironment(c.set(), c.unset());
        }

        @Override
        public software.amazon.awssdk.auth.credentials.AwsCredentials resolveCredentials() {
            RoleCredentials c = roleCredentials();
            return software.amazon.awssdk.auth.credentials.AwsSessionCredentials.builder()
                    .accessKeyId(c.accessKeyId()).secretAccessKey(c.secretAccessKey())
                    .sessionToken(c.sessionToken()).expirationTime(c.expiration())
                    .providerName("AwsSso.roles().forEach").accountId(c.accountId().value()).build();
        }

        @Override
        public String toString() {
            return "RunCredentials[" + role.arn() + "]"; // never the secrets
        }
    }
}
