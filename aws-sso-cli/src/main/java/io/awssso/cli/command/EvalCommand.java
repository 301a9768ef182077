package io.awssso.cli.command;

import io.awssso.api.AwsSsoException;
import io.awssso.api.RoleArn;
import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.CliEnvironment;
import io.awssso.cli.internal.Engine;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.options.RoleSelector;
import io.awssso.cli.render.ShellSyntax;
import io.awssso.core.AwsSso;
import io.awssso.core.RoleEnvironment;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code aws-sso eval}: prints the statements that set (or, with {@code --clear}, remove) the
 * role's variables in the current shell, in a stable order, for bash/zsh/sh, fish, PowerShell or
 * xonsh ({@code $SHELL}, {@code $XONSH_VERSION}).
 */
@Command(name = "eval", description = {
        "Print shell statements that set the role's credentials in the current shell.",
        "bash/zsh: eval \"$(aws-sso eval -p P)\"; fish: aws-sso eval -p P | source;",
        "PowerShell: aws-sso eval -p P | iex."},
        optionListHeading = "%nOptions:%n")
public final class EvalCommand implements Callable<Integer> {
    @Mixin
    private RoleSelector selector;

    @Option(names = {"-c", "--clear"}, description = "Remove the variables a previous eval set.")
    private boolean clear;

    @Option(names = {"-n", "--no-region"}, description = "Do not set (with --clear: do not unset) AWS_DEFAULT_REGION and AWS_REGION.")
    private boolean noRegion;

    @Option(names = {"-O", "--overwrite-region"}, description = "Set the region even when the user set one.")
    private boolean overwriteRegion;

    @Option(names = {"-r", "--refresh"}, description = "New credentials for the role in $AWS_SSO_ROLE_ARN.")
    private boolean refresh;

    @Spec
    private CommandSpec spec;

    private final Engine engine;
    private final Terminal terminal;
    private final CliEnvironment environment;

    /**
     * Creates the command.
     *
     * @param engine the library engine
     * @param terminal stdout for the statements
     * @param environment decides the shell and the region rules
     */
    @Inject
    public EvalCommand(Engine engine, Terminal terminal, CliEnvironment environment) {
        this.engine = engine;
        this.terminal = terminal;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        ShellSyntax syntax = ShellSyntax.detect(environment.variables(), windows).orElseThrow(() ->
                new AwsSsoException("invalid or unsupported shell '" + environment.get("SHELL").orElse("")
                        + "': eval writes for bash, zsh, sh, fish, PowerShell and xonsh"));
        AwsSso sso = engine.get();
        RoleEnvironment vars;
        if (clear) {
            vars = sso.credentials().clearedEnvironment(RegionFlags.policy(noRegion, false));
        } else {
            RoleArn arn;
            if (refresh) {
                String current = environment.get("AWS_SSO_ROLE_ARN").orElseThrow(() -> new ParameterException(
                        spec.commandLine(), "--refresh needs AWS_SSO_ROLE_ARN, set by a previous eval"));
                try {
                    arn = sso.roles().parse(current);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "AWS_SSO_ROLE_ARN: " + e.getMessage());
                }
            } else {
                arn = selector.resolve(sso, null).orElseThrow(() -> new ParameterException(spec.commandLine(),
                        "please specify --refresh, --clear, --profile, --arn, or --account and --role"));
            }
            vars = sso.credentials().environment(sso.credentials().get(arn), RegionFlags.policy(noRegion, overwriteRegion));
        }
        String statements = syntax.render(vars, why -> terminal.err().println("warning: " + why));
        terminal.err().flush();
        terminal.out().print(statements);
        terminal.out().flush();
        return ExitCode.OK.code();
    }
}
