package io.awssso.cli.render;

import io.awssso.core.RoleEnvironment;
import java.util.Map;
import java.util.Optional;

/**
 * How {@code eval} writes variable assignments for each shell (reference 1.3): POSIX shells
 * (bash, zsh, sh), fish, PowerShell and xonsh. Values are quoted so that any character survives.
 */
public enum ShellSyntax {
    /** bash, zsh, sh: {@code export K="V"} and {@code unset K}. */
    POSIX("\n") {
        @Override
        String set(String name, String value) {
            StringBuilder b = new StringBuilder("export ").append(name).append("=\"");
            for (char c : value.toCharArray()) {
                if (c == '"' || c == '\\' || c == '$' || c == '`') {
                    b.append('\\');
                }
                b.append(c);
            }
            return b.append('"').toString();
        }

        @Override
        String unset(String name) {
            return "unset " + name;
        }
    },
    /** fish: {@code set -gx K 'V'} and {@code set -e K} (fish has no {@code unset}). */
    FISH("\n") {
        @Override
        String set(String name, String value) {
            return "set -gx " + name + " '" + value.replace("\\", "\\\\").replace("'", "\\'") + "';";
        }

        @Override
        String unset(String name) {
            return "set -e " + name + ";";
        }
    },
    /** PowerShell ({@code | iex}): {@code $Env:K = 'V'} and {@code $Env:K = $null}, CRLF. */
    POWERSHELL("\r\n") {
        @Override
        String set(String name, String value) {
            return "$Env:" + name + " = '" + value.replace("'", "''") + "'";
        }

        @Override
        String unset(String name) {
            return "$Env:" + name + " = $null";
        }
    },
    /** xonsh: {@code $K = 'V'} and {@code del $K}. */
    XONSH("\n") {
        @Override
        String set(String name, String value) {
            return "$" + name + " = '" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }

        @Override
        String unset(String name) {
            return "del $" + name;
        }
    };

    private final String newline;

    ShellSyntax(String newline) {
        this.newline = newline;
    }

    abstract String set(String name, String value);

    abstract String unset(String name);

    /** The statements, sets first then unsets, each ending with this shell's line ending. */
    public String render(RoleEnvironment environment) {
        StringBuilder b = new StringBuilder();
        environment.set().forEach((k, v) -> b.append(set(k, v)).append(newline));
        environment.unset().forEach(k -> b.append(unset(k)).append(newline));
        return b.toString();
    }

    /**
     * The syntax for the caller's shell: xonsh when {@code $XONSH_VERSION} is set, PowerShell on
     * Windows, else by the name at the end of {@code $SHELL}.
     *
     * @return empty for a shell this tool cannot write for
     */
    public static Optional<ShellSyntax> detect(Map<String, String> env, boolean windows) {
        if (!env.getOrDefault("XONSH_VERSION", "").isEmpty()) {
            return Optional.of(XONSH);
        }
        String shell = env.getOrDefault("SHELL", "");
        String name = shell.substring(Math.max(shell.lastIndexOf('/'), shell.lastIndexOf('\\')) + 1);
        if (name.endsWith(".exe")) {
            name = name.substring(0, name.length() - 4);
        }
        switch (name) {
            case "bash", "zsh", "sh", "dash", "ksh" -> {
                return Optional.of(POSIX);
            }
            case "fish" -> {
                return Optional.of(FISH);
            }
            case "pwsh", "powershell" -> {
                return Optional.of(POWERSHELL);
            }
            default -> {
                return windows ? Optional.of(POWERSHELL) : Optional.empty();
            }
        }
    }
}
