package io.awssso.core.internal.di;

import io.awssso.api.spi.IdentityCenterClientFactory;
import io.awssso.api.spi.ProfileNamerFactory;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.StoreContext;
import io.awssso.core.internal.env.Environment;
import io.awssso.core.internal.login.Sleeper;
import io.awssso.core.internal.url.UrlOpener;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;

/**
 * Everything the engine takes from its caller: flags, environment, clock, and the optional
 * overrides an embedder or a test may give.
 *
 * @param configFlag {@code --config}
 * @param ssoFlag {@code -S/--sso}
 * @param browserFlag {@code -b/--browser}
 * @param env the environment
 * @param clock decides every expiry
 * @param user where messages for the person go (stderr)
 * @param storeOverride a store to use instead of the configured one, or null
 * @param clientFactoryOverride a client factory to use instead of the AWS SDK one, or null
 * @param passwordPrompt asks for store passwords, or null without a terminal
 * @param sleeper waits between device-code polls
 * @param launcher starts browsers and {@code UrlExecCommand}s
 * @param profileNamerFactoryOverride names profiles instead of the installed or built-in namer, or null
 */
public record CoreInputs(
        Optional<String> configFlag,
        Optional<String> ssoFlag,
        Optional<String> browserFlag,
        Environment env,
        Clock clock,
        PrintStream user,
        SecureStore storeOverride,
        IdentityCenterClientFactory clientFactoryOverride,
        StoreContext.PasswordPrompt passwordPrompt,
        Sleeper sleeper,
        UrlOpener.Launcher launcher,
        ProfileNamerFactory profileNamerFactoryOverride) {
}
