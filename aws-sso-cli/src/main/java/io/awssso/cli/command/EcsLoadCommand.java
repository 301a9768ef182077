package io.awssso.cli.command;

import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.CliEnvironment;
import io.awssso.cli.internal.Engine;
import io.awssso.cli.internal.InteractiveRoleSelector;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.options.RoleSelector;
import io.awssso.core.AwsSso;
import io.awssso.core.EcsClient;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aws-sso ecs load}: fetches a role's credentials (from the store while valid, else from
 * AWS), records the role in History and loads them into the ECS server's default slot, or into
 * {@code /slot/<profile>} with {@code --slotted}.
 */
@Command(name = "load", description = {
        "Load a role's credentials into the ECS server.",
        "The default slot is what AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127.0.0.1:4144/ "
        + "serves; with --slotted they go to /slot/<ProfileName> instead. Adds the role to History. "
        + "Without -p, -a or -A/-R (or their variables) it asks for the role interactively."},
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  aws-sso ecs load -p 012345678901:AdministratorAccess",
                "  aws-sso ecs load -A 012345678901 -R ReadOnlyAccess --slotted"})
public final class EcsLoadCommand implements Callable<Integer> {
    @Mixin
    private RoleSelector selector;

    @Option(names = "--sts-refresh", description = "Fetch new credentials even when the stored ones are valid.")
    private boolean stsRefresh;

    @Option(names = {"-s", "--slotted"},
            description = "Load into the named slot /slot/<ProfileName> instead of the default slot.")
    private boolean slotted;

    @Mixin
    private EcsServerAddress address;

    private final Engine engine;
    private final CliEnvironment environment;
    private final Terminal terminal;

    /**
     * Creates the command.
     *
     * @param engine the library engine
     * @param environment the run's environment (selector fallbacks)
     * @param terminal where messages go (stderr)
     */
    @Inject
    public EcsLoadCommand(Engine engine, CliEnvironment environment, Terminal terminal) {
        this.engine = engine;
        this.environment = environment;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        AwsSso sso = engine.get();
        RoleArn selected = select(sso);
        Loaded loaded = Loaded.of(sso, selected, stsRefresh);
        EcsClient client = address.client(sso);
        client.load(loaded.profileName(), loaded.credentials(), slotted);
        terminal.err().printf("Loaded %s (%s) into %s of the ECS server %s.%n", loaded.profileName(), selected,
                slotted ? "slot '" + loaded.profileName() + "'" : "the default slot", client.server());
        return ExitCode.OK.code();
    }

    /**
     * The role the flags (or AWS_SSO_ROLE_ARN, AWS_SSO_ACCOUNT_ID with AWS_SSO_ROLE_NAME) name, else
     * the one the person picks in the interactive selector (an error when stdin is not a terminal).
     */
    private RoleArn select(AwsSso sso) {
        return selector.resolve(sso, environment.variables())
                .orElseGet(() -> InteractiveRoleSelector.select(sso, terminal));
    }

    /**
     * A role's credentials and the profile name they are loaded under.
     *
     * @param profileName the role's profile name (ProfileFormat)
     * @param credentials the credentials
     */
    record Loaded(String profileName, RoleCredentials credentials) {
        /** Fetches the credentials, works out the profile name and records History, as {@code ecs load} does. */
        static Loaded of(AwsSso sso, RoleArn arn, boolean stsRefresh) {
            RoleCredentials credentials = stsRefresh ? sso.credentials().fetch(arn) : sso.credentials().get(arn);
            String name = sso.roles().get(arn).profile();
            sso.roles().recordUse(arn);
            return new Loaded(name, credentials);
        }

        @Override
        public String toString() {
            return "Loaded[" + profileName + "]";
        }
    }
}
