package io.awssso.cli.command;

import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.BuildInfo;
import io.awssso.cli.internal.Terminal;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code aws-sso version}: prints the version, the commit it was built from, the build date and
 * the Java runtime (and whether it is the one bundled with the install) to stdout. Needs no
 * configuration, store or network.
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
        buildInfo.date().ifPresent(date -> out.println("Built: " + date));
        out.println("Java: " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ") on " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch"));
        Path javaHome = Path.of(System.getProperty("java.home"));
        Optional<String> launcher = Optional.ofNullable(System.getProperty(SetupProfilesCommand.LAUNCHER_PROPERTY))
                .filter(p -> !p.isBlank());
        out.println("Runtime: " + javaHome + (isBundled(javaHome, launcher) ? " (bundled with aws-sso)" : ""));
        return ExitCode.OK.code();
    }

    /**
     * Whether {@code javaHome} is the runtime bundled with the install whose launcher is
     * {@code launcher}: an install keeps it in {@code runtime/}, next to the launcher's {@code bin/}.
     */
    static boolean isBundled(Path javaHome, Optional<String> launcher) {
        if (launcher.isEmpty()) {
            return false;
        }
        Path bin = Path.of(launcher.get()).toAbsolutePath().getParent();
        Path install = bin == null ? null : bin.getParent();
        if (install == null) {
            return false;
        }
        Path bundled = install.resolve("runtime");
        try {
            return Files.isDirectory(bundled) && Files.isSameFile(bundled, javaHome);
        } catch (IOException e) {
            return false; // either is gone: not the bundled runtime
        }
    }
}
