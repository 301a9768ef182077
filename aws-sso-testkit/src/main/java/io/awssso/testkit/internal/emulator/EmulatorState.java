package io.awssso.testkit.internal.emulator;

import io.awssso.testkit.Approval;
import io.awssso.testkit.Call;
import io.awssso.testkit.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Everything the emulator knows: its settings, the data set, the sessions, tokens and keys it
 * issued, and the call log. Thread-safe; the HTTP handlers and the test thread share it.
 */
public final class EmulatorState {

    /** An Identity Center session: the thing that ends after 8 hours, or at logout. */
    static final class Session {
        final String id = Secrets.hex(16);
        final Instant endsAt;
        final long generation;
        volatile boolean loggedOut;

        Session(Instant endsAt, long generation) {
            this.endsAt = endsAt;
            this.generation = generation;
        }
    }

    record ClientEntry(String clientId, String clientSecret, String clientName, List<String> scopes,
                       List<String> redirectUris, List<String> grantTypes, Instant issuedAt,
                       Instant expiresAt) {
        /** Registrations without scopes are "legacy": long access tokens and no refresh token. */
        boolean legacy() {
            return scopes.isEmpty();
        }
    }

    record AccessTokenEntry(Session session, String clientId, Instant expiresAt, long generation) {
    }

    record RefreshTokenEntry(Session session, String clientId) {
    }

    enum DeviceStatus { PENDING, APPROVED, DENIED, REDEEMED }

    static final class DeviceEntry {
        final String deviceCode;
        final String userCode;
        final String clientId;
        final Instant expiresAt;
        final Duration interval;
        Instant lastPoll;
        int polls;
        DeviceStatus status = DeviceStatus.PENDING;

        DeviceEntry(String deviceCode, String userCode, String clientId, Instant expiresAt, Duration interval) {
            this.deviceCode = deviceCode;
            this.userCode = userCode;
            this.clientId = clientId;
            this.expiresAt = expiresAt;
            this.interval = interval;
        }
    }

    record AuthorizeRequest(String id, String clientId, String redirectUri, String state, String codeChallenge,
                            List<String> scopes) {
    }

    static final class AuthCodeEntry {
        final String code;
        final AuthorizeRequest request;
        final Instant expiresAt;
        boolean used;

        AuthCodeEntry(String code, AuthorizeRequest request, Instant expiresAt) {
            this.code = code;
            this.request = request;
            this.expiresAt = expiresAt;
        }
    }

    /** Role credentials the emulator handed out, by access key id. */
    record IssuedKey(String accessKeyId, String secretAccessKey, String sessionToken, String accountId,
                     String roleName, String sessionName, Instant expiresAt, boolean chained,
                     String sourceIdentity) {
        String roleArn() {
            return "arn:aws:iam::" + accountId + ":role/" + roleName;
        }

        String assumedRoleArn() {
            return "arn:aws:sts::" + accountId + ":assumed-role/" + roleName + "/" + sessionName;
        }

        String userId() {
            return roleId(accountId, roleName) + ":" + sessionName;
        }
    }

    /** Where a listing continues: which listing (so a token cannot jump lists) and from where. */
    record PageCursor(String listing, int offset) {
    }

    record SigninTokenEntry(String token, String accessKeyId, Instant expiresAt) {
    }

    /** What a role requires of whoever assumes it, set by the test. */
    record TrustRule(String externalId, Set<String> allowedCallers, boolean denyAll) {
    }

    // ---- settings (volatile: changed by the test while requests are in flight) ----
    public volatile Clock clock;
    public volatile String region;
    public volatile String userName;
    public volatile Duration accessTokenLifetime;
    public volatile Duration legacyAccessTokenLifetime;
    public volatile Duration sessionLifetime;
    public volatile Duration roleCredentialsLifetime;
    public volatile Duration clientRegistrationLifetime;
    public volatile Duration deviceCodeLifetime;
    public volatile Duration pollInterval;
    public volatile Duration authCodeLifetime = Duration.ofMinutes(5);
    public volatile Duration signinTokenLifetime = Duration.ofMinutes(15);
    public volatile Approval approval;
    public volatile String endpoint = "http://127.0.0.1";

