package io.awssso.cli.command;

import io.awssso.api.CatalogRole;
import io.awssso.api.RoleNotFoundException;
import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.CliEnvironment;
import io.awssso.cli.internal.Engine;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.render.Json;
import io.awssso.cli.render.Visible;
import io.awssso.core.AwsSso;
import io.awssso.core.RoleFilter;
import io.awssso.core.RoleRunResult;
import io.awssso.core.RunListener;
import io.awssso.core.RunOptions;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code aws-sso run [--filter KEY=GLOB]... [--role NAME] -- COMMAND [ARGS]...}: runs a command once
 * per selected role, each with that role's variables as {@code exec} sets them, a few at a time
 * ({@link Roles#forEach}).
 */
@Command(name = "run", description = {
        "Run a command once per role the filters select, each with that role's credentials in its environment.",
        "Roles run --parallel at a time; credentials are reused while valid and fetched at the pace IAM",
        "Identity Center allows. Text output prefixes each line with the role's profile (stdout to stdout,",
        "stderr to stderr), then a summary on stderr; --output json prints one JSON object per role and line.",
        "Exits 0 when every run exited 0, 1 when any failed (named on stderr), 5 when no role matches,",
        "130 after Ctrl-C (no new runs start; running ones are ended)."},
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  aws-sso run --role ReadOnly -- aws s3 ls",
                "  aws-sso run --filter AccountName='prod-*' --filter Env=prod --parallel 8 -- ./audit.sh",
                "  aws-sso run --role ReadOnly --output json -- aws sts get-caller-identity | jq -s ."})
public final class RunCommand implements Callable<Integer> {
    /** How the results are printed. */
    public enum Output {
        /** Each line prefixed by the profile, a summary on stderr. */
        TEXT,
        /** One JSON object per role and line on stdout. */
        JSON;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT); // picocli lists candidates with toString()
        }
    }

    @Spec
    private CommandSpec spec;

    @Option(names = {"-f", "--filter"}, paramLabel = "<KEY=GLOB>",
            description = "Only roles whose field (as 'list' names them: AccountName, AccountId, RoleName, Profile,"
                    + " ...) or tag KEY matches GLOB (* any text, ? one character). Repeatable: the same key"
                    + " repeated is either, different keys all.")
    private List<String> filters = new ArrayList<>();

    @Option(names = {"-R", "--role"}, paramLabel = "<role>", description = "Only roles of this name (RoleName=<role>).")
    private String role;

    @Option(names = {"-P", "--parallel"}, paramLabel = "<n>",
            description = "Roles run at the same time (default: ${DEFAULT-VALUE}).")
    private int parallel = RunOptions.DEFAULT_PARALLELISM;

    @Option(names = "--output", paramLabel = "<format>", converter = OutputConverter.class,
            description = "text (default) or json.")
    private Output output = Output.TEXT;

    @Option(names = "--fail-fast", description = "After the first failure start no more runs (running ones finish).")
    private boolean failFast;

    @Option(names = {"-n", "--no-region"}, description = "Do not set AWS_DEFAULT_REGION and AWS_REGION.")
    private boolean noRegion;

    @Option(names = {"-O", "--overwrite-env"},
            description = "Remove every AWS_* variable from the commands' environment first, and set the region"
                    + " even when one is set.")
    private boolean overwriteEnv;

    @Parameters(paramLabel = "<command>", arity = "1..*", description = "The command and its arguments.")
    private List<String> command = new ArrayList<>();

    private final Engine engine;
    private final Terminal terminal;
    private final CliEnvironment environment;

    /**
     * Creates the command.
     *
     * @param engine the library engine
     * @param terminal where the lines and the summary go
     * @param environment the environment handed to each command
     */
    @Inject
    public RunCommand(Engine engine, Terminal terminal, CliEnvironment environment) {
        this.engine = engine;
        this.terminal = terminal;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        RoleFilter filter;
        try {
            filter = RoleFilter.parse(filters);
            if (role != null) {
                filter = filter.and("RoleName", role);
            }
            if (parallel < 1) {
                throw new IllegalArgumentException("--parallel must be at least 1, got " + parallel);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        ExecCommand.refuseConflicting(environment, overwriteEnv);
        AwsSso sso = engine.get();
        RoleProcess processes = new RoleProcess(command, environment.variables(), noRegion, overwriteEnv,
                terminal, output == Output.TEXT);
        RunOptions options = RunOptions.builder().parallelism(parallel).failFast(failFast)
                .listener(output == Output.JSON ? new JsonLines() : RunListener.NONE).build();
        Thread caller = Thread.currentThread();
        List<RoleRunResult<RoleProcess.Exit>> results;
        boolean interrupted;
        // Ctrl-C: no new runs; the runner interrupts the running ones, which end their processes
        try (StopSignals stop = StopSignals.install(caller::interrupt)) {
            results = sso.roles().forEach(filter, options, processes);
            interrupted = Thread.interrupted() || stop.received() != null;
        }
        if (results.isEmpty()) {
            throw new RoleNotFoundException("no role matches " + filter + "; 'aws-sso list' shows the roles,"
                    + " their fields and profiles, 'aws-sso tags' their tags");
        }
        if (output == Output.TEXT) {
            summary(results);
        }
        List<String> failed = results.stream().filter(r -> r.status() == RoleRunResult.Status.FAILED)
                .map(r -> Visible.escape(r.role().profile())).toList();
        if (!failed.isEmpty()) {
            terminal.err().println("error: " + failed.size() + " of " + results.size() + " runs failed: "
                    + String.join(", ", failed));
        }
        if (interrupted) {
            terminal.err().println("interrupted: " + results.stream().filter(r -> r.status()
                    == RoleRunResult.Status.CANCELLED).count() + " of " + results.size() + " runs cancelled");
            return ExitCode.INTERRUPTED.code();
        }
        return failed.isEmpty() && results.stream().allMatch(RoleRunResult::succeeded) ? ExitCode.OK.code()
                : ExitCode.FAILURE.code();
    }

    /** The summary on stderr: each role with its exit code (or what kept it from running) and seconds. */
    private void summary(List<RoleRunResult<RoleProcess.Exit>> results) {
        int width = results.stream().mapToInt(r -> Visible.escape(r.role().profile()).length()).max().orElse(4);
        width = Math.max(width, "ROLE".length());
        terminal.err().println(String.format("%-" + width + "s  %4s  %7s", "ROLE", "EXIT", "SECONDS"));
        for (RoleRunResult<RoleProcess.Exit> r : results) {
            String profile = Visible.escape(r.role().profile());
            String exit = exitCode(r).map(String::valueOf).orElse("-");
            String line = String.format(Locale.ROOT, "%-" + width + "s  %4s  %7.2f", profile, exit,
                    r.duration().toNanos() / 1e9);
            String why = problem(r);
            terminal.err().println(why == null ? line : line + "  " + why);
        }
        terminal.err().flush();
    }

    private static java.util.Optional<Integer> exitCode(RoleRunResult<RoleProcess.Exit> r) {
        if (r.value() != null) {
            return java.util.Optional.of(r.value().code());
        }
        return r.failureIfAny().filter(RoleProcess.Failed.class::isInstance)
                .map(f -> ((RoleProcess.Failed) f).exit().code());
    }

    /** What went wrong for a role, other than its command's exit code; null when nothing did. */
    private static String problem(RoleRunResult<?> r) {
        return switch (r.status()) {
            case SUCCEEDED -> null;
            case CANCELLED -> "cancelled";
            case FAILED -> r.failure() instanceof RoleProcess.Failed ? null
                    : Visible.escape(String.valueOf(r.failure().getMessage()));
        };
    }

    /** {@code --output json}: one object per role and line, printed as each role ends. */
    private final class JsonLines implements RunListener {
        @Override
        public void finished(RoleRunResult<?> result) {
            @SuppressWarnings("unchecked")
            RoleRunResult<RoleProcess.Exit> r = (RoleRunResult<RoleProcess.Exit>) result;
            CatalogRole role = r.role();
            RoleProcess.Exit exit = r.value() != null ? r.value()
                    : r.failure() instanceof RoleProcess.Failed f ? f.exit() : null;
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("profile", role.profile());
            o.put("arn", role.arn().toString());
            o.put("accountId", role.arn().accountId().value());
            o.put("roleName", role.arn().roleName());
            o.put("status", r.status().name().toLowerCase(Locale.ROOT));
            o.put("exitCode", exit == null ? null : exit.code());
            o.put("stdout", exit == null ? "" : exit.stdout());
            o.put("stderr", exit == null ? "" : exit.stderr());
            o.put("seconds", Math.round(r.duration().toNanos() / 1e6) / 1e3);
            o.put("error", problem(r) == null || r.status() == RoleRunResult.Status.CANCELLED ? null
                    : r.failure().getMessage());
            String line = Json.writeLine(o);
            synchronized (terminal.out()) {
                terminal.out().println(line);
                terminal.out().flush();
            }
        }
    }

    /** Converts the argument of {@code --output}; picocli creates it reflectively. */
    public static final class OutputConverter implements ITypeConverter<Output> {
        /** Creates the converter. */
        public OutputConverter() {}

        @Override
        public Output convert(String value) {
            for (Output o : Output.values()) {
                if (o.name().equalsIgnoreCase(value.strip())) {
                    return o;
                }
            }
            throw new TypeConversionException("'" + value + "' is not an output format of run; use text or json");
        }
    }
}
