package io.awssso.testkit;

import io.awssso.api.AccountId;
import io.awssso.testkit.internal.emulator.EmulatorServer;
import io.awssso.testkit.internal.emulator.EmulatorState;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A real HTTP server on 127.0.0.1 that speaks the wire protocols of AWS IAM Identity Center, so
 * that the real AWS SDK v2 clients, the AWS CLI and anything built on them work against it
 * unchanged. One server, one {@link #endpoint()}, serves every service (their paths are disjoint):
 *
 * <ul>
 *   <li><b>SSO OIDC</b> (restJson1): {@code POST /client/register}, {@code POST /device_authorization},
 *       {@code POST /token} (device code; authorization code with PKCE S256; refresh token), the
 *       PKCE {@code /authorize} page and the device verification page {@code /device}.</li>
 *   <li><b>SSO portal</b> (restJson1, bearer token in {@code x-amz-sso_bearer_token}):
 *       {@code ListAccounts}, {@code ListAccountRoles}, {@code GetRoleCredentials}, {@code Logout},
 *       with {@code max_result}/{@code next_token} paging.</li>
 *   <li><b>STS</b> (awsQuery XML at {@code POST /}): {@code AssumeRole} and {@code GetCallerIdentity}
 *       for credentials the emulator issued (SigV4 signatures are not verified; the caller is known by
 *       its access key id).</li>
 *   <li><b>Console federation</b> at {@code /federation}: {@code getSigninToken} and {@code login}.</li>
 * </ul>
 *
 * <p>Point SDK clients at it with {@code .endpointOverride(emulator.endpoint())}, or with the SDK's
 * standard settings {@code AWS_ENDPOINT_URL_SSO}, {@code AWS_ENDPOINT_URL_SSO_OIDC},
 * {@code AWS_ENDPOINT_URL_STS} (system properties {@code aws.endpointUrlSso}, ...); use anonymous
 * credentials for SSO and OIDC, any region (the emulator answers for {@link #region()}).
 *
 * <pre>{@code
 * try (IdentityCenterEmulator emulator = IdentityCenterEmulator.builder()
 *         .clock(clock)
 *         .generateAccounts(250, 3)
 *         .build()
 *         .start()) {
 *     IssuedTokens tokens = emulator.signIn();            // or run a real device-code flow
 *     ... call the portal with tokens.accessToken() ...
 *     assertThat(emulator.calls(Operation.GET_ROLE_CREDENTIALS)).hasSize(1);
 * }
 * }</pre>
 *
 * <p>{@link Builder#hostileDirectory(HostileDirectory)} serves account names, e-mails and role
 * names an attacker chose (shell metacharacters, quotes of every kind, line breaks, NUL, ANSI
 * escapes, bidirectional marks, 2 KB strings), to test that a client prints them inertly.
 *
 * <p>Everything can be changed while it runs: the data set, the {@link Approval approval} rule, rate
 * limits, injected failures and latency. Expiry decisions and rate-limit refills use the
 * {@linkplain Builder#clock(Clock) injected clock}, so tests move a {@link MutableClock} instead of
 * sleeping. Every request is kept in the {@linkplain #callLog() call log} (without secrets), and
 * every secret the emulator handed out (or received as a PKCE verifier) is in
 * {@link #issuedSecrets()}, so a test can search logs and files for leaks.
 *
 * <p>Sign-ins follow the real service's rules: a client registered <em>with</em> scopes (such as
 * {@code sso:account:access}) gets a short access token plus a refresh token that works until the
 * Identity Center session ends; a client registered <em>without</em> scopes gets the legacy behaviour,
 * a long access token and no refresh token.
 *
 * <p>Thread-safe. Close it to stop the server.
 */
public final class IdentityCenterEmulator implements AutoCloseable {

    /** The default portal user name, the session name of role credentials from GetRoleCredentials. */
    public static final String DEFAULT_USER_NAME = "emulated.user@example.com";

    private final EmulatorState state;
    private final EmulatorServer server;
    private final int requestedPort;
    private final int threads;
    private volatile URI endpoint;
    private volatile boolean closed;

    private IdentityCenterEmulator(Builder b) {
        this.state = b.state;
        this.server = new EmulatorServer(state);
        this.requestedPort = b.port;
        this.threads = b.threads;
    }

    /** A builder with the defaults documented on each of its methods. */
    public static Builder builder() {
        return new Builder();
    }

    /** An emulator with all defaults and no accounts; not started. */
    public static IdentityCenterEmulator create() {
        return builder().build();
    }

    /**
     * Binds 127.0.0.1 and starts serving.
     *
     * @return this emulator, for chaining
     * @throws IllegalStateException when it is already started
     * @throws java.io.UncheckedIOException when the port cannot be bound
     */
    public IdentityCenterEmulator start() {
        if (closed) {
            throw new IllegalStateException("this emulator was closed; build a new one");
        }
        int port = server.start(requestedPort, threads);
        endpoint = URI.create("http://127.0.0.1:" + port);
        state.endpoint = endpoint.toString();
        return this;
    }

    /** Stops the server. Idempotent; the emulator cannot be started again. */
    @Override
    public void close() {
        closed = true;
        server.stop();
    }

    /** Whether {@link #start()} was called and {@link #close()} was not. */
    public boolean isRunning() {
        return endpoint != null && !closed;
    }

    /**
     * The base URL of every service, {@code http://127.0.0.1:<port>}, without a trailing slash.
     *
     * @throws IllegalStateException when never started (it still answers after {@link #close()},
     *                               for messages and assertions)
     */
    public URI endpoint() {
        URI e = endpoint;
        if (e == null) {
            throw new IllegalStateException("the emulator is not started: call start() first");
        }
        return e;
    }

    /** The port the server listens on. */
    public int port() {
        return endpoint().getPort();
    }

    /** The access portal start URL, {@code <endpoint>/start} (a page that answers 200). */
    public URI startUrl() {
        return URI.create(endpoint() + "/start");
    }

    /** The region the emulator claims to be in (default {@code us-east-1}). */
    public String region() {
        return state.region;
    }

    /** The clock used for every expiry and rate-limit decision. */
    public Clock clock() {
        return state.clock;
    }

    /** The name of the signed-in user: the session name of role credentials. */
    public String userName() {
        return state.userName;
    }

    // ------------------------------------------------------------------ data set

    /**
     * Adds an account the user can see (or renames it, if present) with the given roles.
     *
     * @return this emulator
     */
    public IdentityCenterEmulator addAccount(AccountId accountId, String name, String email, String... roleNames) {
        Objects.requireNonNull(accountId, "accountId");
        state.directory.addAccount(accountId.value(), Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(email, "email"), Arrays.asList(roleNames));
        return this;
    }

    /**
     * Adds an account given as one to twelve digits (padded to twelve, never read as octal).
     *
     * @return this emulator
     */
    public IdentityCenterEmulator addAccount(String accountId, String name, String email, String... roleNames) {
        return addAccount(AccountId.parse(accountId), name, email, roleNames);
    }

    /**
     * Assigns one more role in an account already added.
     *
     * @throws IllegalArgumentException when the account is unknown
     */
    public IdentityCenterEmulator addRole(AccountId accountId, String roleName) {
        state.directory.addRole(accountId.value(), Objects.requireNonNull(roleName, "roleName"));
        return this;
    }

    /**
     * Adds {@code accounts} accounts with {@code rolesPerAccount} roles each, with deterministic
     * values: ids {@code 000000010000}, {@code 000000010001}, ... (ids already present are skipped),
     * names {@code account-NNNNN} numbered by position in the listing (so {@code account-00001} ...
     * on an empty emulator), emails {@code account-NNNNN@example.com}, and roles
     * {@code AdministratorAccess}, {@code ReadOnlyAccess}, {@code PowerUserAccess},
     * {@code ViewOnlyAccess}, {@code Billing}, then {@code Role006}, {@code Role007}, ...
     *
     * @return this emulator
     */
    public IdentityCenterEmulator generateAccounts(int accounts, int rolesPerAccount) {
        state.directory.generate(accounts, rolesPerAccount);
        return this;
    }

    /**
     * Serves the accounts of a {@link HostileDirectory} too, from now on.
     *
     * @return this emulator
     */
    public IdentityCenterEmulator addHostileDirectory(HostileDirectory directory) {
        Objects.requireNonNull(directory, "directory").accounts().forEach(a -> state.directory.addAccount(
                a.id().value(), a.name(), a.email(), a.roles()));
        return this;
    }

    /** The accounts the user sees, in listing order, with their role names. */
    public List<EmulatedAccount> accounts() {
        return state.directory.all().stream()
                .map(a -> new EmulatedAccount(new AccountId(a.accountId()), a.name(), a.email(), a.roles()))
                .toList();
    }

    // ------------------------------------------------------------------ approval and sessions

    /** Changes how sign-ins are approved from now on (pending ones included). */
    public IdentityCenterEmulator approval(Approval approval) {
        state.approval = Objects.requireNonNull(approval, "approval");
        return this;
    }

    /**
     * Approves a pending device authorization, as pressing "Allow" on the verification page would.
     *
     * @param userCode the {@code userCode} from StartDeviceAuthorization
     * @return whether the code was known
     */
    public boolean approve(String userCode) {
        return state.decideDevice(userCode, true);
    }

    /** Denies a pending device authorization; returns whether the code was known. */
    public boolean deny(String userCode) {
        return state.decideDevice(userCode, false);
    }

    /**
     * Signs the user in without any OIDC flow: a new session, a registration with scope
     * {@code sso:account:access}, an access token and a refresh token for it. For tests that only
     * need a valid portal token.
     */
    public IssuedTokens signIn() {
        return server.signIn();
    }

    /** Makes every access token issued so far invalid (the portal answers 401); refresh still works. */
    public IdentityCenterEmulator expireAccessTokens() {
        state.expireAccessTokens();
        return this;
    }

    /**
     * Ends every Identity Center session now: their access tokens get 401 from the portal and their
     * refresh tokens {@code InvalidGrantException}. Role credentials already issued keep working.
     */
    public IdentityCenterEmulator endSessions() {
        state.endSessions();
        return this;
    }

    // ------------------------------------------------------------------ STS trust

    /**
     * Makes AssumeRole of {@code roleArn} require this {@code ExternalId} (AccessDenied otherwise).
     *
     * @param roleArn    e.g. {@code arn:aws:iam::123456789012:role/Deploy}
     * @param externalId the value the caller must send
     */
    public IdentityCenterEmulator requireExternalId(String roleArn, String externalId) {
        state.requireExternalId(Objects.requireNonNull(roleArn, "roleArn"), Objects.requireNonNull(externalId, "externalId"));
        return this;
    }

    /**
     * Lets only callers holding credentials of the given roles (IAM role ARNs, e.g.
     * {@code arn:aws:iam::123456789012:role/AdministratorAccess}) assume {@code roleArn}. Without
     * such a rule any credentials the emulator issued may assume any role.
     */
    public IdentityCenterEmulator trustOnly(String roleArn, String... callerRoleArns) {
        state.allowCallers(Objects.requireNonNull(roleArn, "roleArn"), Set.of(callerRoleArns));
        return this;
    }

    /** Makes every AssumeRole of {@code roleArn} fail with AccessDenied. */
    public IdentityCenterEmulator denyAssumeRole(String roleArn) {
        state.denyAssumeRole(Objects.requireNonNull(roleArn, "roleArn"));
        return this;
    }

    // ------------------------------------------------------------------ faults

    /**
     * Rate-limits one operation with a token bucket of {@code burst} tokens refilled at
     * {@code requestsPerSecond} by the emulator's clock. Excess calls get the service's throttling
     * error: 429 {@code TooManyRequestsException} on the portal, 400 {@code SlowDownException} on
     * OIDC, 400 {@code Throttling} on STS, 429 elsewhere.
     */
    public IdentityCenterEmulator rateLimit(Operation operation, double requestsPerSecond, int burst) {
        state.rateLimit(Objects.requireNonNull(operation, "operation"), requestsPerSecond, burst);
        return this;
    }

    /** Removes the rate limit of one operation. */
    public IdentityCenterEmulator clearRateLimit(Operation operation) {
        state.clearRateLimit(operation);
        return this;
    }

    /**
     * Answers this fraction (0 to 1) of the operation's calls with a 500 error, decided by a
     * {@link java.util.Random} seeded by {@link Builder#seed(long)}.
     */
    public IdentityCenterEmulator failureRate(Operation operation, double rate) {
        state.failureRate(Objects.requireNonNull(operation, "operation"), rate);
        return this;
    }

    /**
     * Delays every answer of this operation by really sleeping in the handler (a slow network): half
     * before the emulator decides the call (its rate limit and injected failures apply then, as a
     * service decides when a request arrives), half after. With {@link #rateLimit} this is a
     * throttling service whose calls take milliseconds, as AWS's do.
     */
    public IdentityCenterEmulator latency(Operation operation, Duration latency) {
        state.latency(Objects.requireNonNull(operation, "operation"), Objects.requireNonNull(latency, "latency"));
        return this;
    }

    // ------------------------------------------------------------------ records

    /** Every call so far, in order of arrival. */
    public List<Call> callLog() {
        return state.calls(c -> true);
    }

    /** The calls of one operation, in order. */
    public List<Call> calls(Operation operation) {
        return state.calls(c -> c.operation() == operation);
    }

    /** The calls of one operation that match {@code filter}, in order. */
    public List<Call> calls(Operation operation, Predicate<Call> filter) {
        return state.calls(c -> c.operation() == operation && filter.test(c));
    }

    /** How many calls of this operation arrived. */
    public int count(Operation operation) {
        return calls(operation).size();
    }

    /**
     * Call counts by operation (operations never called are absent). Counted even when the call
     * log is {@linkplain Builder#recordCalls(boolean) off}.
     */
    public Map<Operation, Integer> counts() {
        return state.counts();
    }

    /** Forgets the call log and the counts (not the issued secrets). */
    public IdentityCenterEmulator clearCallLog() {
        state.clearCalls();
        return this;
    }

    /**
     * Every secret string handed out so far: client secrets, device codes, authorization codes,
     * access and refresh tokens, secret access keys, session tokens, sign-in tokens, and the PKCE
     * code verifiers received. Search logs and files for these to prove nothing leaked.
     */
    public Set<String> issuedSecrets() {
        return state.issuedSecrets();
    }

    @Override
    public String toString() {
        return "IdentityCenterEmulator[" + (endpoint == null ? "not started" : endpoint) + "]";
    }

    /**
     * An account in the emulator's data set.
     *
     * @param id    the account id
     * @param name  the account name
     * @param email the account's email address
     * @param roles the role names assigned to the user in it
     */
    public record EmulatedAccount(AccountId id, String name, String email, List<String> roles) {
        /** Copies the role list. */
        public EmulatedAccount {
            roles = List.copyOf(roles);
        }
    }

    /**
     * Configures an {@link IdentityCenterEmulator}. Every setting has a default that matches the
     * real service (listed on each method), so {@code builder().build()} is a working emulator.
     */
    public static final class Builder {
        private final EmulatorState state;
        private int port;
        private int threads = 64;
        private boolean built;

        private Builder() {
            state = new EmulatorState(42L);
            state.clock = Clock.systemUTC();
            state.region = "us-east-1";
            state.userName = DEFAULT_USER_NAME;
            state.accessTokenLifetime = Duration.ofHours(1);
            state.legacyAccessTokenLifetime = Duration.ofHours(8);
            state.sessionLifetime = Duration.ofHours(8);
            state.roleCredentialsLifetime = Duration.ofHours(1);
            state.clientRegistrationLifetime = Duration.ofDays(90);
            state.deviceCodeLifetime = Duration.ofMinutes(10);
            state.pollInterval = Duration.ofSeconds(1);
            state.approval = Approval.automatic();
        }

        /** The port to bind on 127.0.0.1; default 0, an ephemeral port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Worker threads serving requests; default 64, enough for 50 parallel clients. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** The clock for every expiry and rate-limit decision; default the system UTC clock. */
        public Builder clock(Clock clock) {
            state.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The region the emulator answers for; default {@code us-east-1}. */
        public Builder region(String region) {
            state.region = requireText(region, "region");
            return this;
        }

        /** The signed-in user's name; default {@value IdentityCenterEmulator#DEFAULT_USER_NAME}. */
        public Builder userName(String userName) {
            state.userName = requireText(userName, "user name");
            return this;
        }

        /** Seed of the random numbers deciding injected failures; default 42. */
        public Builder seed(long seed) {
            // Rebuild the state's random source while keeping everything configured so far.
            state.reseed(seed);
            return this;
        }

        /** Access token lifetime for scoped registrations; default 1 hour. */
        public Builder accessTokenLifetime(Duration lifetime) {
            state.accessTokenLifetime = positive(lifetime, "access token lifetime");
            return this;
        }

        /** Access token lifetime for legacy (scope-less) registrations; default 8 hours. */
        public Builder legacyAccessTokenLifetime(Duration lifetime) {
            state.legacyAccessTokenLifetime = positive(lifetime, "legacy access token lifetime");
            return this;
        }

        /** Identity Center session lifetime, the limit for refreshing; default 8 hours. */
        public Builder sessionLifetime(Duration lifetime) {
            state.sessionLifetime = positive(lifetime, "session lifetime");
            return this;
        }

        /** Lifetime of GetRoleCredentials credentials; default 1 hour. */
        public Builder roleCredentialsLifetime(Duration lifetime) {
            state.roleCredentialsLifetime = positive(lifetime, "role credentials lifetime");
            return this;
        }

        /** Lifetime of a client registration; default 90 days. */
        public Builder clientRegistrationLifetime(Duration lifetime) {
            state.clientRegistrationLifetime = positive(lifetime, "client registration lifetime");
            return this;
        }

        /** Lifetime of a device code; default 10 minutes. */
        public Builder deviceCodeLifetime(Duration lifetime) {
            state.deviceCodeLifetime = positive(lifetime, "device code lifetime");
            return this;
        }

        /**
         * The device-flow poll interval; polls closer together than this get {@code SlowDownException}.
         * Default 1 second.
         */
        public Builder pollInterval(Duration interval) {
            state.pollInterval = positive(interval, "poll interval");
            return this;
        }

        /** How sign-ins are approved; default {@link Approval#automatic()}. */
        public Builder approval(Approval approval) {
            state.approval = Objects.requireNonNull(approval, "approval");
            return this;
        }

        /** See {@link IdentityCenterEmulator#rateLimit(Operation, double, int)}. */
        public Builder rateLimit(Operation operation, double requestsPerSecond, int burst) {
            state.rateLimit(Objects.requireNonNull(operation, "operation"), requestsPerSecond, burst);
            return this;
        }

        /** See {@link IdentityCenterEmulator#failureRate(Operation, double)}. */
        public Builder failureRate(Operation operation, double rate) {
            state.failureRate(Objects.requireNonNull(operation, "operation"), rate);
            return this;
        }

        /** See {@link IdentityCenterEmulator#latency(Operation, Duration)}. */
        public Builder latency(Operation operation, Duration latency) {
            state.latency(Objects.requireNonNull(operation, "operation"), Objects.requireNonNull(latency, "latency"));
            return this;
        }

        /** See {@link IdentityCenterEmulator#addAccount(String, String, String, String...)}. */
        public Builder addAccount(String accountId, String name, String email, String... roleNames) {
            state.directory.addAccount(AccountId.parse(accountId).value(), Objects.requireNonNull(name, "name"),
                    Objects.requireNonNull(email, "email"), Arrays.asList(roleNames));
            return this;
        }

        /**
         * Serves a hostile directory too: the accounts of {@link HostileDirectory#accounts()}
         * (names, e-mails and role names built to break out of every output format). See
         * {@link HostileDirectory} for how to test with it.
         */
        public Builder hostileDirectory(HostileDirectory directory) {
            Objects.requireNonNull(directory, "directory").accounts().forEach(a -> state.directory.addAccount(
                    a.id().value(), a.name(), a.email(), a.roles()));
            return this;
        }

        /** See {@link IdentityCenterEmulator#generateAccounts(int, int)}. */
        public Builder generateAccounts(int accounts, int rolesPerAccount) {
            state.directory.generate(accounts, rolesPerAccount);
            return this;
        }

        /**
         * Whether to keep every call in the {@linkplain IdentityCenterEmulator#callLog() call log};
         * default true. Turn it off for long standalone runs (benchmarks): counts are still kept.
         */
        public Builder recordCalls(boolean record) {
            state.recordCalls = record;
            return this;
        }

        /**
         * Called with every call once it is answered, on the server's worker thread (so keep it
         * quick and thread-safe); e.g. to print a request log. A {@link Call} holds no secrets.
         */
        public Builder callListener(java.util.function.Consumer<Call> listener) {
            state.callListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The emulator, not yet started. A builder builds one emulator only. */
        public IdentityCenterEmulator build() {
            if (built) {
                throw new IllegalStateException("this builder already built an emulator: use a new builder");
            }
            built = true;
            return new IdentityCenterEmulator(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }

        private static String requireText(String s, String what) {
            if (s == null || s.isBlank()) {
                throw new IllegalArgumentException(what + " must not be empty");
            }
            return s;
        }
    }
}
