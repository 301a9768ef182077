package io.awssso.cli.command;

import io.awssso.cli.ExitCode;
import io.awssso.cli.completion.Shell;
import io.awssso.cli.completion.ShellScripts;
import io.awssso.cli.internal.CliEnvironment;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.options.ShellNames;
import jakarta.inject.Inject;
import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aws-sso setup completions --source | -I | -U [--shell <shell>] [--shell-script <file>]
 * [--force]}: prints, installs or removes shell completion and the {@code aws-sso-profile} and
 * {@code aws-sso-clear} helpers. bash and zsh get a marked block in their rc file; fish gets four
 * files. Changes are shown as a diff first, and made only after a yes on a terminal, or with
 * {@code --force}.
 */
@Command(name = "completions",
        description = "Print, install or remove shell completion and the aws-sso-profile and aws-sso-clear"
                + " helpers (bash, zsh, fish).",
        footer = {"",
                "bash: a block between '# BEGIN_AWS_SSO_CLI' and '# END_AWS_SSO_CLI' in ~/.bash_profile;",
                "zsh: the same block in ~/.zshrc; fish: completions/aws-sso.fish, completions/aws-sso-profile.fish,",
                "functions/aws-sso-profile.fish and functions/aws-sso-clear.fish under ~/.config/fish.",
                "",
                "Choosing the SSO instance: completion of accounts, roles, ARNs and profiles reads the role",
                "cache of the instance named by -S/--sso when it is typed earlier on the same line, else",
                "$AWS_SSO, else DefaultSSO. A one-off prefix does not work: in 'AWS_SSO=Other aws-sso console",
                "-A <Tab>' the variable is not yet set when the shell completes. Export it first",
                "('export AWS_SSO=Other', in fish 'set -gx AWS_SSO Other') or type -S Other before the flag.",
                "",
                "Examples:",
                "  aws-sso setup completions --source --shell bash   # print the bash script",
                "  aws-sso setup completions -I                      # install for your login shell",
                "  aws-sso setup completions -U --shell zsh --force  # remove the zsh block without asking"})
public final class SetupCompletionsCommand implements Callable<Integer> {
    static final class Action {
        @Option(names = "--source", required = true, description = "Print the script for the shell.")
        boolean source;

        @Option(names = {"-I", "--install"}, required = true, description = "Install it (shows a diff first).")
        boolean install;

        @Option(names = {"-U", "--uninstall"}, required = true, description = "Remove it (shows a diff first).")
        boolean uninstall;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Action action;

    @Option(names = "--shell", paramLabel = "<shell>", completionCandidates = ShellNames.class,
            description = "${COMPLETION-CANDIDATES} (default: the shell in $SHELL).")
    private String shell;

    @Option(names = "--shell-script", paramLabel = "<file>",
            description = "The file to change instead of ~/.bash_profile or ~/.zshrc (fish: the directory"
                    + " instead of ~/.config/fish).")
    private Path shellScript;

    @Option(names = "--force", description = "Change files without asking (needed when not on a terminal).")
    private boolean force;

    private final Terminal terminal;
    private final CliEnvironment environment;

