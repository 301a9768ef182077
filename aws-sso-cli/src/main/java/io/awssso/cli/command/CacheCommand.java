package io.awssso.cli.command;

import io.awssso.api.RoleArn;
import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.Engine;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.options.OutputFormat;
import io.awssso.cli.options.OutputFormat.Format;
import io.awssso.cli.render.Json;
import io.awssso.cli.render.RefreshProgress;
import io.awssso.cli.render.Visible;
import io.awssso.core.AwsSso;
import io.awssso.core.RefreshResult;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code aws-sso cache}: refreshes the role cache now, whatever its age, and reports the roles
 * added and removed. It needs a valid token: an expired access token is renewed silently with the
 * refresh token; without a session it fails with "run aws-sso login" (exit 4) unless AutoLogin is
 * on.
 *
 * <p>The report is for people and goes to stderr; with {@code --output json} a JSON document goes
 * to stdout instead, for scripts.
 */
@Command(name = "cache", description = {
        "Refresh the role cache now, even if it has not expired.",
        "Needs a valid login (renewed silently while the session lasts). Prints the",
        "roles added (+) and removed (-) on stderr, or JSON on stdout with --output json."},
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  aws-sso cache", "  aws-sso cache --threads 10 --silent", "  aws-sso cache --output json"})
public final class CacheCommand implements Callable<Integer> {
    @Option(names = "--threads", paramLabel = "<n>",
            description = "Parallel ListAccountRoles requests (default: Threads from config).")
    private Integer threads;

    @Option(names = "--silent", description = "Print a one-line summary instead of every added and removed role.")
    private boolean silent;

    @Option(names = "--no-config-check",
            description = "Do not update ~/.aws/config when roles changed, even with AutoConfigCheck: true.")
    private boolean noConfigCheck;

    @Mixin
    private OutputFormat output;

    @Spec
    private CommandSpec spec;

    private final Engine engine;
    private final Terminal terminal;

    /**
     * Creates the command.
     *
     * @param engine the library engine
     * @param terminal the report goes to stderr, JSON to stdout
     */
    @Inject
    public CacheCommand(Engine engine, Terminal terminal) {
        this.engine = engine;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        Format format = output.requireOneOf(Format.TABLE, Format.JSON);
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        AwsSso sso = engine.get();
        RefreshResult result = sso.roles().refresh(threads == null ? 0 : threads, RefreshProgress.on(terminal));
        PrintWriter err = terminal.err();
        if (format == Format.JSON) {
            terminal.out().println(Json.write(json(result)));
            terminal.out().flush();
        } else if (!result.changed()) {
            err.printf("The role cache of %s is up to date: %d roles in %d accounts.%n", result.ssoName(),
                    result.roles(), result.accounts());
        } else if (silent) {
            err.println(diffLines(result).get(0));
        } else {
            diffLines(result).forEach(l -> err.println(Visible.escape(l))); // ARNs hold AWS's role names
        }
        err.flush();
        if (result.changed() && !noConfigCheck && sso.profiles().updateAfterRefresh()) {
            return configCheck();
        }
        return ExitCode.OK.code();
    }

    /**
     * AutoConfigCheck: roles changed, so bring {@code ~/.aws/config} up to date by running
     * {@code setup profiles} (it shows the diff and asks before writing) in this process, on the
     * same engine, so the cache is not refreshed twice. Its exit code becomes this command's: the
     * person asked for the AWS config to follow the cache. When this build has no such command,
     * say how to do it by hand.
     */
    private int configCheck() {
        CommandLine setup = spec.root().commandLine().getSubcommands().get("setup");
        CommandLine profiles = setup == null ? null : setup.getSubcommands().get("profiles");
        if (profiles == null) {
            terminal.err().println("AutoConfigCheck is on, but this build has no 'setup profiles' command;"
                    + " update the profiles in ~/.aws/config yourself.");
            terminal.err().flush();
            return ExitCode.OK.code();
        }
        // picocli cannot parse again while this run's parse result is in use, so the command runs
        // in a command line of its own, made by the same factory and handlers.
        CommandLine run = new CommandLine(profiles.getCommandSpec().userObject().getClass(), profiles.getFactory())
                .setOut(profiles.getOut())
                .setErr(profiles.getErr())
                .setColorScheme(profiles.getColorScheme())
                .setDefaultValueProvider(profiles.getDefaultValueProvider())
                .setParameterExceptionHandler(profiles.getParameterExceptionHandler())
                .setExecutionExceptionHandler(profiles.getExecutionExceptionHandler());
        return run.execute();
    }

    /**
     * What changed, as aws-sso-cli prints it: {@code Updated cache: added=N, deleted=M}, then
     * {@code + <arn>} and {@code - <arn>} lines, each group sorted.
     */
    static List<String> diffLines(RefreshResult r) {
        List<String> out = new ArrayList<>();
        out.add("Updated cache: added=" + r.added().size() + ", deleted=" + r.removed().size());
        r.added().forEach(a -> out.add("+ " + a));
        r.removed().forEach(a -> out.add("- " + a));
        return out;
    }

    private static Map<String, Object> json(RefreshResult r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("SSO", r.ssoName());
        o.put("Added", arns(r.added()));
        o.put("Deleted", arns(r.removed()));
        o.put("Accounts", r.accounts());
        o.put("Roles", r.roles());
        o.put("Throttled", r.throttled());
        o.put("ElapsedMillis", r.elapsed().toMillis());
        return o;
    }

    private static List<String> arns(Iterable<RoleArn> arns) {
        List<String> out = new ArrayList<>();
        arns.forEach(a -> out.add(a.toString()));
        return out;
    }
}
