package io.awssso.core;

import io.awssso.api.RoleArn;
import io.awssso.core.internal.console.ConsoleService;
import io.awssso.core.internal.di.CoreComponent;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Sign-in URLs for the AWS web console, made from role credentials through the federation
 * endpoint. Get it with {@link AwsSso#console()}.
 *
 * <pre>{@code
 * ConsoleSignIn s = sso.console().signIn(role, ConsoleOptions.defaults());
 * }</pre>
 */
public final class Console {
    /**
     * The variable that points the console sign-in at another federation endpoint (a full
     * {@code .../federation} URL): the endpoint has no AWS SDK endpoint setting, so tests and
     * private endpoints need this one.
     */
    public static final String FEDERATION_URL_VARIABLE = ConsoleService.FEDERATION_URL_VARIABLE;

    private final CoreComponent graph;

    Console(CoreComponent graph) {
        this.graph = graph;
    }

    /**
     * A console sign-in URL for a role: its credentials (stored, or fetched), a sign-in token from
     * the federation endpoint (asking for the session duration unless the credentials are
     * role-chained), then the login URL with the start URL as issuer and the console of the region
     * as destination. Opens nothing and records nothing.
     *
     * @throws IllegalArgumentException when the duration is outside 15 minutes to 12 hours
     * @throws io.awssso.api.AwsSsoException when the federation endpoint refuses
     * @throws io.awssso.api.LoginRequiredException when credentials must be fetched and there is no token
     */
    public ConsoleSignIn signIn(RoleArn role, ConsoleOptions options) {
        return graph.console().signIn(Objects.requireNonNull(role, "role"), options);
    }

    /**
     * {@link #signIn} for a role, then the URL handed to the user by the URL action (a Firefox
     * container named after the role's profile, coloured by its {@code Color} and {@code Icon}
     * tags), and the role recorded in History.
     *
     * @throws IllegalArgumentException when the duration is outside 15 minutes to 12 hours
     * @throws io.awssso.api.ConfigurationException when the URL action is unknown
     * @throws io.awssso.api.AwsSsoException when the federation endpoint refuses or the URL action fails
     */
    public ConsoleSignIn open(RoleArn role, ConsoleOptions options) {
        return graph.console().open(Objects.requireNonNull(role, "role"), options);
    }

    /**
     * Whether {@link #openFromEnvironment} finds a role in these variables: credentials
     * ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN}) or
     * {@code AWS_PROFILE} (after {@link AwsSso#roleNamedByEnvironment}).
     *
     * @throws IllegalArgumentException as {@link AwsSso#roleNamedByEnvironment}
     */
    public static boolean environmentSelectsRole(Map<String, String> variables) {
        return io.awssso.core.internal.env.EnvironmentRole.select(AwsSso.variable(variables), true).isPresent();
    }

    /**
     * {@link #open} for the role of this engine's environment: the credentials in
     * {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN} (the
     * role found with sts:GetCallerIdentity; they are used as they are), else {@code AWS_PROFILE}
     * naming a cached profile.
     *
     * @throws io.awssso.api.RoleNotFoundException when {@code AWS_PROFILE} names no cached role
     * @throws IllegalArgumentException when the environment selects no role
     * @throws io.awssso.api.AwsSsoException when the credentials are not role credentials
     */
    public ConsoleSignIn openFromEnvironment(ConsoleOptions options) {
        return graph.console().openFromEnvironment(options);
    }
}
