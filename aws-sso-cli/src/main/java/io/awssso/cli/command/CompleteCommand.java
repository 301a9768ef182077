package io.awssso.cli.command;

import io.awssso.cli.completion.CacheCompletionData;
import io.awssso.cli.completion.Completer;
import io.awssso.cli.completion.Completer.Candidate;
import io.awssso.cli.completion.Shell;
import io.awssso.cli.internal.CliEnvironment;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.options.GlobalOptions;
import io.awssso.cli.options.ShellNames;
import io.awssso.cli.render.Visible;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aws-sso __complete --shell=<shell> --line=<text>} (hidden): what the completion scripts
 * run on each Tab. Prints one candidate per line for the word left of the cursor ({@code :files}
 * asks the shell to complete file names). Never fails loudly: errors would end up in the
 * user's command line.
 */
@Command(name = "__complete", hidden = true,
        description = "Complete a command line (used by the shell completion scripts).")
public final class CompleteCommand implements Callable<Integer> {
    private final GlobalOptions globalOptions;

    @Spec
    private CommandSpec spec;

    @Option(names = "--shell", paramLabel = "<shell>", defaultValue = "bash", completionCandidates = ShellNames.class,
            description = "${COMPLETION-CANDIDATES}: how candidates are printed.")
    private String shell;

    @Option(names = "--line", paramLabel = "<text>", required = true,
            description = "The command line up to the cursor.")
    private String line;

    private final Terminal terminal;
    private final CliEnvironment environment;

    /**
     * Creates the command.
     *
     * @param globalOptions the run's global options ({@code --config} selects the config to read)
     * @param terminal where candidates go
     * @param environment {@code AWS_SSO}, {@code AWS_SSO_CONFIG} and HOME
     */
    @Inject
    public CompleteCommand(GlobalOptions globalOptions, Terminal terminal, CliEnvironment environment) {
        this.globalOptions = globalOptions;
        this.terminal = terminal;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Shell target = Shell.ofPath(shell).orElse(Shell.BASH);
        CacheCompletionData data = new CacheCompletionData(
                globalOptions.config().map(Path::toString).orElse(null), environment.variables(), environment.home());
        List<Candidate> candidates = new Completer(spec.root(), data).complete(line);
        String current = currentWord(line);
        // bash splits words at ':' and '=' (COMP_WORDBREAKS), so it replaces only what follows them
        int cut = Math.max(current.lastIndexOf(':'), current.lastIndexOf('=')) + 1;
        for (Candidate c : candidates) {
            String value = c.value();
            if (value.codePoints().anyMatch(Visible::needsEscape)) {
                // one candidate per line: a name from AWS with a line break (or a terminal control)
                // cannot be offered whole, and a part of it must never become a candidate of its own
                continue;
            }
            if (target == Shell.BASH && !value.equals(Completer.FILES) && value.length() >= cut) {
                value = value.substring(cut);
            }
            if (target == Shell.FISH && !c.description().isEmpty()) {
                value = value + "\t" + Visible.escape(c.description());
            }
            terminal.out().println(value);
        }
        return 0;
    }

    private static String currentWord(String line) {
        int i = line.length();
        while (i > 0 && !Character.isWhitespace(line.charAt(i - 1))) {
            i--;
        }
        return line.substring(i);
    }
}
