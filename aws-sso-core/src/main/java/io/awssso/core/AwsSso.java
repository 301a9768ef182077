package io.awssso.core;

import io.awssso.api.AccountId;
import io.awssso.api.AwsSsoException;
import io.awssso.api.CatalogRole;
import io.awssso.api.ConfigurationException;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCatalog;
import io.awssso.api.RoleCredentials;
import io.awssso.api.SsoToken;
import io.awssso.api.spi.IdentityCenterClientFactory;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.StoreContext;
import io.awssso.api.spi.StoredSecrets;
import io.awssso.core.internal.catalog.CatalogService;
import io.awssso.core.internal.catalog.RoleLister;
import io.awssso.core.internal.config.AwsSsoConfig;
import io.awssso.core.internal.config.SsoConfig;
import io.awssso.core.internal.config.UrlAction;
import io.awssso.core.internal.di.CoreComponent;
import io.awssso.core.internal.di.CoreInputs;
import io.awssso.core.internal.env.Environment;
import io.awssso.core.internal.fastpath.StoredCredentialsReader;
import io.awssso.core.internal.login.LoginService;
import io.awssso.core.internal.login.LoginSettings;
import io.awssso.core.internal.login.Sleeper;
import io.awssso.core.internal.url.UrlOpener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The aws-sso engine for one SSO instance: reads the config, logs in, keeps the session usable.
 *
 * <pre>{@code
 * try (AwsSso sso = AwsSso.builder().build()) {
 *     sso.login(LoginOptions.defaults());
 * }
 * }</pre>
 *
 * <p>Nothing is read or opened until first needed: building is cheap, the config is read on the
 * first call, and the secure store (which may ask for a password) is opened only by calls that
 * need secrets.
 */
public final class AwsSso implements AutoCloseable {
    private final CoreComponent graph;

    private AwsSso(CoreComponent graph) {
        this.graph = graph;
    }

    /** A builder with the defaults: system environment and clock, config from the usual places. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks the configuration now, so that problems show before any other work.
     *
     * @throws ConfigurationException listing every problem with file, line and key
     */
    public AwsSso validate() {
        graph.instance();
        return this;
    }

    /** The name of the selected SSO instance. */
    public String instanceName() {
        return graph.instance().name();
    }

    /** The config file in use (it may not exist). */
    public Path configFile() {
        return graph.location().file();
    }

    /**
     * Logs in to the selected instance, unless its session is still valid (or silently renewable)
     * and {@code force} is off.
     */
    public LoginResult login(LoginOptions options) {
        LoginSettings settings = loginSettings(options.urlAction());
        LoginService.Outcome o = graph.loginService().login(settings, options.force());
        return new LoginResult(settings.instance().name(), o.alreadyLoggedIn(), o.expiresAt());
    }

    /**
     * Ends the session: portal Logout, then deletes the stored token and the stored role
     * credentials of this instance.
     *
     * @return true when there was a session to end
     */
    public boolean logout() {
        boolean hadSession = graph.loginService().logout(loginSettings(Optional.empty()),
                credentialsOfInstance());
        graph.catalog().expireAllCredentials(); // the list's Expires column must not promise more
        return hadSession;
    }

    /**
     * When the stored access token expires, if there is one (it is renewed silently while the
     * Identity Center session lasts).
     */
    public Optional<Instant> sessionExpiresAt() {
        return graph.store().read().token(instanceName()).map(SsoToken::expiresAt);
    }

    /**
     * Starts the ECS credentials server ({@code aws-sso ecs server}). Unless the options give them or
     * disable them, the bearer token and the TLS pair come from the secure store.
     *
     * @throws AwsSsoException when the address cannot be bound
     * @throws ConfigurationException when the stored TLS pair is unusable
     */
    public EcsServer ecsServer(EcsServerOptions options) {
        EcsServerOptions.Builder b = EcsServerOptions.builder().bindAddress(options.bindAddress())
                .port(options.port()).disableAuth(options.disableAuth()).disableTls(options.disableTls())
                .clock(options.clock()).allowedHosts(options.allowedHosts());
        StoredSecrets stored = null;
        if (!options.disableAuth()) {
            if (options.bearerToken().isPresent()) {
                b.bearerToken(options.bearerToken().get());
            } else {
                stored = graph.store().read();
                b.bearerToken(stored.ecsBearerToken());
            }
        }
        if (!options.disableTls()) {
            if (options.certChainPem().isPresent()) {
                b.tls(options.certChainPem().get(), options.privateKeyPem().orElseThrow());
            } else {
                stored = stored != null ? stored : graph.store().read();
                if (stored.ecsCertChain() != null && stored.ecsPrivateKey() != null) {
                    b.tls(stored.ecsCertChain(), stored.ecsPrivateKey());
                }
            }
        }
        return EcsServer.start(b.build());
    }

