package io.awssso.core.internal.di;

import dagger.Module;
import dagger.Provides;
import io.awssso.api.spi.IdentityCenterClient;
import io.awssso.api.spi.IdentityCenterClientFactory;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.StoreContext;
import io.awssso.core.internal.aws.SdkClientOptions;
import io.awssso.core.internal.aws.SdkIdentityCenterClientFactory;
import io.awssso.core.internal.catalog.CatalogService;
import io.awssso.core.internal.config.AwsSsoConfig;
import io.awssso.core.internal.config.ConfigLoader;
import io.awssso.core.internal.config.ConfigLocation;
import io.awssso.core.internal.config.SsoConfig;
import io.awssso.core.internal.credentials.CredentialService;
import io.awssso.core.internal.lock.CrossProcessFileLocks;
import io.awssso.core.internal.login.AwsCliTokenCache;
import io.awssso.core.internal.naming.ProfileNamerFactories;
import io.awssso.core.internal.login.LoginService;
import io.awssso.core.internal.login.LoginSettings;
import io.awssso.core.internal.store.SecureStores;
import io.awssso.core.internal.url.UrlOpener;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;

/** How the engine's parts are made. Everything is created on first use. */
@Module
final class CoreModule {
    private CoreModule() {
    }

    @Provides
    @Singleton
    static ConfigLocation location(CoreInputs in) {
        return ConfigLocation.resolve(in.configFlag(), in.env());
    }

    @Provides
    @Singleton
    static AwsSsoConfig config(ConfigLocation location, CoreInputs in) {
        return ConfigLoader.load(location, in.env());
    }

    @Provides
    @Singleton
    static SsoConfig instance(AwsSsoConfig config, CoreInputs in) {
        return config.selectInstance(in.ssoFlag(), in.env());
    }

    @Provides
    @Singleton
    static SecureStore store(AwsSsoConfig config, ConfigLocation location, CoreInputs in,
            Resources resources) {
        if (in.storeOverride() != null) {
            return in.storeOverride();
        }
        Map<String, String> options = new java.util.HashMap<>(Map.of("JsonStore", config.jsonStore().toString(),
                "SecretServiceCollection", config.secretServiceCollection(),
                "OnePassword.AuthType", config.onePassword().authType()));
        config.onePassword().vault().ifPresent(v -> options.put("OnePassword.Vault", v));
        config.onePassword().account().ifPresent(a -> options.put("OnePassword.Account", a));
        StoreContext context = new StoreContext(location.directory(), options, in.env().variables(),
                in.passwordPrompt(), new CrossProcessFileLocks());
        return resources.register(SecureStores.installed().open(config.secureStore(), context));
    }

    @Provides
    @Singleton
    static IdentityCenterClient client(AwsSsoConfig config, SsoConfig instance, CoreInputs in,
            Resources resources) {
        IdentityCenterClientFactory factory = in.clientFactoryOverride() != null
                ? in.clientFactoryOverride()
                : new SdkIdentityCenterClientFactory(SdkClientOptions.defaults().withRetries(
                        config.maxRetry(), Duration.ofSeconds(config.maxBackoffSeconds())), in.clock());
        return resources.register(factory.create(instance.toSsoInstance()));
    }

    @Provides
    @Singleton
    static UrlOpener urlOpener(AwsSsoConfig config, CoreInputs in) {
        return new UrlOpener(in.user(), in.browserFlag().or(config::browser).orElse(null),
                config.urlExecCommand(), in.env().osName(), in.env().variables(), in.launcher());
    }

    @Provides
    @Singleton
    static LoginService loginService(IdentityCenterClient client, SecureStore store, UrlOpener opener,
            ConfigLocation location, CoreInputs in) {
        return new LoginService(client, store, in.clock(), in.sleeper(), opener, in.user(),
                new AwsCliTokenCache(in.env().home()), new SecureRandom(), in.env().variables(),
                System::getProperty, LoginService.loginLock(location.directory()));
    }

    /**
     * The role catalog. Its fan-out gets a client of its own with the SDK's retries off, so that
     * the catalog's rate limiter and retry policy alone decide when to call again.
     */
    @Provides
    @Singleton
    static CatalogService catalog(AwsSsoConfig config, SsoConfig instance, ConfigLocation location,
            LoginService login, CoreInputs in, Resources resources) {
        IdentityCenterClientFactory factory = in.clientFactoryOverride() != null
                ? in.clientFactoryOverride()
                : new SdkIdentityCenterClientFactory(SdkClientOptions.defaults().withRetries(1, null),
                        in.clock());
        IdentityCenterClient client = resources.register(factory.create(instance.toSsoInstance()));
        LoginSettings settings = new LoginSettings(instance.toSsoInstance(), config.authWorkflow(),
                instance.authUrlAction(), config.autoLogin(), instance.awsCliSsoSession().orElse(null));
        // a token rejected mid-refresh is renewed silently, never by a browser login
        LoginSettings silent = new LoginSettings(settings.instance(), settings.workflow(),
                settings.urlAction(), false, settings.awsCliSsoSession());
        return new CatalogService(config, instance, location.file(), location.cacheFile(), client,
                () -> login.validToken(settings), rejected -> login.renewRejected(silent, rejected),
                in.clock(), ProfileNamerFactories.choose(in.profileNamerFactoryOverride(),
                        ProfileNamerFactories.installed()));
    }

    /**
     * Role credentials. The client, the login service and the catalog are lazy: a cache hit (the
     * {@code process} fast path) builds none of them.
     */
    @Provides
    @Singleton
    static CredentialService credentials(SecureStore store, dagger.Lazy<IdentityCenterClient> client,
            dagger.Lazy<LoginService> login, dagger.Lazy<CatalogService> catalog, AwsSsoConfig config,
            SsoConfig instance, CoreInputs in) {
        LoginSettings settings = new LoginSettings(instance.toSsoInstance(), config.authWorkflow(),
                instance.authUrlAction(), config.autoLogin(), instance.awsCliSsoSession().orElse(null));
        return new CredentialService(() -> store, client::get, () -> login.get().validToken(settings),
                rejected -> login.get().renewRejected(settings, rejected), instance, (arn, expires) -> catalog.get().recordCredentialsExpire(arn, expires), in.clock());
    }

    @Provides
    @Singleton
    static io.awssso.core.internal.console.ConsoleService console(AwsSsoConfig config, SsoConfig instance,
            CatalogService catalog, CredentialService credentials, dagger.Lazy<IdentityCenterClient> client,
            io.awssso.core.internal.url.UrlOpener opener, CoreInputs in) {
        return new io.awssso.core.internal.console.ConsoleService(config, instance, catalog, credentials,
                client::get, opener, in.env(), in.clock());
    }

    @Provides
    @Singleton
    static io.awssso.core.internal.profiles.ProfilesService profiles(AwsSsoConfig config, SsoConfig instance,
            CatalogService catalog, CoreInputs in) {
        return new io.awssso.core.internal.profiles.ProfilesService(config, instance, catalog, in.env(), in.user());
    }
}
