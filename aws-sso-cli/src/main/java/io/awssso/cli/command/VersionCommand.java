package io.awssso.cli.command;

import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.BuildInfo;
import io.awssso.cli.internal.Terminal;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code aws-sso version}: prints the version, the commit it was built from and the Java runtime
 * to stdout. Needs no configuration, store or network.
 */
@Command(name = "version", description = "Print the version, the build and the Java runtime.",
        optionListHeading = "%nOptions:%n")
public final class VersionCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final BuildInfo buildInfo;

    /**
     * Creates the command.
     *
     * @param terminal where the version goes (stdout)
     * @param buildInfo the version and commit of this build
     */
    @Inject
    public VersionCommand(Terminal terminal, BuildInfo buildInfo) {
        this.terminal = terminal;
        this.buildInfo = buildInfo;
    }

    @Override
    public Integer call() {
        PrintWriter out = terminal.out();
        out.println("aws-sso for Java " + buildInfo.version());
        buildInfo.commit().ifPresent(commit -> out.println("Commit: " + commit));
        out.println("Java: " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ") on " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch"));
        return ExitCode.OK.code();
    }
}