    /**
     * A client for a running ECS server ({@code ecs load|unload|list|profile}), with the bearer
     * token and the certificate to trust from the secure store.
     *
     * @param server {@code host:port} ({@code --server}); null for {@code $AWS_SSO_ECS_SERVER}, then
     *     {@code localhost:4144}
     */
    public EcsClient ecsClient(String server) {
        String s = server != null && !server.isBlank() ? server
                : graph.inputs().env().get("AWS_SSO_ECS_SERVER").filter(v -> !v.isBlank())
                        .orElse(EcsClient.DEFAULT_SERVER);
        StoredSecrets stored = graph.store().read();
        return EcsClient.create(s, stored.ecsBearerToken(), stored.ecsCertChain());
    }

    /**
     * Stores the ECS server's bearer token ({@code setup ecs auth -t}), or deletes it when null
     * ({@code -d}). Clients send it as {@code Authorization: Bearer <token>}.
     *
     * @throws ConfigurationException when the token starts with {@code Bearer } or holds whitespace
     */
    public void setEcsBearerToken(String token) {
        if (token != null) {
            if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new ConfigurationException("give the token without the 'Bearer ' prefix");
            }
            if (token.isEmpty() || token.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
                throw new ConfigurationException("the ECS bearer token must be non-empty, without spaces or "
                        + "control characters");
            }
        }
        graph.store().update(s -> s.withEcsBearerToken(token));
    }

    /**
     * Stores the ECS server's TLS pair ({@code setup ecs ssl -c -k}; checked on construction), or
     * deletes it when null ({@code -d}).
     */
    public void setEcsTls(EcsServer.TlsPair pair) {
        graph.store().update(s -> pair == null ? s.withEcsTls(null, null)
                : s.withEcsTls(pair.privateKeyPem(), pair.certChainPem()));
    }

    /** The stored ECS server certificate chain ({@code setup ecs ssl -p}), if any. */
    public Optional<String> ecsCertificate() {
        return Optional.ofNullable(graph.store().read().ecsCertChain());
    }

    /**
     * The stored ECS bearer token, if any: {@code ecs docker start} hands it to the server in the
     * container, which cannot read the secure store.
     */
    public Optional<String> ecsBearerToken() {
        return Optional.ofNullable(graph.store().read().ecsBearerToken());
    }

    /**
     * The stored ECS TLS pair, if both halves are stored: {@code ecs docker start} hands it to the
     * server in the container, which cannot read the secure store.
     */
    public Optional<EcsServer.TlsPair> ecsTls() {
        StoredSecrets stored = graph.store().read();
        return stored.ecsCertChain() == null || stored.ecsPrivateKey() == null ? Optional.empty()
                : Optional.of(new EcsServer.TlsPair(stored.ecsCertChain(), stored.ecsPrivateKey()));
    }

    // ------------------------------------------------------------------ role catalog

    /** The role catalog of the selected instance (cache.json, refreshed when expired). */
    public RoleCatalog catalog() {
        return graph.catalog();
    }

    /** True when the role cache must be refreshed (age over CacheRefresh hours, or config changed). */
    public boolean catalogExpired() {
        return graph.catalog().expired();
    }

    /**
     * True when the {@code cache} command should bring {@code ~/.aws/config} up to date after roles
     * changed: {@code AutoConfigCheck: true} and a positive {@code CacheRefresh}.
     */
    public boolean autoConfigCheck() {
        AwsSsoConfig config = graph.config();
        return config.autoConfigCheck() && config.cacheRefreshHours() > 0;
    }

    /**
     * Refreshes the role cache now (the {@code cache} command), whatever its age. When any account
     * fails, the previous cache is kept and the exception names the accounts.
     *
     * @param threads workers for ListAccountRoles ({@code --threads}); 0 or less uses {@code Threads}
     * @param listener hears the progress (may be {@link RefreshListener#NONE})
     * @throws io.awssso.api.LoginRequiredException when there is no usable SSO token
     */
    public RefreshResult refreshCatalog(int threads, RefreshListener listener) {
        int n = threads > 0 ? threads : graph.config().threads();
        return result(graph.catalog().refresh(n, Objects.requireNonNull(listener, "listener")));
    }

    /**
     * Every role assigned to the user, asked of IAM Identity Center now (ListAccounts, then
     * ListAccountRoles per account), in the order it lists them; the cache is neither read nor
     * written ({@code list-sso-roles}).
     *
     * @throws io.awssso.api.LoginRequiredException when there is no usable SSO token
     */
    public List<PortalRole> portalRoles() {
        List<PortalRole> out = new java.util.ArrayList<>();
        graph.catalog().fetchAssignments(graph.config().threads()).forEach((account, roles) ->
                roles.forEach(r -> out.add(new PortalRole(account.id(),
                        account.name() == null ? "" : account.name(), r))));
        return List.copyOf(out);
    }

    /**
     * Refreshes the role cache when it has expired and no refresh ran yet in this engine (the
     * default command, {@code tags}, {@code login}, {@code setup profiles}).
     *
     * @return what the refresh did, or empty when the cache was current
     */
    public Optional<RefreshResult> refreshCatalogIfExpired(RefreshListener listener) {
        return graph.catalog().refreshIfExpired(Objects.requireNonNull(listener, "listener"))
                .map(this::result);
    }

    /**
     * What the interactive role selector needs from the config: {@code FirstTag},
     * {@code FullTextSearch} and {@code AccountPrimaryTag}. The roles and their tags come from
     * {@link #catalog()}.
     */
    public SelectorSettings selectorSettings() {
        AwsSsoConfig config = graph.config();
        return new SelectorSettings(config.firstTag(), config.fullTextSearch(), config.accountPrimaryTag());
    }

    /**
     * {@code PromptColors}: every go-prompt colour key of the selector with its colour name
     * ({@code Cyan}, {@code DarkGrey}, ...), the config's where given, else aws-sso-cli's default.
     */
    public Map<String, String> promptColors() {
        return graph.config().promptColors();
    }

    /** {@code Agent}: whether {@code process} may start and use the per-user agent (default true). */
    public boolean agentEnabled() {
        return graph.config().agent();
    }

    /** {@code AutoLogin}: whether a command that needs a login starts one instead of failing. */
    public boolean autoLogin() {
        return graph.config().autoLogin();
    }

    /** {@code AgentIdleTimeout}: how long the agent waits for a request before it exits (default 1 h). */
    public java.time.Duration agentIdleTimeout() {
        return graph.config().agentIdleTimeout();
    }

    /** Every valid {@code list} field with its description ({@code list --list-fields}). */
    public Map<String, String> listFields() {
        return RoleLister.FIELDS;
    }

    /**
     * The {@code list} table from the cache, without refreshing (an expired cache only sets
     * {@link RoleListing#cacheExpired()}).
     *
     * @throws IllegalArgumentException for an unknown field ({@code unsupported field: 'X'}) or a
     *     prefix on Expires, ExpiresEpoch or Tags
     */
    public RoleListing list(ListQuery query) {
        List<String> fields = query.fields().isEmpty() ? graph.config().listFields() : query.fields();
        CatalogService catalog = graph.catalog();
        List<List<String>> rows = RoleLister.rows(catalog.cachedRoles(), fields, query.sortBy(),
                query.reverse(), query.prefixField(), query.prefix(), clock().instant());
        Optional<Instant> session;
        try {
            session = sessionExpiresAt();
        } catch (AwsSsoException e) {
            session = Optional.empty();
        }
        return new RoleListing(catalog.ssoName(), session, catalog.expired(), fields, rows);
    }

    /**
     * Every role's tags ({@code tags}), filtered by account and role name when given, sorted by
     * ARN. Refreshes the cache first when it has expired.
     */
    public List<RoleTags> tags(Optional<AccountId> account, Optional<String> roleName) {
        List<RoleTags> out = new java.util.ArrayList<>();
        for (CatalogRole r : catalog().roles()) {
            if (account.map(a -> a.equals(r.arn().accountId())).orElse(true)
                    && roleName.map(n -> n.equals(r.arn().roleName())).orElse(true)) {
                out.add(new RoleTags(r.arn(), new java.util.TreeMap<>(r.tags())));
            }
        }
        out.sort(java.util.Comparator.comparing(RoleTags::arn));
        return out;
    }

    /**
     * Records that a role was used ({@code exec}, {@code console}, {@code ecs load}): first in
     * History, trimmed to HistoryLimit, tagged {@code History}. Does nothing with HistoryLimit 0.
     *
     * @throws io.awssso.api.RoleNotFoundException when the role is not cached
     */
    public void recordHistory(RoleArn arn) {
        graph.catalog().recordUse(arn);
    }

    // ------------------------------------------------------------------ credentials

    /**
     * The role a profile name stands for ({@code -p/--profile}), from the role cache (refreshed
     * first when it has expired).
     *
     * @throws io.awssso.api.RoleNotFoundException "Invalid --profile X" when no role has that name
     */
    public RoleArn roleByProfile(String profile) {
        if (profile == null || profile.isBlank()) {
            throw new IllegalArgumentException("profile name is missing");
        }
        try {
            return graph.catalog().roleByProfile(profile).arn();
        } catch (io.awssso.api.RoleNotFoundException e) {
            throw new io.awssso.api.RoleNotFoundException("Invalid --profile " + profile + ": " + e.getMessage());
        }
    }

    /**
     * The role an {@code -a/--arn} value names: {@code arn:aws:iam::<account>:role/<name>} or the
     * short {@code <account>:<name>}. Account ids are read in base 10 (leading zeros kept).
     *
     * @throws IllegalArgumentException when the text is neither form
     */
    public static RoleArn roleByArn(String arn) {
        return RoleArn.parse(arn);
    }

    /**
     * The role {@code -A/--account} and {@code -R/--role} name; the account id is read in base 10
     * and padded to 12 digits ({@code 0123} is account 000000000123, never octal).
     *
     * @throws IllegalArgumentException when the account id is not up to 12 decimal digits
     */
    public static RoleArn roleByAccount(String accountId, String roleName) {
        return RoleArn.of(AccountId.parse(accountId), roleName);
    }

    /**
     * Role credentials: the stored ones while valid for more than a minute, else fetched
     * (GetRoleCredentials, or AssumeRole along the {@code Via} chain) and stored. The fetch runs
     * under the secure store's cross-process lock after a second look at the store, so concurrent
     * processes asking for the same role make one call.
     *
     * @param stsRefresh {@code --sts-refresh}: fetch even when the stored ones are valid
     * @throws io.awssso.api.LoginRequiredException when a fetch needs a token and there is none
     *     (and AutoLogin is off)
     * @throws ConfigurationException when the {@code Via} chain loops
     */
    public RoleCredentials credentials(RoleArn arn, boolean stsRefresh) {
        return graph.credentials().credentials(Objects.requireNonNull(arn, "arn"), stsRefresh,
                io.awssso.core.internal.credentials.CredentialService.MARGIN);
    }

    /**
     * The stored credentials of a role when valid for more than a minute; reads the config and the
     * store only (no SDK client, no role cache, no template engine), for the {@code process} fast
     * path.
     */
    public Optional<RoleCredentials> cachedCredentials(RoleArn arn) {
        return graph.credentials().cached(Objects.requireNonNull(arn, "arn"));
    }

    /**
     * Credentials valid for more than {@code minValidity}: the stored ones when they last that
     * long, else fetched (for {@link AwsSsoCredentialsProvider}'s prefetch).
     */
    RoleCredentials credentialsValidFor(RoleArn arn, java.time.Duration minValidity) {
        return graph.credentials().credentials(arn, false, minValidity);
    }

    /** The clock that decides expiry in this engine. */
    Clock engineClock() {
        return graph.inputs().clock();
    }

    /** This engine's credentials as the API's {@link io.awssso.api.CredentialProvider}. */
    public io.awssso.api.CredentialProvider credentialProvider() {
        return graph.credentials();
    }

    /**
     * The variables {@code exec} and {@code eval} set for a role (reference 4.1): credentials, the
     * {@code AWS_SSO_*} variables, {@code AWS_SSO_TAG_*} for {@code EnvVarTags}, and the region
     * variables by the FAQ's rules, judged against this engine's environment: the region is set
     * when the variables are unset or hold what aws-sso set last ({@code AWS_SSO_DEFAULT_REGION}),
     * or always with {@code overwriteRegion}; never with {@code noRegion}. Whenever it is not set
     * (no region configured, the user's own, {@code noRegion}) {@code AWS_SSO_DEFAULT_REGION} is
     * unset, as aws-sso-cli does: the tool no longer manages the region.
     */
    public RoleEnvironment roleEnvironment(RoleCredentials credentials, boolean noRegion,
            boolean overwriteRegion) {
        RoleArn arn = credentials.roleArn();
        CatalogRole role = null;
        try {
            role = graph.catalog().role(arn);
        } catch (io.awssso.api.RoleNotFoundException e) {
            // a role outside the cache still gets its credentials; it has no profile name or tags
        }
        AwsSsoConfig config = graph.config();
        String region = config.effectiveRegion(graph.instance(), arn.accountId(), arn.roleName());
        io.awssso.core.internal.credentials.RoleVariables.Change c =
                io.awssso.core.internal.credentials.RoleVariables.forRole(credentials, instanceName(),
                        role == null ? "" : role.profile(), role == null ? Map.of() : role.tags(),
                        config.envVarTags(),
                        new io.awssso.core.internal.credentials.RoleVariables.RegionRule(region, noRegion,
                                overwriteRegion),
                        graph.inputs().env().variables());
        return new RoleEnvironment(c.set(), c.unset());
    }

    /** The variables {@code eval --clear} removes (the region ones only when aws-sso set them). */
    public RoleEnvironment clearedEnvironment() {
        return clearedEnvironment(false);
    }

    /**
     * The variables {@code eval --clear} removes, as aws-sso-cli decides them: the role's, the
     * {@code EnvVarTags} ones, and {@code AWS_DEFAULT_REGION}, {@code AWS_REGION} and
     * {@code AWS_SSO_DEFAULT_REGION} when the region is the tool's (including when none is set);
     * with {@code noRegion} ({@code --no-region}) at most the shadow copy
     * {@code AWS_SSO_DEFAULT_REGION}, and only when a region variable differs from it.
     *
     * @param noRegion leave the region itself alone
     * @return the variables to unset
     */
    public RoleEnvironment clearedEnvironment(boolean noRegion) {
        io.awssso.core.internal.credentials.RoleVariables.Change c =
                io.awssso.core.internal.credentials.RoleVariables.clear(graph.config().envVarTags(),
                        noRegion, graph.inputs().env().variables());
        return new RoleEnvironment(c.set(), c.unset());
    }

    // ------------------------------------------------------------------ console and profiles

    /**
     * The variable that points the console sign-in at another federation endpoint (a full
     * {@code .../federation} URL): the endpoint has no AWS SDK endpoint setting, so tests and
     * private endpoints need this one.
     */
    public static final String FEDERATION_URL_VARIABLE =
            io.awssso.core.internal.console.ConsoleService.FEDERATION_URL_VARIABLE;

    /**
     * A console sign-in URL for a role (reference 9.1): its credentials (stored, or fetched),
     * a sign-in token from the federation endpoint (with {@code SessionDuration} unless the
     * credentials are role-chained), then the login URL with the start URL as issuer and the
     * console of the region as destination. Opens nothing and records nothing.
     *
     * @throws IllegalArgumentException when the duration is outside 15 to 720 minutes
     * @throws AwsSsoException when the federation endpoint refuses
     */
    public ConsoleSignIn consoleSignIn(RoleArn arn, ConsoleOptions options) {
        return graph.console().signIn(arn, options);
    }

    /**
     * {@link #consoleSignIn} for a role, then the URL handed to the user by the URL action (a
     * Firefox container named after the role's profile, coloured by its {@code Color} and
     * {@code Icon} tags), and the role recorded in History.
     */
    public ConsoleSignIn openConsole(RoleArn arn, ConsoleOptions options) {
        return graph.console().open(arn, options);
    }

    /**
     * Whether {@link #openConsoleFromEnvironment} finds a role in these variables: credentials
     * ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN}) or
     * {@code AWS_PROFILE}.
     */
    public static boolean environmentSelectsConsoleRole(Map<String, String> variables) {
        Predicate<String> set = k -> variables.get(k) != null && !variables.get(k).isEmpty();
        return set.test("AWS_PROFILE") || (set.test("AWS_ACCESS_KEY_ID") && set.test("AWS_SECRET_ACCESS_KEY")
                && set.test("AWS_SESSION_TOKEN"));
    }

    /**
     * {@link #openConsole} for the role of the session's environment, as {@code console} without a
     * selector (reference 1.3): the credentials in {@code AWS_ACCESS_KEY_ID},
     * {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN} (the role found with
     * sts:GetCallerIdentity; they are used as they are), else {@code AWS_PROFILE} naming a cached
     * profile.
     *
     * @throws io.awssso.api.RoleNotFoundException when {@code AWS_PROFILE} names no cached role
     * @throws IllegalArgumentException when the environment selects no role
     */
    public ConsoleSignIn openConsoleFromEnvironment(ConsoleOptions options) {
        return graph.console().openFromEnvironment(options);
    }

    /**
     * What {@code setup profiles} would write (reference 1.3): the managed block of this instance
     * (refreshing the role cache first when it has expired) merged into the AWS config file, with
     * a unified diff. Nothing is written.
     *
     * @param awsConfigFile the file ({@code --aws-config}); empty for {@code $AWS_CONFIG_FILE},
     *     then {@code ~/.aws/config}
     * @param runningProgram the path of the launcher running this process, used in
     *     {@code credential_process} unless {@code ConfigProfilesBinaryPath} is set; empty for
     *     plain {@code aws-sso} from the PATH (with a warning)
     * @throws ConfigurationException for duplicate profile names or damaged markers in the file
     */
    public ProfilesUpdate profilesUpdate(Optional<Path> awsConfigFile, Optional<String> runningProgram) {
        return graph.profiles().plan(awsConfigFile, runningProgram);
    }

    /**
     * Writes a {@link #profilesUpdate} (temporary file, fsync, rename; a new file 0600, an existing
     * one keeps its mode), unless it changes nothing.
     *
     * @throws AwsSsoException when the file changed since the update was made, or cannot be written
     */
    public void writeProfiles(ProfilesUpdate update) {
        graph.profiles().write(update);
    }

    private RefreshResult result(CatalogService.RefreshOutcome o) {
        return new RefreshResult(graph.catalog().ssoName(), new java.util.TreeSet<>(o.added()),
                new java.util.TreeSet<>(o.removed()), o.accounts(), o.roles(), o.throttled(), o.elapsed());
    }

    private Clock clock() {
        return graph.inputs().clock();
    }

    /** Releases the store and HTTP clients this engine opened. */
    @Override
    public void close() {
        graph.resources().close();
    }

    private LoginSettings loginSettings(Optional<String> urlActionFlag) {
        AwsSsoConfig config = graph.config();
        SsoConfig instance = graph.instance();
        UrlAction action = urlActionFlag
                .map(a -> UrlAction.fromConfigName(a).orElseThrow(() -> new ConfigurationException(
                        "unknown URL action '" + a + "'; valid actions: " + UrlAction.names())))
                .orElse(instance.authUrlAction());
        return new LoginSettings(instance.toSsoInstance(), config.authWorkflow(), action,
                config.autoLogin(), instance.awsCliSsoSession().orElse(null));
    }

    /**
     * Which stored role credentials belong to this instance: all of them with one instance;
     * with several, those of the roles in this instance's cache and of the accounts its config
     * names.
     */
    private Predicate<RoleArn> credentialsOfInstance() {
        AwsSsoConfig config = graph.config();
        if (config.ssoConfig().size() <= 1) {
            return arn -> true;
        }
        Set<RoleArn> cached = new java.util.HashSet<>();
        graph.catalog().cachedRoles().forEach(r -> cached.add(r.arn()));
        Set<AccountId> configured = graph.instance().accounts().keySet();
        return arn -> cached.contains(arn) || configured.contains(arn.accountId());
    }

    /** Builds an {@link AwsSso}. Every setting is optional. */
    public static final class Builder {
        private Optional<String> configFile = Optional.empty();
        private Optional<String> ssoInstance = Optional.empty();
        private Optional<String> browser = Optional.empty();
        private Environment environment;
        private Clock clock = Clock.systemUTC();
        private PrintStream userMessages = System.err;
        private SecureStore secureStore;
        private IdentityCenterClientFactory clientFactory;
        private StoreContext.PasswordPrompt passwordPrompt;

        private Builder() {
        }

        /** The config file ({@code --config}); default {@code $AWS_SSO_CONFIG}, then the config directory. */
        public Builder configFile(String file) {
            // no lambdas in the setters the `process` fast path calls: see storedCredentialsWithoutEngine
            this.configFile = file == null || file.isBlank() ? Optional.empty() : Optional.of(file);
            return this;
        }

        /** The SSO instance ({@code -S}); default {@code $AWS_SSO}, then {@code DefaultSSO}. */
        public Builder ssoInstance(String name) {
            this.ssoInstance = name == null || name.isBlank() ? Optional.empty() : Optional.of(name);
            return this;
        }

        /** The browser for the {@code open} URL action ({@code -b}); default {@code Browser} from config. */
        public Builder browser(String path) {
            this.browser = Optional.ofNullable(path).filter(b -> !b.isBlank());
            return this;
        }

        /**
         * The environment variables and home directory to use instead of the process's own
         * (for tests and for embedding in servers).
         */
        public Builder environment(Map<String, String> variables, Path home) {
            this.environment = Environment.of(Objects.requireNonNull(variables, "variables"),
                    Objects.requireNonNull(home, "home"), System.getProperty("os.name", ""));
            return this;
        }

        /** The clock that decides expiry; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where messages for the person go (codes to enter, URLs to open); default stderr. */
        public Builder userMessages(PrintStream stream) {
            this.userMessages = Objects.requireNonNull(stream, "stream");
            return this;
        }

        /** A store to use instead of the one config names. */
        public Builder secureStore(SecureStore store) {
            this.secureStore = store;
            return this;
        }

        /** The way to reach Identity Center; default the AWS SDK for Java v2 clients. */
        public Builder identityCenterClientFactory(IdentityCenterClientFactory factory) {
            this.clientFactory = factory;
            return this;
        }

        /** Asks for the file store's password when {@code AWS_SSO_FILE_PASSWORD} is not set. */
        public Builder passwordPrompt(StoreContext.PasswordPrompt prompt) {
            this.passwordPrompt = prompt;
            return this;
        }

        /**
         * The stored credentials of a role when valid for more than a minute, read from config.yaml
         * and the {@code json} store without building the engine (no logging framework, no JSON
         * data binding, no SDK): the start-up-bound cache hit of {@code aws-sso process}, which
         * every AWS SDK call through {@code credential_process} may pay for. It honours this
         * builder's config file, instance, environment, clock and message stream, as the engine
         * would.
         *
         * <p>Empty means "build the engine and ask it", not "none stored": the config names another
         * store (or this builder has one), nothing valid is stored, or either file holds something
         * only the engine's full reading judges. Config keys that choosing the store does not need
         * are not checked here; the engine reports their problems on any command that reads them.
         */
        public Optional<RoleCredentials> storedCredentialsWithoutEngine(RoleArn arn) {
            Objects.requireNonNull(arn, "arn");
            if (secureStore != null) {
                return Optional.empty();
            }
            Environment env = environment != null ? environment : Environment.system();
            return new StoredCredentialsReader(env, clock, userMessages).read(configFile, ssoInstance, arn);
        }

        /** The engine. Reads nothing yet. */
        public AwsSso build() {
            Environment env = environment != null ? environment : Environment.system();
            return new AwsSso(CoreComponent.create(new CoreInputs(configFile, ssoInstance, browser,
                    env, clock, userMessages, secureStore, clientFactory, passwordPrompt,
                    Sleeper.system(), UrlOpener.processLauncher())));
        }
    }
}
