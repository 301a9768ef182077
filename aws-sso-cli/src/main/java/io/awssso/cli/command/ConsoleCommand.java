package io.awssso.cli.command;

import io.awssso.api.RoleArn;
import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.CliEnvironment;
import io.awssso.cli.internal.Engine;
import io.awssso.cli.internal.InteractiveRoleSelector;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.options.FromEnvironment;
import io.awssso.cli.options.RoleSelector;
import io.awssso.cli.options.UrlActionNames;
import io.awssso.core.AwsSso;
import io.awssso.core.Console;
import io.awssso.core.ConsoleOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code aws-sso console}: signs in to the AWS console as a role (the federation flow) and hands
 * the URL to the URL action. The role comes from the selector flags, else
 * {@code AWS_SSO_ROLE_ARN} or {@code AWS_SSO_ACCOUNT_ID} with {@code AWS_SSO_ROLE_NAME}, else the
 * environment's credentials ({@code AWS_ACCESS_KEY_ID} with its secret and session token), else
 * {@code AWS_PROFILE}, else the interactive selector ({@code -P} asks it first).
 */
@Command(name = "console", description = {
        "Open the AWS console signed in as a role.",
        "The sign-in URL is handed to the URL action (-u, else UrlAction) and is valid for 15 minutes;",
        "container actions open it in a Firefox container named after the profile."},
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  aws-sso console -p prod:Admin", "  aws-sso console -a 012345678901:Admin --region eu-west-1 -d 60",
                "  aws-sso console -p prod:Admin -u printurl    # print the URL on stderr"})
public final class ConsoleCommand implements Callable<Integer> {
    @Mixin
    private RoleSelector selector;

    @Option(names = {"-d", "--duration"}, paramLabel = "<minutes>",
            description = "Console session length, 15 to 720 minutes (default: ConsoleDuration). Roles reached"
                    + " by role chaining get the length AWS allows them.")
    private Integer duration;

    @FromEnvironment("AWS_DEFAULT_REGION")
    @Option(names = "--region", paramLabel = "<region>",
            description = "Console region (default: $AWS_DEFAULT_REGION, else the role's default region).")
    private String region;

    @Option(names = {"-P", "--prompt"}, description = "Pick the role with the interactive selector, whatever"
            + " the flags and environment say.")
    private boolean prompt;

    @Option(names = "--sts-refresh", description = "Fetch new credentials even when the stored ones are valid.")
    private boolean stsRefresh;

    @Option(names = {"-u", "--url-action"}, paramLabel = "<action>", completionCandidates = UrlActionNames.class,
            description = "What to do with the URL: ${COMPLETION-CANDIDATES} (default: UrlAction).")
    private String urlAction;

    @Spec
    private CommandSpec spec;

    private final Engine engine;
    private final CliEnvironment environment;
    private final Terminal terminal;

    /**
     * Creates the command.
     *
     * @param engine the library engine
     * @param environment the selector's environment fallbacks
     * @param terminal where the interactive selector draws (stderr)
     */
    @Inject
    public ConsoleCommand(Engine engine, CliEnvironment environment, Terminal terminal) {
        this.engine = engine;
        this.environment = environment;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        if (duration != null && (duration < 15 || duration > 720)) {
            throw new ParameterException(spec.commandLine(),
                    "--duration must be 15 to 720 minutes, not " + duration);
        }
        AwsSso sso = engine.get();
        ConsoleOptions options = ConsoleOptions.builder().duration(duration == null ? null : Duration.ofMinutes(duration))
                .region(region).refreshCredentials(stsRefresh).urlAction(urlAction).build();
        Optional<RoleArn> arn = prompt ? Optional.of(InteractiveRoleSelector.select(sso, terminal))
                : selector.resolve(sso, environment.variables());
        if (arn.isPresent()) {
            sso.console().open(arn.get(), options);
        } else if (Console.environmentSelectsRole(environment.variables())) {
            sso.console().openFromEnvironment(options);
        } else {
            sso.console().open(InteractiveRoleSelector.select(sso, terminal), options);
        }
        return ExitCode.OK.code();
    }
}
