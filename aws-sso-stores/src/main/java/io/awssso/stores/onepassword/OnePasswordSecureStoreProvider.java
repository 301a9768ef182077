package io.awssso.stores.onepassword;

import io.awssso.api.StoreUnavailableException;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.SecureStoreProvider;
import io.awssso.api.spi.StoreContext;
import io.awssso.stores.internal.StorageLock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Provides the {@code 1password} store through the 1Password CLI ({@code op}, version 2), which
 * 1Password users have, instead of aws-sso-cli's native SDK. Options from config:
 * {@code OnePassword.Vault} (required), {@code OnePassword.AuthType} ({@code desktop}, the default,
 * or {@code service-account}) and {@code OnePassword.Account} (required for desktop).
 *
 * <ul>
 *   <li>{@code service-account}: the token comes from {@code AWS_SSO_OP_SERVICE_ACCOUNT_TOKEN},
 *       handed to {@code op} as {@code OP_SERVICE_ACCOUNT_TOKEN} and to nothing else.</li>
 *   <li>{@code desktop}: {@code op --account <Account>} through the desktop app's CLI
 *       integration; a stray {@code OP_SERVICE_ACCOUNT_TOKEN} in the environment is withheld
 *       from {@code op}, which would otherwise prefer it.</li>
 * </ul>
 *
 * <p>Supported when {@code op} is on {@code PATH}; never chosen when {@code SecureStore} is unset.
 */
public final class OnePasswordSecureStoreProvider implements SecureStoreProvider {
    /** The backend name. */
    public static final String NAME = "1password";
    /** Where the service-account token comes from, as in aws-sso-cli. */
    public static final String TOKEN_VARIABLE = "AWS_SSO_OP_SERVICE_ACCOUNT_TOKEN";
    /** The variable {@code op} reads a service-account token from. */
    static final String OP_TOKEN_VARIABLE = "OP_SERVICE_ACCOUNT_TOKEN";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

    /** For {@link java.util.ServiceLoader}. */
    public OnePasswordSecureStoreProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isSupported(StoreContext context) {
        return OpCommand.find(context.environment()).isPresent();
    }

    @Override
    public SecureStore create(StoreContext context) {
        Map<String, String> env = new HashMap<>(context.environment());
        if (!env.containsKey("PATH") && System.getenv("PATH") != null) {
            env.put("PATH", System.getenv("PATH"));
        }
        var executable = OpCommand.find(env).orElseThrow(() -> new StoreUnavailableException(
                "the 1password store needs the 1Password CLI 'op' on PATH; install it"
                        + " (https://developer.1password.com/docs/cli) or choose another SecureStore in config"));
        String vault = context.option("OnePassword.Vault").orElseThrow(() -> new StoreUnavailableException(
                "the 1password store needs OnePassword.Vault in config: the name of an existing vault"));
        String authType = context.option("OnePassword.AuthType").orElse("desktop");
        List<String> flags;
        switch (authType) {
            case "service-account" -> {
                String token = env.get(TOKEN_VARIABLE);
                if (token == null || token.isBlank()) {
                    throw new StoreUnavailableException(TOKEN_VARIABLE + " is not set: the 1password store with"
                            + " OnePassword.AuthType: service-account reads the service account's token from it");
                }
                env.remove(TOKEN_VARIABLE);
                env.put(OP_TOKEN_VARIABLE, token);
                flags = List.of();
            }
            case "desktop" -> {
                String account = context.option("OnePassword.Account").orElseThrow(() -> new StoreUnavailableException(
                        "the 1password store with desktop sign-in needs OnePassword.Account in config:"
                                + " your 1Password account's email address"));
                env.remove(OP_TOKEN_VARIABLE);
                env.remove(TOKEN_VARIABLE);
                flags = List.of("--account", account);
            }
            default -> throw new StoreUnavailableException("OnePassword.AuthType '" + authType
                    + "' is not desktop or service-account");
        }
        return new OnePasswordSecureStore(new OpCommand(executable, env, flags, COMMAND_TIMEOUT), vault,
                context.configDirectory(), StorageLock.of(context));
    }
}