    private final Map<Operation, TokenBucket> rateLimits = new ConcurrentHashMap<>();
    private final Map<Operation, Double> failureRates = new ConcurrentHashMap<>();
    private final Map<Operation, Duration> latencies = new ConcurrentHashMap<>();
    private final Random faultRandom;

    // ---- data ----
    public final Directory directory = new Directory();
    final Map<String, ClientEntry> clients = new ConcurrentHashMap<>();
    final Map<String, AccessTokenEntry> accessTokens = new ConcurrentHashMap<>();
    final Map<String, RefreshTokenEntry> refreshTokens = new ConcurrentHashMap<>();
    final Map<String, DeviceEntry> devicesByCode = new ConcurrentHashMap<>();
    final Map<String, DeviceEntry> devicesByUserCode = new ConcurrentHashMap<>();
    final Map<String, AuthorizeRequest> pendingAuthorizations = new ConcurrentHashMap<>();
    final Map<String, AuthCodeEntry> authCodes = new ConcurrentHashMap<>();
    final Map<String, IssuedKey> keys = new ConcurrentHashMap<>();
    final Map<String, SigninTokenEntry> signinTokens = new ConcurrentHashMap<>();
    final Map<String, TrustRule> trustRules = new ConcurrentHashMap<>();
    final Map<String, PageCursor> pageTokens = new ConcurrentHashMap<>();

    private final AtomicLong accessTokenGeneration = new AtomicLong();
    private final AtomicLong sessionGeneration = new AtomicLong();

    // ---- records ----
    private final Set<String> issuedSecrets = ConcurrentHashMap.newKeySet();
    private final List<Call> calls = new ArrayList<>();
    private final Map<Operation, Integer> counts = new EnumMap<>(Operation.class);
    private final AtomicLong sequence = new AtomicLong();
    /** Off for long standalone runs, where nobody reads the log and it would only grow. */
    public volatile boolean recordCalls = true;
    public volatile java.util.function.Consumer<Call> callListener;

    public EmulatorState(long seed) {
        this.faultRandom = new Random(seed);
    }

    // ---- faults ----

    public void reseed(long seed) {
        synchronized (faultRandom) {
            faultRandom.setSeed(seed);
        }
    }

    public void rateLimit(Operation op, double ratePerSecond, int burst) {
        rateLimits.put(op, new TokenBucket(ratePerSecond, burst, clock.instant()));
    }

    public void clearRateLimit(Operation op) {
        rateLimits.remove(op);
    }

