package io.awssso.core.internal.console;

import io.awssso.api.AccountId;
import io.awssso.api.AwsSsoException;
import io.awssso.api.CatalogRole;
import io.awssso.api.ConfigurationException;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.api.RoleNotFoundException;
import io.awssso.api.spi.IdentityCenterClient;
import io.awssso.core.ConsoleOptions;
import io.awssso.core.ConsoleSignIn;
import io.awssso.core.internal.catalog.CatalogService;
import io.awssso.core.internal.config.AwsSsoConfig;
import io.awssso.core.internal.config.SsoConfig;
import io.awssso.core.internal.config.UrlAction;
import io.awssso.core.internal.credentials.CredentialService;
import io.awssso.core.internal.env.Environment;
import io.awssso.core.internal.env.EnvironmentRole;
import io.awssso.core.internal.url.FirefoxContainer;
import io.awssso.core.internal.url.UrlOpener;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The console sign-in of reference 9.1 for one instance: credentials, a sign-in token from the
 * federation endpoint, the login URL, the URL action and History.
 */
public final class ConsoleService {
    /** The variable that points the sign-in at another federation endpoint (a full {@code .../federation} URL). */
    public static final String FEDERATION_URL_VARIABLE = "AWS_SSO_FEDERATION_URL";

    private final AwsSsoConfig config;
    private final SsoConfig instance;
    private final CatalogService catalog;
    private final CredentialService credentials;
    private final Supplier<IdentityCenterClient> client;
    private final UrlOpener opener;
    private final Environment env;
    private final Clock clock;

    /**
     * @param client made on first use: only the environment-credentials path calls AWS through it
     */
    public ConsoleService(AwsSsoConfig config, SsoConfig instance, CatalogService catalog,
            CredentialService credentials, Supplier<IdentityCenterClient> client, UrlOpener opener,
            Environment env, Clock clock) {
        this.config = config;
        this.instance = instance;
        this.catalog = catalog;
        this.credentials = credentials;
        this.client = client;
        this.opener = opener;
        this.env = env;
        this.clock = clock;
    }

    /** The sign-in URL for a role; opens nothing, records nothing. */
    public ConsoleSignIn signIn(RoleArn arn, ConsoleOptions options) {
        int minutes = minutes(options);
        return signIn(credentials.credentials(arn, options.refreshCredentials(), CredentialService.MARGIN),
                options, minutes);
    }

    /** {@link #signIn}, then the URL action and History. */
    public ConsoleSignIn open(RoleArn arn, ConsoleOptions options) {
        ConsoleSignIn s = signIn(arn, options);
        open(s, options);
        return s;
    }

    /**
     * {@link #open} for the role of the environment: its credentials (the role found with
     * sts:GetCallerIdentity), else {@code AWS_PROFILE} naming a cached profile.
     */
    public ConsoleSignIn openFromEnvironment(ConsoleOptions options) {
        EnvironmentRole selected = EnvironmentRole.select(env, true).orElseThrow(() -> new IllegalArgumentException(
                "the environment selects no role: it sets none of "
                        + EnvironmentRole.VARIABLES + ", nor AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN"));
        if (selected instanceof EnvironmentRole.Named named) {
            return open(named.arn(), options);
        }
        if (selected instanceof EnvironmentRole.Credentials c) {
            int minutes = minutes(options);
            RoleArn arn = callerRole(client.get().getCallerIdentity(c.accessKeyId(), c.secretAccessKey(),
                    c.sessionToken()));
            boolean chained = cachedRole(arn).map(r -> r.via() != null).orElse(false);
            // the expiry is unknown and unused here: the endpoint itself judges the credentials
            RoleCredentials creds = new RoleCredentials(arn, c.accessKeyId(), c.secretAccessKey(),
                    c.sessionToken(), clock.instant().plus(Duration.ofMinutes(15)), chained);
            ConsoleSignIn s = signIn(creds, options, minutes);
            open(s, options);
            return s;
        }
        String profile = ((EnvironmentRole.Profile) selected).name();
        RoleArn arn;
        try {
            arn = catalog.roleByProfile(profile).arn();
        } catch (RoleNotFoundException e) {
            throw new RoleNotFoundException("AWS_PROFILE is '" + profile
                    + "', which is not a profile of SSO instance '" + instance.name() + "'");
        }
        return open(arn, options);
    }

    /**
     * The role of a GetCallerIdentity ARN, {@code arn:<partition>:sts::<account>:assumed-role/<role>/<session>}.
     * Identity Center's own roles are named {@code AWSReservedSSO_<permission set>_<id>}; the
     * permission set is the role name aws-sso knows.
     */
    public static RoleArn callerRole(String callerArn) {
        String[] parts = callerArn.split(":", 6);
        String[] resource = parts.length == 6 ? parts[5].split("/") : new String[0];
        if (resource.length < 2 || !resource[0].equals("assumed-role")) {
            throw new AwsSsoException("the environment's credentials are not role credentials (the caller is "
                    + callerArn + "); name the role instead");
        }
        String role = resource[1];
        if (role.startsWith("AWSReservedSSO_") && role.lastIndexOf('_') > "AWSReservedSSO_".length()) {
            role = role.substring("AWSReservedSSO_".length(), role.lastIndexOf('_'));
        }
        return new RoleArn(parts[1], AccountId.parse(parts[4]), role);
    }

    private int minutes(ConsoleOptions options) {
        return FederationClient.checkMinutes(options.duration().map(d -> (int) Math.min(Integer.MAX_VALUE, d.toMinutes()))
                .orElseGet(config::consoleDurationMinutes));
    }

    private ConsoleSignIn signIn(RoleCredentials creds, ConsoleOptions options, int minutes) {
        RoleArn arn = creds.roleArn();
        String region = options.region().orElseGet(() -> config.effectiveRegion(instance,
                arn.accountId(), arn.roleName()));
        FederationClient federation = new FederationClient(
                FederationClient.endpoint(instance.ssoRegion(), env.get(FEDERATION_URL_VARIABLE)),
                Duration.ofSeconds(30));
        String token = federation.signinToken(creds, minutes);
        String destination = ConsoleEndpoints.of(instance.ssoRegion()).consoleUrl(region);
        String profile = cachedRole(arn).map(CatalogRole::profile).orElse("");
        return new ConsoleSignIn(arn, profile, region, creds.roleChaining(),
                federation.loginUrl(instance.startUrl(), destination, token));
    }

    private void open(ConsoleSignIn s, ConsoleOptions options) {
        UrlAction action = options.urlAction()
                .map(a -> UrlAction.fromConfigName(a).orElseThrow(() -> new ConfigurationException(
                        "unknown URL action '" + a + "'; valid actions: " + UrlAction.names())))
                .orElse(config.urlAction());
        Optional<CatalogRole> role = cachedRole(s.role());
        // aws-sso-cli means to fall back to <account>:<role> for names the add-on URL cannot carry
        String name = s.profile().isEmpty() || s.profile().contains("&")
                ? s.role().accountId() + ":" + s.role().roleName() : s.profile();
        Map<String, String> tags = role.map(CatalogRole::tags).orElse(Map.of());
        opener.open(action, s.url(), new FirefoxContainer(name, tags.get("Color"), tags.get("Icon")));
        if (role.isPresent()) {
            catalog.recordUse(s.role());
        }
    }

    /** The role in the catalog (refreshed first when expired), or empty for a role outside it. */
    private Optional<CatalogRole> cachedRole(RoleArn arn) {
        try {
            return Optional.of(catalog.role(arn));
        } catch (RoleNotFoundException e) {
            return Optional.empty();
        }
    }
}
