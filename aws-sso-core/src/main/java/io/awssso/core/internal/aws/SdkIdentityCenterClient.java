package io.awssso.core.internal.aws;

import io.awssso.api.Account;
import io.awssso.api.AccountId;
import io.awssso.api.AccountRole;
import io.awssso.api.ClientRegistration;
import io.awssso.api.IdentityCenterException;
import io.awssso.api.IdentityCenterException.Reason;
import io.awssso.api.Partition;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.api.SsoInstance;
import io.awssso.api.SsoToken;
import io.awssso.api.spi.AssumeRoleRequest;
import io.awssso.api.spi.ClientRegistrationRequest;
import io.awssso.api.spi.DeviceAuthorization;
import io.awssso.api.spi.IdentityCenterClient;
import io.awssso.api.spi.Page;
import io.awssso.api.spi.TokenGrant;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsResponse;
import software.amazon.awssdk.services.sso.model.ListAccountRolesResponse;
import software.amazon.awssdk.services.sso.model.ListAccountsResponse;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenRequest;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientRequest;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * {@link IdentityCenterClient} on the AWS SDK for Java v2 for one SSO instance.
 *
 * <p>Constructing one costs nothing: the SSO portal, SSO OIDC and STS clients, and the
 * URL-connection HTTP client they share, are built on first use, because the credential_process
 * path must not pay for clients it never calls. All three use the instance's {@code SSORegion};
 * the portal and OIDC calls are unsigned (anonymous credentials), STS is signed with the source role
 * credentials of each call. Without an explicit override the SDK resolves every endpoint itself.
 *
 * <p>Nothing here logs a request or response object: the SDK's {@code toString()} masks only the
 * members its models mark sensitive, and the device code, authorization code and STS session token
 * are not among them.
 */
final class SdkIdentityCenterClient implements IdentityCenterClient {
    private static final Logger LOG = LoggerFactory.getLogger(SdkIdentityCenterClient.class);

    /**
     * The SDK's SigV4 signer logs each canonical request, session token included, at DEBUG. Only
     * STS calls are signed (with role credentials), so that is where we warn.
     */
    static final String SDK_SIGNER_LOGGER =
            "software.amazon.awssdk.http.auth.aws.internal.signer.DefaultV4RequestSigner";

    /** The SDK's own first backoff step; kept when only the ceiling is tuned. */
    private static final Duration BASE_DELAY = Duration.ofMillis(100);
    /** The SDK's own first backoff step after a throttling error. */
    private static final Duration THROTTLED_BASE_DELAY = Duration.ofSeconds(1);

    private final SsoInstance instance;
    private final Region region;
    private final SdkClientOptions options;
    private final Clock clock;
    private final List<ExecutionInterceptor> extraInterceptors;

    private final EndpointRecorder ssoEndpoint = new EndpointRecorder();
    private final EndpointRecorder oidcEndpoint = new EndpointRecorder();
    private final EndpointRecorder stsEndpoint = new EndpointRecorder();

    private final Object lock = new Object();
    private SdkHttpClient http;
    private SsoClient sso;
    private SsoOidcClient oidc;
    private StsClient sts;
    private boolean closed;

    SdkIdentityCenterClient(SsoInstance instance, SdkClientOptions options, Clock clock,
            List<ExecutionInterceptor> extraInterceptors) {
        this.instance = Objects.requireNonNull(instance, "instance");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.extraInterceptors = List.copyOf(extraInterceptors);
        this.region = Region.of(instance.ssoRegion());
    }

    // ---- SSO OIDC -------------------------------------------------------------------------

