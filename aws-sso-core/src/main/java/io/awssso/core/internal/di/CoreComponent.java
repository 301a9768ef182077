package io.awssso.core.internal.di;

import dagger.BindsInstance;
import dagger.Component;
import io.awssso.api.spi.SecureStore;
import io.awssso.core.internal.catalog.CatalogService;
import io.awssso.core.internal.config.AwsSsoConfig;
import io.awssso.core.internal.config.ConfigLocation;
import io.awssso.core.internal.config.SsoConfig;
import io.awssso.core.internal.credentials.CredentialService;
import io.awssso.core.internal.login.LoginService;
import jakarta.inject.Singleton;

/** The engine's object graph, one per {@code AwsSso} instance. */
@Singleton
@Component(modules = {CoreModule.class, RunModule.class})
public interface CoreComponent {

    /** Where config, cache and store live. */
    ConfigLocation location();

    /** The loaded config (loading it on first call). */
    AwsSsoConfig config();

    /** The selected SSO instance. */
    SsoConfig instance();

    /** The secure store (opened on first call). */
    SecureStore store();

    /** Logging in and keeping the token usable. */
    LoginService loginService();

    /** The caller's inputs (environment, clock, ...). */
    CoreInputs inputs();

    /** The role catalog of the selected instance. */
    CatalogService catalog();

    /** Role credentials (store first, fetch when needed). */
    CredentialService credentials();

    /** Hands URLs to the user (login pages, console sign-ins). */
    io.awssso.core.internal.url.UrlOpener urlOpener();

    /** The Identity Center and STS client of the selected instance. */
    io.awssso.api.spi.IdentityCenterClient client();

    /** Console sign-in. */
    io.awssso.core.internal.console.ConsoleService console();

    /** {@code setup profiles}. */
    io.awssso.core.internal.profiles.ProfilesService profiles();

    /** Runs one task across many roles. */
    io.awssso.core.internal.run.RoleRunner roleRunner();

    /** What was opened, for closing. */
    Resources resources();

    /** Creates the graph. */
    @Component.Factory
    interface Factory {
        /** A graph for these inputs. */
        CoreComponent create(@BindsInstance CoreInputs inputs);
    }

    /** A new graph. */
    static CoreComponent create(CoreInputs inputs) {
        return DaggerCoreComponent.factory().create(inputs);
    }
}