    /**
     * Creates the command.
     *
     * @param terminal stdout for {@code --source}, stderr for the diff and messages
     * @param environment {@code SHELL}, {@code HOME}, {@code ZDOTDIR}, {@code XDG_CONFIG_HOME} and
     *     {@code AWS_SSO_EXECUTABLE} (overrides the command the scripts run: by default the
     *     launcher's path from the {@code awssso.launcher} property, else {@code aws-sso})
     */
    @Inject
    public SetupCompletionsCommand(Terminal terminal, CliEnvironment environment) {
        this.terminal = terminal;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Optional<Shell> target = shell != null
                ? Shell.ofPath(shell.toLowerCase(Locale.ROOT))
                : environment.get("SHELL").flatMap(Shell::ofPath);
        if (target.isEmpty()) {
            terminal.err().println("error: " + (shell != null
                    ? "unsupported shell '" + shell + "': use bash, zsh or fish"
                    : "cannot tell your shell from $SHELL (" + environment.get("SHELL").orElse("unset")
                            + "): give --shell bash, zsh or fish"));
            return ExitCode.USAGE.code();
        }
        // the launchers pass their own path as awssso.launcher (a JVM cannot know how it was started)
        String executable = environment.get("AWS_SSO_EXECUTABLE")
                .or(() -> Optional.ofNullable(System.getProperty("awssso.launcher")).filter(p -> !p.isBlank()))
                .orElse("aws-sso");
        if (action.source) {
            terminal.out().print(ShellScripts.source(target.get(), executable));
            return ExitCode.OK.code();
        }
        Map<Path, String> changes = target.get() == Shell.FISH
                ? fishChanges(executable) : rcChanges(target.get(), executable);
        changes.entrySet().removeIf(e -> e.getValue() == null ? !Files.exists(e.getKey())
                : e.getValue().equals(read(e.getKey()).orElse(null)));
        if (changes.isEmpty()) {
            terminal.err().println(action.install ? "aws-sso completion is already installed; nothing to change."
                    : "aws-sso completion is not installed; nothing to change.");
            return ExitCode.OK.code();
        }
        changes.forEach((file, content) -> terminal.err().print(diff(file, read(file).orElse(""),
                content == null ? "" : content)));
        if (!force && !confirm()) {
            return ExitCode.FAILURE.code();
        }
        changes.forEach(this::apply);
        terminal.err().println("Done: please restart your shell (or open a new one) for the changes to take effect.");
        return ExitCode.OK.code();
    }

    private Map<Path, String> rcChanges(Shell target, String executable) {
        Path file = shellScript != null ? shellScript
                : ShellScripts.rcFile(target, environment.home(), environment.get("ZDOTDIR").orElse(null));
        String old = read(file).orElse("");
        String block = action.install ? ShellScripts.block(target, executable) : "";
        Map<Path, String> changes = new LinkedHashMap<>();
        changes.put(file, ShellScripts.withBlock(old, block));
        return changes;
    }

    private Map<Path, String> fishChanges(String executable) {
        Path dir = shellScript != null ? shellScript
                : environment.get("XDG_CONFIG_HOME").map(Path::of)
                        .orElse(environment.home().resolve(".config")).resolve("fish");
        Map<Path, String> changes = new LinkedHashMap<>();
        ShellScripts.files(Shell.FISH, executable).forEach((name, content) -> {
            Path file = dir.resolve(name);
            if (action.install) {
                changes.put(file, ShellScripts.BEGIN + "\n" + content + ShellScripts.END + "\n");
            } else if (read(file).filter(c -> c.startsWith(ShellScripts.BEGIN + "\n")).isPresent()) {
                changes.put(file, null); // ours: delete it; a file the user wrote is left alone
            }
        });
        return changes;
    }

    private boolean confirm() {
        Console console = System.console();
        if (console == null) {
            terminal.err().println("error: not changing anything without confirmation: stdin is not a terminal;"
                    + " run again with --force to apply the changes above");
            return false;
        }
        terminal.err().flush();
        String answer = console.readLine("Apply these changes? [y/N] ");
        if (answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
            return true;
        }
        terminal.err().println("Nothing changed.");
        return false;
    }

    private void apply(Path file, String content) {
        try {
            if (content == null) {
                Files.deleteIfExists(file);
                terminal.err().println("Removed " + file);
                return;
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + file.getFileName() + ".aws-sso-" + ProcessHandle.current().pid() + ".tmp");
            Set<PosixFilePermission> mode = Files.exists(file) ? Files.getPosixFilePermissions(file)
                    : PosixFilePermissions.fromString("rw-------");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                Files.setPosixFilePermissions(tmp, mode);
                ch.write(StandardCharsets.UTF_8.encode(content));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            terminal.err().println("Updated " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A unified diff of one hunk: the lines between the common head and the common tail. */
    static String diff(Path file, String before, String after) {
        List<String> a = before.isEmpty() ? List.of() : List.of(before.split("\n", -1));
        List<String> b = after.isEmpty() ? List.of() : List.of(after.split("\n", -1));
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<String> out = new ArrayList<>();
        out.add("--- " + file);
        out.add("+++ " + file);
        out.add("@@ -" + (head + 1) + "," + (a.size() - head - tail) + " +" + (head + 1) + ","
                + (b.size() - head - tail) + " @@");
        a.subList(head, a.size() - tail).forEach(l -> out.add("-" + l));
        b.subList(head, b.size() - tail).forEach(l -> out.add("+" + l));
        return String.join("\n", out) + "\n";
    }
}
