package io.awssso.core;

import java.util.Optional;

/**
 * How to log in.
 *
 * @param force end the current session first, so the new one gets a full lifetime
 * @param urlAction what to do with the login URL ({@code open}, {@code print}, {@code exec}, ...);
 *     empty to use {@code AuthUrlAction}, then {@code UrlAction} from config
 */
public record LoginOptions(boolean force, Optional<String> urlAction) {

    /** Normalises a null action to empty. */
    public LoginOptions {
        urlAction = urlAction == null ? Optional.empty() : urlAction.filter(a -> !a.isBlank());
    }

    /** Log in only when there is no valid session, with the configured URL action. */
    public static LoginOptions defaults() {
        return new LoginOptions(false, Optional.empty());
    }
}
