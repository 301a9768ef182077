package io.awssso.core.internal.login;

import io.awssso.api.AwsSsoException;
import io.awssso.api.ClientRegistration;
import io.awssso.api.IdentityCenterException;
import io.awssso.api.LoginRequiredException;
import io.awssso.api.RoleArn;
import io.awssso.api.SsoInstance;
import io.awssso.api.SsoToken;
import io.awssso.api.spi.ClientRegistrationRequest;
import io.awssso.api.spi.DeviceAuthorization;
import io.awssso.api.spi.IdentityCenterClient;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.StoredSecrets;
import io.awssso.api.spi.TokenGrant;
import io.awssso.core.internal.config.AuthWorkflow;
import io.awssso.core.internal.lock.FileMutex;
import io.awssso.core.internal.url.FirefoxContainer;
import io.awssso.core.internal.url.OpenableUrl;
import io.awssso.core.internal.url.UrlOpener;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs in to one IAM Identity Center instance and keeps its token usable: reuses a stored token
 * while valid, renews it silently with the refresh token, and otherwise asks for (or, with
 * AutoLogin, starts) an interactive login.
 *
 * <p>Renewals and logins run under the login lock ({@code <cfg>/login.lock}), so that when many
 * processes find the token expired at once, one renews it or logs in and the others wait and use
 * its token. The login lock is always taken before the secure store's lock, never while holding
 * it: a login can last minutes, and the store must stay readable meanwhile.
 */
