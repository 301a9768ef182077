package io.awssso.core.internal.di;

import dagger.Module;
import dagger.Provides;
import io.awssso.api.spi.IdentityCenterClient;
import io.awssso.api.spi.IdentityCenterClientFactory;
import io.awssso.api.spi.SecureStore;
import io.awssso.core.internal.aws.SdkClientOptions;
import io.awssso.core.internal.aws.SdkIdentityCenterClientFactory;
import io.awssso.core.internal.catalog.CallGovernor;
import io.awssso.core.internal.catalog.CatalogService;
import io.awssso.core.internal.config.AwsSsoConfig;
import io.awssso.core.internal.config.SsoConfig;
import io.awssso.core.internal.credentials.CredentialService;
import io.awssso.core.internal.credentials.RoleEnvironmentRule;
import io.awssso.core.internal.login.LoginService;
import io.awssso.core.internal.login.LoginSettings;
import io.awssso.core.internal.run.RoleRunner;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/** How the runner of one task across many roles is made. */
@Module
final class RunModule {
    private RunModule() {
    }

    /**
     * The runner. Its credentials come through a client of its own with the SDK's retries off (built
     * only when a role's stored credentials will not do), so that the run's governor alone paces
     * GetRoleCredentials and decides when to call again; the store, its locks and the login are the
     * engine's.
     */
    @Provides
    @Singleton
    static RoleRunner roleRunner(CatalogService catalog, SecureStore store, dagger.Lazy<LoginService> login,
            AwsSsoConfig config, SsoConfig instance, CoreInputs in, Resources resources) {
        IdentityCenterClientFactory factory = in.clientFactoryOverride() != null
                ? in.clientFactoryOverride()
                : new SdkIdentityCenterClientFactory(SdkClientOptions.defaults().withRetries(1, null), in.clock());
        Supplier<IdentityCenterClient> client = new Supplier<>() {
            private IdentityCenterClient made;

            @Override
            public synchronized IdentityCenterClient get() {
                if (made == null) {
                    made = resources.register(factory.create(instance.toSsoInstance()));
                }
                return made;
            }
        };
        LoginSettings settings = new LoginSettings(instance.toSsoInstance(), config.authWorkflow(),
                instance.authUrlAction(), config.autoLogin(), instance.awsCliSsoSession().orElse(null));
        return new RoleRunner(catalog::roles, store::read,
                (token, renew, expiries, paced) -> new CredentialService(() -> store,
                        () -> paced.apply(client.get()), token, renew, instance, expiries, in.clock()),
                () -> login.get().validToken(settings), rejected -> login.get().renewRejected(settings, rejected),
                catalog::recordCredentialsExpire,
                () -> new RoleEnvironmentRule(config, instance, in.env().variables()),
                () -> CallGovernor.create(CallGovernor.Settings.of(config.maxRetry(), config.maxBackoffSeconds())),
                in.clock());
    }
}
