package io.awssso.cli.command;

import io.awssso.api.AwsSsoException;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.api.RoleNotFoundException;
import io.awssso.cli.internal.CliEnvironment;
import io.awssso.cli.internal.Engine;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.internal.InteractiveRoleSelector;
import io.awssso.cli.options.RoleSelector;
import io.awssso.cli.render.ShellSyntax;
import io.awssso.cli.render.Visible;
import io.awssso.core.AwsSso;
import io.awssso.core.RoleEnvironment;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aws-sso exec [command [args...]]}: runs a command (default {@code $SHELL}) with the role's
 * variables, stdin/stdout/stderr inherited, and exits with the command's own exit code.
 */
@Command(name = "exec", description = {
        "Run a command (default $SHELL) with the role's credentials in its environment.",
        "Exits with the command's exit code. Refuses when AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY or",
        "AWS_PROFILE is already set, unless --overwrite-env is given. Without a role (flags or",
        "AWS_SSO_ROLE_ARN/AWS_SSO_ACCOUNT_ID/AWS_SSO_ROLE_NAME) the interactive selector asks for one."},
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  aws-sso exec -p prod:Admin", "  aws-sso exec -a 012345678901:Admin -- aws s3 ls"})
public final class ExecCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ExecCommand.class);
    private static final List<String> CONFLICTING = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_PROFILE");

    @Mixin
    private RoleSelector selector;

    @Option(names = {"-n", "--no-region"}, description = "Do not set AWS_DEFAULT_REGION and AWS_REGION.")
    private boolean noRegion;

    @Option(names = {"-O", "--overwrite-env"},
            description = "Remove every AWS_* variable from the command's environment first, and set the region"
                    + " even when one is set.")
    private boolean overwriteEnv;

    @Option(names = "--sts-refresh", description = "Fetch new credentials even when the stored ones are valid.")
    private boolean stsRefresh;

    @Parameters(paramLabel = "<command>", arity = "0..*",
            description = "The command and its arguments (default: $SHELL).")
    private List<String> command = new ArrayList<>();

    private final Engine engine;
    private final Terminal terminal;
    private final CliEnvironment environment;

    /**
     * Creates the command.
     *
     * @param engine the library engine
     * @param terminal flushed before the command starts
     * @param environment the environment handed to the command
     */
    @Inject
    public ExecCommand(Engine engine, Terminal terminal, CliEnvironment environment) {
        this.engine = engine;
        this.terminal = terminal;
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Map<String, String> current = environment.variables();
        refuseConflicting(environment, overwriteEnv);
        AwsSso sso = engine.get();
        // No role on the line or in the environment: the person picks one (an error naming the
        // flags when stdin is not a terminal).
        RoleArn arn = selector.resolve(sso, current)
                .orElseGet(() -> InteractiveRoleSelector.select(sso, terminal));
        RoleCredentials creds = stsRefresh ? sso.credentials().fetch(arn) : sso.credentials().get(arn);
        RoleEnvironment vars = sso.credentials().environment(creds, RegionFlags.policy(noRegion, overwriteEnv));
        try {
            sso.roles().recordUse(arn);
        } catch (RoleNotFoundException e) {
            LOG.debug("{} is not in the role cache; History unchanged", arn);
        }
        List<String> argv = command.isEmpty() ? defaultCommand(current) : command;
        ProcessBuilder pb = new ProcessBuilder(argv).inheritIO();
        setRoleEnvironment(pb.environment(), current, vars, overwriteEnv, terminal.err());
        terminal.flush();
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            throw new AwsSsoException("cannot run " + argv.get(0) + ": " + e.getMessage(), e);
        }
        ChildSignals.ignoreInterruptsWhile(child);
        return child.waitFor();
    }

    /**
     * Refuses to run when the environment already names credentials or a profile, unless
     * {@code --overwrite-env} (they would compete with the role's).
     */
    static void refuseConflicting(CliEnvironment environment, boolean overwriteEnv) {
        if (!overwriteEnv) {
            for (String name : CONFLICTING) {
                if (environment.get(name).isPresent()) {
                    throw new AwsSsoException("conflicting environment variable '" + name
                            + "' is set; unset it or use --overwrite-env");
                }
            }
        }
    }

    /**
     * Makes {@code childEnv} this process's variables (without any {@code AWS_*} one with
     * {@code overwriteEnv}) plus the role's, less those the role unsets.
     *
     * @param warnings where a variable left out is named
     */
    static void setRoleEnvironment(Map<String, String> childEnv, Map<String, String> current, RoleEnvironment vars,
            boolean overwriteEnv, java.io.PrintWriter warnings) {
        childEnv.clear();
        current.forEach((k, v) -> {
            if (!overwriteEnv || !k.startsWith("AWS_")) {
                childEnv.put(k, v);
            }
        });
        vars.applyTo(Map.of()).forEach((k, v) -> {
            // tag keys and values come from the config and AWS: what no environment can hold is
            // left out with a warning (naming the variable, not its value) instead of failing
            ShellSyntax.problem(k, v).ifPresentOrElse(
                    why -> warnings.println("warning: not setting " + Visible.escape(k) + ": " + why),
                    () -> childEnv.put(k, v));
        });
        vars.unset().forEach(childEnv::remove);
    }

    private static List<String> defaultCommand(Map<String, String> env) {
        if (!env.getOrDefault("XONSH_VERSION", "").isEmpty()) {
            return List.of("xonsh");
        }
        String shell = env.getOrDefault("SHELL", "");
        if (!shell.isEmpty()) {
            return List.of(shell);
        }
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                ? List.of("cmd.exe") : List.of("/bin/sh");
    }
}