    @Override
    public ClientRegistration registerClient(ClientRegistrationRequest request) {
        Objects.requireNonNull(request, "request");
        RegisterClientRequest.Builder b = RegisterClientRequest.builder()
                .clientName(request.clientName())
                .clientType("public");
        if (!request.grantTypes().isEmpty()) {
            b.grantTypes(request.grantTypes());
        }
        if (!request.scopes().isEmpty()) {
            b.scopes(request.scopes());
        }
        if (!request.redirectUris().isEmpty()) {
            b.redirectUris(request.redirectUris());
        }
        if (request.issuerUrl() != null) {
            b.issuerUrl(request.issuerUrl());
        }
        LOG.debug("SSO OIDC RegisterClient name={} grantTypes={} scopes={} region={}",
                request.clientName(), request.grantTypes(), request.scopes(), region);
        SdkErrors.Call call = oidcCall("RegisterClient", null);
        RegisterClientResponse r = call(call, () -> oidc().registerClient(b.build()));
        if (r.clientId() == null || r.clientSecret() == null || r.clientSecretExpiresAt() == null) {
            throw incomplete(call, "clientId, clientSecret and clientSecretExpiresAt");
        }
        // The service does not echo the grant types, so we keep the ones we asked for.
        ClientRegistration registration = new ClientRegistration(
                r.clientId(),
                r.clientSecret(),
                r.clientIdIssuedAt() == null ? null : Instant.ofEpochSecond(r.clientIdIssuedAt()),
                Instant.ofEpochSecond(r.clientSecretExpiresAt()),
                r.authorizationEndpoint(),
                r.tokenEndpoint(),
                request.grantTypes());
        LOG.debug("SSO OIDC registered client {} until {}", registration.clientId(),
                registration.secretExpiresAt());
        return registration;
    }

