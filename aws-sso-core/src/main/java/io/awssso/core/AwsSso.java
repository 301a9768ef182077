package io.awssso.core;

import io.awssso.api.ConfigurationException;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.api.spi.IdentityCenterClientFactory;
import io.awssso.api.spi.ProfileNamerFactory;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.StoreContext;
import io.awssso.core.internal.di.CoreComponent;
import io.awssso.core.internal.di.CoreInputs;
import io.awssso.core.internal.env.Environment;
import io.awssso.core.internal.env.EnvironmentRole;
import io.awssso.core.internal.fastpath.StoredCredentialsReader;
import io.awssso.core.internal.login.Sleeper;
import io.awssso.core.internal.url.UrlOpener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The aws-sso engine for one SSO instance of the user's config: sign in to IAM Identity Center,
 * find the roles the user may assume, and hand out their credentials. Its work is grouped by
 * subject: {@link #session()}, {@link #roles()}, {@link #credentials()}, {@link #console()},
 * {@link #profiles()} and {@link #ecs()}.
 *
 * <pre>{@code
 * try (AwsSso sso = AwsSso.builder().build()) {
 *     sso.session().login(LoginOptions.defaults());
 *     for (CatalogRole role : sso.roles().list()) {
 *         System.out.println(role.profile());
 *     }
 * }
 * }</pre>
 *
 * <p>Errors are unchecked {@link io.awssso.api.AwsSsoException}s: a
 * {@link io.awssso.api.LoginRequiredException} when a call needs a session and there is none, a
 * {@link ConfigurationException} for an invalid config (with file, line and key), a
 * {@link io.awssso.api.RoleNotFoundException} for a role the user cannot reach, a
 * {@link io.awssso.api.StoreUnavailableException} when the secure store cannot be opened.
 *
 * <p>Nothing is read or opened until first needed: building is cheap, the config is read on the
 * first call, and the secure store (which may ask for a password) is opened only by calls that
 * need secrets.
 */
public final class AwsSso implements AutoCloseable {
    private final CoreComponent graph;

    private final Session session;
    private final Roles roles;
    private final Credentials credentials;
    private final Console console;
    private final Profiles profiles;
    private final Ecs ecs;

    private AwsSso(CoreComponent graph) {
        this.graph = graph;
        this.session = new Session(graph);
        this.roles = new Roles(graph);
        this.credentials = new Credentials(graph);
        this.console = new Console(graph);
        this.profiles = new Profiles(graph);
        this.ecs = new Ecs(graph);
    }

    /** A builder with the defaults: system environment and clock, config from the usual places. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks the configuration now, so that problems show before any other work.
     *
     * @return this engine
     * @throws ConfigurationException listing every problem with file, line and key
     */
    public AwsSso validate() {
        graph.instance();
        return this;
    }

    /**
     * The name of the selected SSO instance.
     *
     * @throws ConfigurationException when the config is invalid or names no such instance
     */
    public String instanceName() {
        return graph.instance().name();
    }

    /** The config file in use (it may not exist). */
    public Path configFile() {
        return graph.location().file();
    }

    /** Logging in and out, and the session's expiry. */
    public Session session() {
        return session;
    }

    /** The roles: the cache, lookups, listings, tags and History. */
    public Roles roles() {
        return roles;
    }

    /** Role credentials and the environment variables of a role. */
    public Credentials credentials() {
        return credentials;
    }

    /** AWS console sign-in URLs. */
    public Console console() {
        return console;
    }

    /** The instance's profiles in the AWS config file. */
    public Profiles profiles() {
        return profiles;
    }

    /** The ECS credentials server, its client, token and TLS pair. */
    public Ecs ecs() {
        return ecs;
    }

    /**
     * Credentials valid for more than {@code minValidity}: the stored ones when they last that
     * long, else fetched (for {@link AwsSsoCredentialsProvider}'s prefetch).
     */
    RoleCredentials credentialsValidFor(RoleArn arn, java.time.Duration minValidity) {
        return credentials.validFor(arn, minValidity);
    }

    /** The clock that decides expiry in this engine. */
    Clock engineClock() {
        return graph.inputs().clock();
    }

    /** The environment this engine reads (the process's, or the builder's). */
    Environment engineEnvironment() {
        return graph.inputs().env();
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

    /**
     * The role the variables name directly: {@code AWS_SSO_ROLE_ARN}, else
     * {@code AWS_SSO_ACCOUNT_ID} with {@code AWS_SSO_ROLE_NAME} (what
     * {@link Credentials#environment} sets). Empty values count as unset.
     *
     * @throws IllegalArgumentException when the ARN or account id is malformed, or only one of the
     *     account id and role name is set
     */
    public static Optional<RoleArn> roleNamedByEnvironment(Map<String, String> variables) {
        return EnvironmentRole.named(variable(variables));
    }

    static java.util.function.Function<String, Optional<String>> variable(Map<String, String> variables) {
        return k -> Optional.ofNullable(variables.get(k)).filter(v -> !v.isEmpty());
    }

    /** Releases the store and HTTP clients this engine opened. */
    @Override
    public void close() {
        graph.resources().close();
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
        private ProfileNamerFactory profileNamerFactory;

        private Builder() {
        }

        /** The config file; default {@code $AWS_SSO_CONFIG}, then {@code config.yaml} in the config directory. */
        public Builder configFile(String file) {
            // no lambdas in the setters the `process` fast path calls: see storedCredentialsWithoutEngine
            this.configFile = file == null || file.isBlank() ? Optional.empty() : Optional.of(file);
            return this;
        }

        /** The SSO instance (a key of {@code SSOConfig}); default {@code $AWS_SSO}, then {@code DefaultSSO}. */
        public Builder ssoInstance(String name) {
            this.ssoInstance = name == null || name.isBlank() ? Optional.empty() : Optional.of(name);
            return this;
        }

        /** The browser for the {@code open} URL action; default {@code Browser} from config. */
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

        /**
         * Names the roles that have no explicit {@code Profile}, from the config's
         * {@code ProfileFormat}, instead of the namer installed on the path (a
         * {@link ProfileNamerFactory} registered for {@link java.util.ServiceLoader}) or, without
         * one, the built-in Go template. Null goes back to that choice.
         */
        public Builder profileNamerFactory(ProfileNamerFactory factory) {
            this.profileNamerFactory = factory;
            return this;
        }

        /** Asks for the file store's password when {@code AWS_SSO_FILE_PASSWORD} is not set. */
        public Builder passwordPrompt(StoreContext.PasswordPrompt prompt) {
            this.passwordPrompt = prompt;
            return this;
        }

        /**
         * The stored credentials of a role when valid for more than a minute, read from config.yaml
         * and the {@code json} or {@code file} store (with {@code AWS_SSO_FILE_PASSWORD}) without
         * building the engine (no logging framework, no JSON
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

        /**
         * {@link #storedCredentialsWithoutEngine(RoleArn)} for the role a profile name stands for,
         * resolved from the role cache without building the engine. Empty also whenever the
         * catalog's answer could differ from the cache's as read here: an expired cache (the engine
         * refreshes it), a {@code ProfileFormat} other than the default or {@code Accounts} in
         * config for the instance (both shape profile names), a name that matches no role or several.
         */
        public Optional<RoleCredentials> storedProfileCredentialsWithoutEngine(String profile) {
            if (secureStore != null) {
                return Optional.empty();
            }
            Environment env = environment != null ? environment : Environment.system();
            return new StoredCredentialsReader(env, clock, userMessages).readProfile(configFile, ssoInstance, profile);
        }

        /** The engine. Reads nothing yet. */
        public AwsSso build() {
            Environment env = environment != null ? environment : Environment.system();
            return new AwsSso(CoreComponent.create(new CoreInputs(configFile, ssoInstance, browser,
                    env, clock, userMessages, secureStore, clientFactory, passwordPrompt,
                    Sleeper.system(), UrlOpener.processLauncher(), profileNamerFactory)));
        }
    }
}
