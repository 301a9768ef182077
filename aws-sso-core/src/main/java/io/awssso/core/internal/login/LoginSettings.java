package io.awssso.core.internal.login;

import io.awssso.api.SsoInstance;
import io.awssso.core.internal.config.AuthWorkflow;
import io.awssso.core.internal.config.UrlAction;
import java.util.Objects;
import java.util.Optional;

/**
 * What the login service needs to know about one instance, taken from config and flags.
 *
 * @param instance the Identity Center instance
 * @param workflow the OIDC flow
 * @param urlAction what to do with the login URL ({@code -u}, else {@code AuthUrlAction}, else {@code UrlAction})
 * @param autoLogin whether commands that need a token may start a login themselves
 * @param awsCliSsoSession the AWS CLI sso-session whose token cache to keep current, or {@code null}
 */
public record LoginSettings(SsoInstance instance, AuthWorkflow workflow, UrlAction urlAction,
        boolean autoLogin, String awsCliSsoSession) {

    /** Checks the mandatory parts. */
    public LoginSettings {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(urlAction, "urlAction");
    }

    /** The sso-session to share tokens with, when sharing is on. */
    public Optional<String> sharedSession() {
        return Optional.ofNullable(awsCliSsoSession).filter(s -> !s.isBlank());
    }

    /** The same settings with another URL action. */
    public LoginSettings withUrlAction(UrlAction action) {
        return new LoginSettings(instance, workflow, action, autoLogin, awsCliSsoSession);
    }
}