    @Override
    public DeviceAuthorization startDeviceAuthorization(ClientRegistration client, String startUrl) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(startUrl, "startUrl");
        LOG.debug("SSO OIDC StartDeviceAuthorization client={} startUrl={}", client.clientId(), startUrl);
        SdkErrors.Call call = oidcCall("StartDeviceAuthorization", null, client.clientSecret());
        StartDeviceAuthorizationResponse r = call(call, () -> oidc().startDeviceAuthorization(b -> b
                .clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .startUrl(startUrl)));
        if (r.deviceCode() == null || r.userCode() == null) {
            throw incomplete(call, "deviceCode and userCode");
        }
        DeviceAuthorization auth = new DeviceAuthorization(
                r.deviceCode(),
                r.userCode(),
                r.verificationUri(),
                r.verificationUriComplete(),
                r.expiresIn() == null ? null : Duration.ofSeconds(r.expiresIn()),
                r.interval() == null ? null : Duration.ofSeconds(r.interval()));
        LOG.debug("SSO OIDC device authorization {}", auth);
        return auth;
    }

    @Override
    public SsoToken createToken(ClientRegistration client, TokenGrant grant) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(grant, "grant");
        CreateTokenRequest.Builder b = CreateTokenRequest.builder()
                .clientId(client.clientId())
                .clientSecret(client.clientSecret());
        String grantSecret;
        String verifier = null;
        if (grant instanceof TokenGrant.DeviceCode) {
            TokenGrant.DeviceCode g = (TokenGrant.DeviceCode) grant;
            b.grantType(ClientRegistration.DEVICE_CODE).deviceCode(g.deviceCode());
            grantSecret = g.deviceCode();
        } else if (grant instanceof TokenGrant.AuthorizationCode) {
            TokenGrant.AuthorizationCode g = (TokenGrant.AuthorizationCode) grant;
            b.grantType(ClientRegistration.AUTHORIZATION_CODE)
                    .code(g.code())
                    .redirectUri(g.redirectUri())
                    .codeVerifier(g.codeVerifier());
            grantSecret = g.code();
            verifier = g.codeVerifier();
        } else {
            TokenGrant.RefreshToken g = (TokenGrant.RefreshToken) grant;
            b.grantType(ClientRegistration.REFRESH_TOKEN).refreshToken(g.refreshToken());
            grantSecret = g.refreshToken();
        }
        LOG.debug("SSO OIDC CreateToken client={} grant={}", client.clientId(), grant);
        SdkErrors.Call call = oidcCall("CreateToken", null, client.clientSecret(), grantSecret, verifier);
        CreateTokenResponse r = call(call, () -> oidc().createToken(b.build()));
        if (r.accessToken() == null) {
            throw incomplete(call, "accessToken");
        }
        Duration expiresIn = Duration.ofSeconds(r.expiresIn() == null ? 0 : r.expiresIn());
        SsoToken token = new SsoToken(r.accessToken(), r.tokenType(), expiresIn,
                clock.instant().plus(expiresIn), r.refreshToken(), r.idToken());
        LOG.debug("SSO OIDC token issued, expires at {}, refresh token {}", token.expiresAt(),
                token.refreshTokenIfAny().isPresent() ? "present" : "absent");
        return token;
    }

    // ---- SSO portal ------------------------------------------------------------------------

    @Override
    public Page<Account> listAccounts(SsoToken token, String nextToken, int maxResults) {
        Objects.requireNonNull(token, "token");
        requirePageSize(maxResults);
        LOG.debug("SSO ListAccounts maxResults={} continuing={}", maxResults, nextToken != null);
        SdkErrors.Call call = portalCall("ListAccounts", null, token);
        ListAccountsResponse r = call(call, () -> sso().listAccounts(b -> b
                .accessToken(token.accessToken())
                .nextToken(nextToken)
                .maxResults(maxResults)));
        List<Account> accounts = new ArrayList<>(r.accountList().size());
        for (AccountInfo a : r.accountList()) {
            accounts.add(new Account(accountId(call, a.accountId()), a.accountName(), a.emailAddress()));
        }
        LOG.debug("SSO ListAccounts returned {} accounts, more={}", accounts.size(), r.nextToken() != null);
        return new Page<>(accounts, r.nextToken());
    }

    @Override
    public Page<AccountRole> listAccountRoles(SsoToken token, AccountId account, String nextToken,
            int maxResults) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(account, "account");
        requirePageSize(maxResults);
        LOG.debug("SSO ListAccountRoles account={} maxResults={} continuing={}", account, maxResults,
                nextToken != null);
        SdkErrors.Call call = portalCall("ListAccountRoles", "account " + account.value(), token);
        ListAccountRolesResponse r = call(call, () -> sso().listAccountRoles(b -> b
                .accessToken(token.accessToken())
                .accountId(account.value())
                .nextToken(nextToken)
                .maxResults(maxResults)));
        List<AccountRole> roles = new ArrayList<>(r.roleList().size());
        for (RoleInfo role : r.roleList()) {
            AccountId id = role.accountId() == null ? account : accountId(call, role.accountId());
            if (role.roleName() == null || role.roleName().isBlank()) {
                throw incomplete(call, "roleName for every role");
            }
            roles.add(new AccountRole(id, role.roleName()));
        }
        LOG.debug("SSO ListAccountRoles account={} returned {} roles, more={}", account, roles.size(),
                r.nextToken() != null);
        return new Page<>(roles, r.nextToken());
    }

    @Override
    public RoleCredentials getRoleCredentials(SsoToken token, AccountId account, String roleName) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(roleName, "roleName");
        LOG.debug("SSO GetRoleCredentials account={} role={}", account, roleName);
        SdkErrors.Call call = portalCall("GetRoleCredentials",
                "role " + roleName + " in account " + account.value(), token);
        GetRoleCredentialsResponse r = call(call, () -> sso().getRoleCredentials(b -> b
                .accessToken(token.accessToken())
                .accountId(account.value())
                .roleName(roleName)));
        software.amazon.awssdk.services.sso.model.RoleCredentials c = r.roleCredentials();
        if (c == null || c.accessKeyId() == null || c.secretAccessKey() == null
                || c.sessionToken() == null || c.expiration() == null) {
            throw incomplete(call, "accessKeyId, secretAccessKey, sessionToken and expiration");
        }
        // The portal sends expiration in epoch milliseconds (OIDC uses seconds).
        RoleCredentials creds = new RoleCredentials(
                RoleArn.of(Partition.ofRegion(instance.ssoRegion()), account, roleName), c.accessKeyId(),
                c.secretAccessKey(), c.sessionToken(), Instant.ofEpochMilli(c.expiration()), false);
        LOG.debug("SSO credentials for {} expire at {}", creds.roleArn(), creds.expiration());
        return creds;
    }

    @Override
    public void logout(SsoToken token) {
        Objects.requireNonNull(token, "token");
        LOG.debug("SSO Logout instance={}", instance.name());
        SdkErrors.Call call = portalCall("Logout", null, token);
        call(call, () -> sso().logout(b -> b.accessToken(token.accessToken())));
    }

    // ---- STS -------------------------------------------------------------------------------

    @Override
    public RoleCredentials assumeRole(RoleCredentials source, AssumeRoleRequest request) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(request, "request");
        StaticCredentialsProvider sourceCredentials = StaticCredentialsProvider.create(
                AwsSessionCredentials.create(source.accessKeyId(), source.secretAccessKey(),
                        source.sessionToken()));
        software.amazon.awssdk.services.sts.model.AssumeRoleRequest.Builder b =
                software.amazon.awssdk.services.sts.model.AssumeRoleRequest.builder()
                        .roleArn(request.role().toString())
                        .roleSessionName(request.sessionName())
                        .overrideConfiguration(o -> o.credentialsProvider(sourceCredentials));
        // No DurationSeconds: a chained role session is capped at one hour and asking for more fails.
        if (request.externalId() != null) {
            b.externalId(request.externalId());
        }
        if (request.sourceIdentity() != null) {
            b.sourceIdentity(request.sourceIdentity());
        }
        LOG.debug("STS AssumeRole role={} from={} session={} externalId={} sourceIdentity={}",
                request.role(), source.roleArn(), request.sessionName(),
                request.externalId() == null ? "no" : "yes", request.sourceIdentity());
        SdkErrors.Call call = new SdkErrors.Call(AwsService.STS, "AssumeRole",
                "role " + request.role(), instance.name(), region.id(), null,
                source.secretAccessKey(), source.sessionToken());
        AssumeRoleResponse r = call(call, () -> sts().assumeRole(b.build()));
        Credentials c = r.credentials();
        if (c == null || c.accessKeyId() == null || c.secretAccessKey() == null
                || c.sessionToken() == null || c.expiration() == null) {
            throw incomplete(call, "AccessKeyId, SecretAccessKey, SessionToken and Expiration");
        }
        RoleCredentials creds = new RoleCredentials(request.role(),
                c.accessKeyId(), c.secretAccessKey(), c.sessionToken(), c.expiration(), true);
        LOG.debug("STS credentials for {} expire at {}", request.role(), creds.expiration());
        return creds;
    }

    @Override
    public String getCallerIdentity(String accessKeyId, String secretAccessKey, String sessionToken) {
        StaticCredentialsProvider caller = StaticCredentialsProvider.create(
                AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken));
        LOG.debug("STS GetCallerIdentity");
        SdkErrors.Call call = new SdkErrors.Call(AwsService.STS, "GetCallerIdentity", "the environment's credentials",
                instance.name(), region.id(), null, secretAccessKey, sessionToken);
        String arn = call(call, () -> sts().getCallerIdentity(b -> b.overrideConfiguration(
                o -> o.credentialsProvider(caller)))).arn();
        if (arn == null || arn.isEmpty()) {
            throw incomplete(call, "Arn");
        }
        return arn;
    }

    // ---- lifecycle -------------------------------------------------------------------------

    @Override
    public void close() {
        List<SdkAutoCloseable> created = new ArrayList<>(4);
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            // The SDK clients do not close an HTTP client handed to them, so it goes last.
            for (SdkAutoCloseable c : new SdkAutoCloseable[] {sso, oidc, sts, http}) {
                if (c != null) {
                    created.add(c);
                }
            }
            sso = null;
            oidc = null;
            sts = null;
            http = null;
        }
        for (SdkAutoCloseable c : created) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.debug("ignoring a failure to close {}: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** Which SDK clients exist so far; for tests of the lazy construction. */
    List<String> createdClients() {
        synchronized (lock) {
            List<String> names = new ArrayList<>(4);
            if (http != null) {
                names.add("http");
            }
            if (sso != null) {
                names.add("sso");
            }
            if (oidc != null) {
                names.add("ssooidc");
            }
            if (sts != null) {
                names.add("sts");
            }
            return names;
        }
    }

    private SsoClient sso() {
        synchronized (lock) {
            ensureOpen();
            if (sso == null) {
                sso = configure(SsoClient.builder(), options.ssoEndpoint(), ssoEndpoint).build();
            }
            return sso;
        }
    }

    private SsoOidcClient oidc() {
        synchronized (lock) {
            ensureOpen();
            if (oidc == null) {
                oidc = configure(SsoOidcClient.builder(), options.oidcEndpoint(), oidcEndpoint).build();
            }
            return oidc;
        }
    }

    private StsClient sts() {
        synchronized (lock) {
            ensureOpen();
            if (sts == null) {
                // Anonymous by default so that the ambient credential chain is never consulted;
                // every AssumeRole brings its source credentials with the request.
                sts = configure(StsClient.builder(), options.stsEndpoint(), stsEndpoint).build();
                if (LoggerFactory.getLogger(SDK_SIGNER_LOGGER).isDebugEnabled()) {
                    LOG.warn("logger {} is at DEBUG: the AWS SDK will log the session tokens it signs"
                            + " AssumeRole requests with; set it to INFO", SDK_SIGNER_LOGGER);
                }
            }
            return sts;
        }
    }

    /** Must hold {@link #lock}. */
    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder,
            URI endpointOverride, EndpointRecorder recorder) {
        if (http == null) {
            UrlConnectionHttpClient.Builder hb = UrlConnectionHttpClient.builder();
            if (options.connectTimeout() != null) {
                hb.connectionTimeout(options.connectTimeout());
            }
            if (options.socketTimeout() != null) {
                hb.socketTimeout(options.socketTimeout());
            }
            http = hb.build();
        }
        ClientOverrideConfiguration.Builder o = ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(recorder);
        extraInterceptors.forEach(o::addExecutionInterceptor);
        if (options.tunesRetries()) {
            o.retryStrategy(retryStrategy(options));
        }
        builder.region(region)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(http)
                .overrideConfiguration(o.build());
        if (endpointOverride != null) {
            builder.endpointOverride(endpointOverride);
        }
        return builder;
    }

    /**
     * The SDK's standard retry strategy tuned by {@code MaxRetry}/{@code MaxBackoff}, the way
     * aws-sso-cli tunes Go's standard retryer; it keeps the SDK's retry conditions and throttling
     * detection. Untuned, the SDK's own choice stands, including {@code AWS_RETRY_MODE} and
     * {@code AWS_MAX_ATTEMPTS}.
     */
    static RetryStrategy retryStrategy(SdkClientOptions options) {
        // A mode set next to a configurator is ignored by the SDK (it falls back to legacy), so the
        // standard strategy is built here.
        RetryStrategy.Builder<?, ?> b = AwsRetryStrategy.forRetryMode(RetryMode.STANDARD).toBuilder();
        if (options.maxAttempts() > 0) {
            b.maxAttempts(options.maxAttempts());
        }
        Duration maxBackoff = options.maxBackoff();
        if (maxBackoff != null) {
            b.backoffStrategy(BackoffStrategy.exponentialDelay(min(BASE_DELAY, maxBackoff), maxBackoff));
            b.throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(
                    min(THROTTLED_BASE_DELAY, maxBackoff), maxBackoff));
        }
        return b.build();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the Identity Center client of SSO instance '"
                    + instance.name() + "' is closed");
        }
    }

    private <T> T call(SdkErrors.Call call, Supplier<T> invocation) {
        try {
            return invocation.get();
        } catch (SdkException e) {
            SdkErrors.Call withEndpoint = new SdkErrors.Call(call.service(), call.operation(),
                    call.subject(), call.instance(), call.region(), recorder(call.service()).lastEndpoint(),
                    call.secrets());
            RuntimeException mapped = SdkErrors.map(withEndpoint, e);
            LOG.debug("{} {} failed: {}", call.service().displayName(), call.operation(), mapped.getMessage());
            throw mapped;
        }
    }

    private EndpointRecorder recorder(AwsService service) {
        switch (service) {
            case SSO:
                return ssoEndpoint;
            case OIDC:
                return oidcEndpoint;
            default:
                return stsEndpoint;
        }
    }

    private SdkErrors.Call oidcCall(String operation, String subject, String... secrets) {
        return new SdkErrors.Call(AwsService.OIDC, operation, subject, instance.name(), region.id(), null,
                secrets);
    }

    private SdkErrors.Call portalCall(String operation, String subject, SsoToken token) {
        return new SdkErrors.Call(AwsService.SSO, operation, subject, instance.name(), region.id(), null,
                token.accessToken(), token.refreshToken());
    }

    private static AccountId accountId(SdkErrors.Call call, String text) {
        try {
            // Always the string form: an id like 012345678901 must keep its leading zero.
            return AccountId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IdentityCenterException(Reason.OTHER, call.service().displayName() + " "
                    + call.operation() + " returned an invalid account id '" + text + "'", e);
        }
    }

    private static IdentityCenterException incomplete(SdkErrors.Call call, String what) {
        return new IdentityCenterException(Reason.OTHER, call.service().displayName() + " "
                + call.operation() + " answered without " + what);
    }

    private static void requirePageSize(int maxResults) {
        if (maxResults < 1 || maxResults > 100) {
            throw new IllegalArgumentException("maxResults must be between 1 and 100, got " + maxResults);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