    public void failureRate(Operation op, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("failure rate must be between 0 and 1, got " + rate);
        }
        if (rate == 0) {
            failureRates.remove(op);
        } else {
            failureRates.put(op, rate);
        }
    }

    public void latency(Operation op, Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, got " + latency);
        }
        if (latency.isZero()) {
            latencies.remove(op);
        } else {
            latencies.put(op, latency);
        }
    }

    boolean allow(Operation op) {
        TokenBucket bucket = rateLimits.get(op);
        return bucket == null || bucket.tryAcquire(clock);
    }

    boolean injectFailure(Operation op) {
        Double rate = failureRates.get(op);
        if (rate == null) {
            return false;
        }
        synchronized (faultRandom) {
            return faultRandom.nextDouble() < rate;
        }
    }

    Duration latency(Operation op) {
        return latencies.getOrDefault(op, Duration.ZERO);
    }

    // ---- sessions ----

    public void expireAccessTokens() {
        accessTokenGeneration.incrementAndGet();
    }

    public void endSessions() {
        sessionGeneration.incrementAndGet();
    }

    Session newSession(Instant now) {
        return new Session(now.plus(sessionLifetime), sessionGeneration.get());
    }

    boolean alive(Session session, Instant now) {
        return !session.loggedOut && session.generation == sessionGeneration.get() && now.isBefore(session.endsAt);
    }

    /** Issues an access token for the session; its lifetime never outlives the session. */
    AccessTokenEntry issueAccessToken(String token, Session session, ClientEntry client, Instant now) {
        Duration life = client.legacy() ? legacyAccessTokenLifetime : accessTokenLifetime;
        Instant exp = now.plus(life);
        if (exp.isAfter(session.endsAt)) {
            exp = session.endsAt;
        }
        AccessTokenEntry e = new AccessTokenEntry(session, client.clientId(), exp, accessTokenGeneration.get());
        accessTokens.put(token, e);
        secret(token);
        return e;
    }

    /** The live access token entry, or null when unknown, expired, logged out or ended. */
    AccessTokenEntry validAccessToken(String token) {
        if (token == null) {
            return null;
        }
        AccessTokenEntry e = accessTokens.get(token);
        Instant now = clock.instant();
        if (e == null || e.generation() != accessTokenGeneration.get() || !now.isBefore(e.expiresAt())
                || !alive(e.session(), now)) {
            return null;
        }
        return e;
    }

    // ---- trust ----

    public void requireExternalId(String roleArn, String externalId) {
        trustRules.merge(roleArn, new TrustRule(externalId, null, false),
                (a, b) -> new TrustRule(externalId, a.allowedCallers(), a.denyAll()));
    }

    public void allowCallers(String roleArn, Set<String> callerRoleArns) {
        trustRules.merge(roleArn, new TrustRule(null, Set.copyOf(callerRoleArns), false),
                (a, b) -> new TrustRule(a.externalId(), Set.copyOf(callerRoleArns), a.denyAll()));
    }

    public void denyAssumeRole(String roleArn) {
        trustRules.merge(roleArn, new TrustRule(null, null, true),
                (a, b) -> new TrustRule(a.externalId(), a.allowedCallers(), true));
    }

    // ---- approvals ----

    /** Approves or denies a pending device authorization; false when the user code is unknown. */
    public boolean decideDevice(String userCode, boolean approve) {
        DeviceEntry d = userCode == null ? null : devicesByUserCode.get(userCode.trim().toUpperCase(java.util.Locale.ROOT));
        if (d == null) {
            return false;
        }
        synchronized (d) {
            if (d.status == DeviceStatus.PENDING) {
                d.status = approve ? DeviceStatus.APPROVED : DeviceStatus.DENIED;
            }
        }
        return true;
    }

    // ---- records ----

    void secret(String value) {
        if (value != null && !value.isEmpty()) {
            issuedSecrets.add(value);
        }
    }

    public Set<String> issuedSecrets() {
        return Set.copyOf(issuedSecrets);
    }

    Call record(Operation op, int status, String errorCode, Map<String, String> params) {
        Call c;
        synchronized (calls) {
            c = new Call(sequence.incrementAndGet(), clock.instant(), op, status, errorCode, params);
            counts.merge(op, 1, Integer::sum);
            if (recordCalls) {
                calls.add(c);
            }
        }
        java.util.function.Consumer<Call> listener = callListener;
        if (listener != null) {
            listener.accept(c);
        }
        return c;
    }

    public List<Call> calls(Predicate<Call> filter) {
        synchronized (calls) {
            List<Call> out = new ArrayList<>();
            for (Call c : calls) {
                if (filter.test(c)) {
                    out.add(c);
                }
            }
            return out;
        }
    }

    public void clearCalls() {
        synchronized (calls) {
            calls.clear();
            counts.clear();
        }
    }

    public Map<Operation, Integer> counts() {
        synchronized (calls) {
            return new EnumMap<>(counts);
        }
    }

    /** A stable, AWS-looking role id ({@code AROA} + 17 base-32 characters) derived from the role. */
    static String roleId(String accountId, String roleName) {
        byte[] digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((accountId + "/" + roleName).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder sb = new StringBuilder("AROA");
        for (int i = 0; i < 17; i++) {
            sb.append(alphabet.charAt(digest[i] & 31));
        }
        return sb.toString();
    }
}