public final class LoginService {
    private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);

    /** The client name we register with. */
    static final String CLIENT_NAME = "aws-sso-java";
    /** The scope that yields refresh tokens. */
    static final List<String> SCOPES = List.of("sso:account:access");
    /** Tokens count as expired this long before they really do. */
    static final Duration TOKEN_MARGIN = Duration.ofMinutes(1);
    /** Registrations are replaced this long before they expire. */
    static final Duration REGISTRATION_MARGIN = Duration.ofHours(1);
    /** How long the PKCE flow waits for the browser. */
    static final Duration PKCE_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);
    /** The login lock's file in the config directory. */
    public static final String LOGIN_LOCK_FILE = "login.lock";
    /**
     * How long a process waits for a login running in another one: the longest a login can take,
     * plus a minute. A PKCE login waits {@link #PKCE_TIMEOUT} (5 min) for the browser; a
     * device-code login lasts until its code expires ({@code expiresIn}: 10 min at IAM Identity
     * Center). Waiting longer would only hide a hung process.
     */
    static final Duration LOGIN_LOCK_WAIT = Duration.ofMinutes(11);

    private final IdentityCenterClient client;
    private final SecureStore store;
    private final Clock clock;
    private final Sleeper sleeper;
    private final UrlOpener opener;
    private final PrintStream user;
    private final AwsCliTokenCache cliCache;
    private final SecureRandom random;
    private final Map<String, String> env;
    private final Function<String, String> sysProps;
    private final FileMutex loginLock;

    /**
     * @param client the Identity Center client of the instance's region
     * @param store where registrations and tokens live
     * @param clock decides expiry
     * @param sleeper waits between device-code polls
     * @param opener hands URLs to the user
     * @param user where messages for the person go (stderr)
     * @param cliCache the AWS CLI token cache, used when an instance shares its session
     * @param random source of PKCE verifiers and states
     * @param env environment variables (for the authorize endpoint)
     * @param sysProps system properties lookup (for the authorize endpoint)
     * @param loginLock the cross-process login lock ({@link #loginLock(Path)})
     */
    public LoginService(IdentityCenterClient client, SecureStore store, Clock clock, Sleeper sleeper,
            UrlOpener opener, PrintStream user, AwsCliTokenCache cliCache, SecureRandom random,
            Map<String, String> env, Function<String, String> sysProps, FileMutex loginLock) {
        this.client = client;
        this.store = store;
        this.clock = clock;
        this.sleeper = sleeper;
        this.opener = opener;
        this.user = user;
        this.cliCache = cliCache;
        this.random = random;
        this.env = env;
        this.sysProps = sysProps;
        this.loginLock = loginLock;
    }

    /** The login lock of the config directory {@code configDirectory}. */
    public static FileMutex loginLock(Path configDirectory) {
        Path file = configDirectory.resolve(LOGIN_LOCK_FILE);
        return FileMutex.on(file, LOGIN_LOCK_WAIT, "the login lock", "finish or cancel the login there (`lsof "
                + file + "` shows which process it is), then try again");
    }

    /**
     * The result of {@link #login}.
     *
     * @param alreadyLoggedIn true when a valid token existed and nothing was done
     * @param expiresAt when the access token expires
     */
    public record Outcome(boolean alreadyLoggedIn, Instant expiresAt) {
    }

    /**
     * Logs in. Without {@code force}, a valid (or silently renewable) token is kept. With
     * {@code force}, the current session is ended first so that the new one gets a full lifetime.
     */
    @SuppressWarnings("try") // the lock is held for the whole block, not referenced in it
    public Outcome login(LoginSettings settings, boolean force) {
        String name = settings.instance().name();
        if (!force) {
            Optional<SsoToken> stored = storedValid(settings);
            if (stored.isPresent()) {
                return new Outcome(true, stored.get().expiresAt());
            }
        }
        try (FileMutex.Held held = awaitLoginLock()) {
            if (force) {
                endSession(settings);
            } else {
                Optional<SsoToken> usable = usableToken(settings);
                if (usable.isPresent()) {
                    return new Outcome(true, usable.get().expiresAt());
                }
            }
            SsoToken token = interactiveLogin(settings);
            LOG.info("logged in to SSO instance {}", name);
            return new Outcome(false, token.expiresAt());
        }
    }

    /**
     * A token that is valid now: the stored one, else a silently renewed one, else (with
     * AutoLogin) a new login.
     *
     * @throws LoginRequiredException when none of these works
     */
    @SuppressWarnings("try") // the lock is held for the whole block, not referenced in it
    public SsoToken validToken(LoginSettings settings) {
        Optional<SsoToken> stored = storedValid(settings);
        if (stored.isPresent()) {
            return stored.get();
        }
        try (FileMutex.Held held = awaitLoginLock()) {
            // a second look: another process may have renewed the token or logged in meanwhile
            Optional<SsoToken> usable = usableToken(settings);
            if (usable.isPresent()) {
                return usable.get();
            }
            if (settings.autoLogin()) {
                user.println("Your AWS SSO session has expired; starting a new login (AutoLogin is on).");
                return interactiveLogin(settings);
            }
            throw loginRequired(settings.instance());
        }
    }

    /**
     * Renews a token the portal has just rejected (it may have been revoked before its expiry).
     * Tries the refresh token once; never starts a browser login unless AutoLogin is on.
     */
    @SuppressWarnings("try") // the lock is held for the whole block, not referenced in it
    public SsoToken renewRejected(LoginSettings settings, SsoToken rejected) {
        Optional<SsoToken> meanwhile = renewedSince(settings, rejected);
        if (meanwhile.isPresent()) {
            return meanwhile.get();
        }
        try (FileMutex.Held held = awaitLoginLock()) {
            meanwhile = renewedSince(settings, rejected); // by the process we waited for
            if (meanwhile.isPresent()) {
                return meanwhile.get();
            }
            Optional<SsoToken> renewed = refresh(settings, rejected.accessToken());
            if (renewed.isPresent()) {
                return renewed.get();
            }
            if (settings.autoLogin()) {
                return interactiveLogin(settings);
            }
            throw loginRequired(settings.instance());
        }
    }

    /** The stored token when someone renewed it after {@code rejected} was refused. */
    private Optional<SsoToken> renewedSince(LoginSettings settings, SsoToken rejected) {
        return store.read().token(settings.instance().name())
                .filter(t -> !t.accessToken().equals(rejected.accessToken()) && !t.expiresWithin(TOKEN_MARGIN, clock));
    }

    /** The login lock; a wait of more than a moment is told to the person once. */
    private FileMutex.Held awaitLoginLock() {
        return loginLock.acquire(() -> user.println("Waiting for the AWS SSO login running in another"
                + " aws-sso process (" + loginLock.file() + ")..."));
    }

    /**
     * Ends the session: portal Logout (errors ignored: the session may be gone already), then
     * deletes the stored token, the AWS CLI token file when shared, and every stored role
     * credential {@code ofInstance} accepts.
     *
     * @return true when there was a token to log out
     */
    public boolean logout(LoginSettings settings, Predicate<RoleArn> ofInstance) {
        boolean had = endSession(settings);
        store.update(s -> {
            StoredSecrets out = s;
            for (RoleArn arn : s.roleCredentials().keySet()) {
                if (ofInstance.test(arn)) {
                    out = out.withCredentials(arn, null);
                }
            }
            return out;
        });
        return had;
    }

    private boolean endSession(LoginSettings settings) {
        String name = settings.instance().name();
        Optional<SsoToken> token = store.read().token(name);
        token.ifPresent(t -> {
            try {
                client.logout(t);
            } catch (AwsSsoException e) {
                LOG.debug("portal logout for {} failed ({}); deleting the token anyway", name,
                        e.getMessage());
            }
        });
        store.update(s -> s.withToken(name, null));
        settings.sharedSession().ifPresent(cliCache::delete);
        return token.isPresent();
    }

    /** The stored token while it is valid for more than {@link #TOKEN_MARGIN}. */
    private Optional<SsoToken> storedValid(LoginSettings settings) {
        return store.read().token(settings.instance().name()).filter(t -> !t.expiresWithin(TOKEN_MARGIN, clock));
    }

    /** The stored token when valid, else one renewed with the refresh token; call under the login lock. */
    private Optional<SsoToken> usableToken(LoginSettings settings) {
        Optional<SsoToken> stored = store.read().token(settings.instance().name());
        if (stored.isPresent() && !stored.get().expiresWithin(TOKEN_MARGIN, clock)) {
            return stored;
        }
        if (stored.isEmpty() || stored.get().refreshTokenIfAny().isEmpty()) {
            return Optional.empty();
        }
        return refresh(settings, stored.get().accessToken());
    }

    /**
     * Renews the token with its refresh token. The login lock already keeps other aws-sso
     * processes out; the check inside the store update also keeps out anything else that writes
     * the store. Returns empty when renewal is impossible.
     */
    private Optional<SsoToken> refresh(LoginSettings settings, String staleAccessToken) {
        String name = settings.instance().name();
        SsoToken[] result = new SsoToken[1];
        try {
            store.update(s -> {
                SsoToken current = s.token(name).orElse(null);
                ClientRegistration reg = s.registration(name).orElse(null);
                if (current == null || reg == null || reg.expiresWithin(Duration.ZERO, clock)
                        || current.refreshTokenIfAny().isEmpty()) {
                    return s;
                }
                if (!current.accessToken().equals(staleAccessToken)
                        && !current.expiresWithin(TOKEN_MARGIN, clock)) {
                    result[0] = current; // renewed meanwhile by another process
                    return s;
                }
                SsoToken renewed = current.renewedWith(client.createToken(reg,
                        new TokenGrant.RefreshToken(current.refreshToken())));
                result[0] = renewed;
                LOG.debug("renewed the SSO token of {} with its refresh token", name);
                return s.withToken(name, renewed);
            });
        } catch (IdentityCenterException | LoginRequiredException e) {
            LOG.debug("refreshing the SSO token of {} failed: {}", name, e.getMessage());
            return Optional.empty();
        }
        if (result[0] != null) {
            shareWithAwsCli(settings, result[0]);
        }
        return Optional.ofNullable(result[0]);
    }

    private SsoToken interactiveLogin(LoginSettings settings) {
        String name = settings.instance().name();
        SsoToken token = switch (settings.workflow()) {
            case PKCE -> pkceLogin(settings);
            case DEVICE_CODE -> deviceLogin(settings);
        };
        store.update(s -> s.withToken(name, token));
        shareWithAwsCli(settings, token);
        return token;
    }

    private SsoToken pkceLogin(LoginSettings settings) {
        SsoInstance instance = settings.instance();
        ClientRegistration reg = registration(settings, false);
        Pkce pkce = Pkce.create(random);
        try (LoopbackRedirectListener listener = LoopbackRedirectListener.start(pkce)) {
            String authorize = reg.authorizationEndpoint() != null && !reg.authorizationEndpoint().isBlank()
                    ? AuthorizeEndpoint.fromRegistration(OpenableUrl.require(reg.authorizationEndpoint(),
                            "the authorization endpoint of the client registration"))
                    : AuthorizeEndpoint.resolve(instance.ssoRegion(), env, sysProps);
            String url = authorize + "?response_type=code"
                    + "&client_id=" + enc(reg.clientId())
                    + "&redirect_uri=" + enc(listener.redirectUri())
                    + "&state=" + enc(pkce.state())
                    + "&code_challenge_method=S256"
                    + "&scopes=" + enc(String.join(" ", SCOPES))
                    + "&code_challenge=" + enc(pkce.challenge());
            opener.open(settings.urlAction(), url, loginContainer(instance));
            user.println("Waiting for the browser to complete the login...");
            String code = listener.awaitCode(PKCE_TIMEOUT);
            return client.createToken(reg, new TokenGrant.AuthorizationCode(code,
                    listener.redirectUri(), pkce.verifier()));
        }
    }

    private SsoToken deviceLogin(LoginSettings settings) {
        SsoInstance instance = settings.instance();
        ClientRegistration reg = registration(settings, false);
        DeviceAuthorization auth;
        try {
            auth = client.startDeviceAuthorization(reg, instance.startUrl());
        } catch (IdentityCenterException e) {
            if (e.reason() != IdentityCenterException.Reason.INVALID_CLIENT) {
                throw e;
            }
            reg = registration(settings, true);
            auth = client.startDeviceAuthorization(reg, instance.startUrl());
        }
        user.printf("%n\tVerify this code in your browser: %s%n%n", auth.userCode());
        String url = OpenableUrl.require(auth.verificationUriComplete() != null
                ? auth.verificationUriComplete() : auth.verificationUri(),
                "the verification URL Identity Center returned");
        opener.open(settings.urlAction(), url, loginContainer(instance));
        user.println("Waiting for SSO authentication...");
        Duration interval = auth.interval();
        Instant deadline = clock.instant().plus(auth.expiresIn());
        TokenGrant grant = new TokenGrant.DeviceCode(auth.deviceCode());
        while (true) {
            sleeper.sleep(interval);
            try {
                return client.createToken(reg, grant);
            } catch (IdentityCenterException e) {
                switch (e.reason()) {
                    case AUTHORIZATION_PENDING -> {
                        if (clock.instant().isAfter(deadline.plus(interval))) {
                            throw expired();
                        }
                    }
                    case SLOW_DOWN -> interval = interval.plus(SLOW_DOWN_STEP);
                    case EXPIRED_TOKEN -> throw expired();
                    case ACCESS_DENIED -> throw new AwsSsoException(
                            "the login was denied in the browser; run `aws-sso login` to try again");
                    default -> throw e;
                }
            }
        }
    }

    private static AwsSsoException expired() {
        return new AwsSsoException("the login request expired before it was approved;"
                + " run `aws-sso login` again");
    }

    /**
     * The stored registration when it is still good for this flow, else a new one. A
     * registration is replaced an hour before it expires, when it lacks this flow's grant, or when
     * it mixes grants (some Identity Center setups reject that).
     */
    private ClientRegistration registration(LoginSettings settings, boolean forceNew) {
        String name = settings.instance().name();
        AuthWorkflow flow = settings.workflow();
        if (!forceNew) {
            Optional<ClientRegistration> stored = store.read().registration(name);
            if (stored.isPresent() && !stored.get().expiresWithin(REGISTRATION_MARGIN, clock)
                    && stored.get().grantTypes().contains(grantType(flow))
                    && stored.get().grantTypes().size() <= 2) {
                return stored.get();
            }
        }
        List<String> redirects = flow == AuthWorkflow.PKCE
                ? List.of("http://127.0.0.1" + LoopbackRedirectListener.CALLBACK_PATH) : List.of();
        ClientRegistration reg = client.registerClient(new ClientRegistrationRequest(CLIENT_NAME,
                List.of(grantType(flow), ClientRegistration.REFRESH_TOKEN), SCOPES, redirects, settings.instance().startUrl()));
        store.update(s -> s.withRegistration(name, reg));
        LOG.debug("registered a new OIDC client for {} ({})", name, flow.configName());
        return reg;
    }

    /** The OAuth grant type a flow exchanges for its token. */
    static String grantType(AuthWorkflow flow) {
        return switch (flow) {
            case PKCE -> ClientRegistration.AUTHORIZATION_CODE;
            case DEVICE_CODE -> ClientRegistration.DEVICE_CODE;
        };
    }

    private void shareWithAwsCli(LoginSettings settings, SsoToken token) {
        settings.sharedSession().ifPresent(session -> store.read()
                .registration(settings.instance().name())
                .ifPresent(reg -> cliCache.write(session, settings.instance(), token, reg)));
    }

    private static FirefoxContainer loginContainer(SsoInstance instance) {
        return new FirefoxContainer(instance.name(), "blue", "fingerprint");
    }

    static LoginRequiredException loginRequired(SsoInstance instance) {
        return new LoginRequiredException("no valid AWS SSO session for instance '" + instance.name()
                + "': run `aws-sso login` first (or set AutoLogin: true)");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
