package io.awssso.core;

import io.awssso.api.AccountId;
import io.awssso.api.ConfigurationException;
import io.awssso.api.RoleArn;
import io.awssso.api.SsoToken;
import io.awssso.core.internal.config.AwsSsoConfig;
import io.awssso.core.internal.config.SsoConfig;
import io.awssso.core.internal.config.UrlAction;
import io.awssso.core.internal.di.CoreComponent;
import io.awssso.core.internal.login.LoginService;
import io.awssso.core.internal.login.LoginSettings;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The sign-in session of the SSO instance: log in, log out, and when the access token expires.
 * Get it with {@link AwsSso#session()}.
 */
public final class Session {
    private final CoreComponent graph;

    Session(CoreComponent graph) {
        this.graph = graph;
    }

    /**
     * Logs in to the instance, unless its session is still valid (or silently renewable) and
     * {@link LoginOptions#force()} is off. Messages for the person (the code to enter, the URL)
     * go to the builder's {@code userMessages} stream.
     *
     * @throws ConfigurationException when the URL action is unknown (naming the valid ones) or the
     *     config is invalid
     * @throws io.awssso.api.IdentityCenterException when Identity Center refuses the login
     */
    public LoginResult login(LoginOptions options) {
        LoginSettings settings = settings(options.urlAction());
        LoginService.Outcome o = graph.loginService().login(settings, options.force());
        return new LoginResult(settings.instance().name(), o.alreadyLoggedIn(), o.expiresAt());
    }

    /**
     * Ends the session: portal Logout, then deletes the stored token and the stored role
     * credentials of this instance.
     *
     * @return true when there was a session to end
     * @throws io.awssso.api.StoreUnavailableException when the secure store cannot be opened
     */
    public boolean logout() {
        boolean hadSession = graph.loginService().logout(settings(Optional.empty()), credentialsOfInstance());
        graph.catalog().expireAllCredentials(); // the listing's Expires must not promise more
        return hadSession;
    }

    /**
     * When the stored access token expires, if there is one (it is renewed silently while the
     * Identity Center session lasts).
     *
     * @throws io.awssso.api.StoreUnavailableException when the secure store cannot be opened
     */
    public Optional<Instant> expiresAt() {
        return graph.store().read().token(graph.instance().name()).map(SsoToken::expiresAt);
    }

    private LoginSettings settings(Optional<String> urlAction) {
        AwsSsoConfig config = graph.config();
        SsoConfig instance = graph.instance();
        UrlAction action = urlAction
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
        if (graph.config().ssoConfig().size() <= 1) {
            return arn -> true;
        }
        Set<RoleArn> cached = new HashSet<>();
        graph.catalog().cachedRoles().forEach(r -> cached.add(r.arn()));
        Set<AccountId> configured = graph.instance().accounts().keySet();
        return arn -> cached.contains(arn) || configured.contains(arn.accountId());
    }
}
