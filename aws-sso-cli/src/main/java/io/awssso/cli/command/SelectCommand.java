package io.awssso.cli.command;

import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.Engine;
import io.awssso.cli.internal.InteractiveRoleSelector;
import io.awssso.cli.internal.Terminal;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code aws-sso select}: the interactive role selector on its own, printing the chosen role's
 * ARN on stdout, so scripts can compose it: {@code aws-sso exec -a $(aws-sso select)}.
 */
@Command(name = "select", description = {
        "Pick a role interactively and print its ARN.",
        "Type a tag key, then a value, to narrow the roles (ProfileName is a key too; FirstTag is",
        "listed first, and FullTextSearch decides between substring and prefix matching). <Tab> or",
        "<Down> walks the suggestions, <Space> takes one, <Enter> selects the one role left or the",
        "profile name or ARN typed. `exit` or Ctrl-D aborts (exit 1), Ctrl-C exits 130.",
        "The prompt is drawn on stderr; only the ARN goes to stdout."},
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  aws-sso select", "  aws-sso exec -a \"$(aws-sso select)\" -- aws sts get-caller-identity"})
public final class SelectCommand implements Callable<Integer> {
    private final Engine engine;
    private final Terminal terminal;

    /**
     * Creates the command.
     *
     * @param engine the library engine
     * @param terminal stdout gets the ARN, stderr the prompt
     */
    @Inject
    public SelectCommand(Engine engine, Terminal terminal) {
        this.engine = engine;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        terminal.out().println(InteractiveRoleSelector.select(engine.get(), terminal));
        return ExitCode.OK.code();
    }
}
