package io.awssso.cli.render;

import io.awssso.core.RoleEnvironment;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * How {@code eval} writes variable assignments for each shell (reference 1.3): POSIX shells
 * (bash, zsh, sh), fish, PowerShell and xonsh.
 *
 * <p>Values hold text from AWS and the config (account names, e-mails, tags), so each is quoted
 * to come back byte for byte in that shell, whatever it holds: quotes of every kind, {@code $},
 * backquotes, backslashes, line breaks, terminal escapes. What no shell variable can hold (a NUL,
 * an unpaired UTF-16 surrogate) and names that are not identifiers are left out, each with a
 * warning that names the variable, never its value (values include secrets).
 */
public enum ShellSyntax {
    /**
     * bash, zsh, sh: {@code export K="V"} and {@code unset K}. Inside double quotes only
     * {@code "}, {@code \}, {@code $} and the backquote are special, and each is escaped; a line
     * break inside the quotes is kept as it is.
     */
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
    /**
     * fish: {@code set -gx K 'V'} and {@code set -e K} (fish has no {@code unset}). In fish's
     * single quotes only {@code \\} and {@code \'} are escapes; a line break is kept as it is.
     */
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
    /**
     * PowerShell ({@code | iex}): {@code $Env:K = 'V'} and {@code $Env:K = $null}, CRLF.
     * PowerShell ends a single-quoted string at {@code '} and also at U+2018–U+201B (the
     * typographic single quotes), so every one of them is doubled. {@code iex} gets a native
     * command's output line by line, so a statement must stay on one line: control characters
     * (line breaks among them) are joined in as {@code [char]N}.
     */
    POWERSHELL("\r\n") {
        @Override
        String set(String name, String value) {
            StringBuilder b = new StringBuilder("$Env:").append(name).append(" = '");
            value.codePoints().forEach(c -> {
                if (isPowerShellSingleQuote(c)) {
                    b.appendCodePoint(c).appendCodePoint(c);
                } else if (Visible.needsEscape(c)) {
                    b.append("' + [char]").append(c).append(" + '");
                } else {
                    b.appendCodePoint(c);
                }
            });
            return b.append('\'').toString();
        }

        @Override
        String unset(String name) {
            return "$Env:" + name + " = $null";
        }
    },
    /**
     * xonsh: {@code $K = 'V'} (a Python string literal) and {@code del $K}. A raw line break would
     * end the literal (a SyntaxError that sets nothing), so {@code \}, {@code '} and every
     * control character are written as Python escapes.
     */
    XONSH("\n") {
        @Override
        String set(String name, String value) {
            StringBuilder b = new StringBuilder("$").append(name).append(" = '");
            value.codePoints().forEach(c -> {
                switch (c) {
                    case '\\' -> b.append("\\\\");
                    case '\'' -> b.append("\\'");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (Visible.needsEscape(c)) {
                            b.append(String.format("\\u%04x", c));
                        } else {
                            b.appendCodePoint(c);
                        }
                    }
                }
            });
            return b.append('\'').toString();
        }

        @Override
        String unset(String name) {
            return "del $" + name;
        }
    };

    /** What every shell here accepts as a variable name without quoting. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String newline;

    ShellSyntax(String newline) {
        this.newline = newline;
    }

    abstract String set(String name, String value);

    abstract String unset(String name);

    /** Whether PowerShell reads {@code c} as a single quote: {@code '} and U+2018–U+201B. */
    static boolean isPowerShellSingleQuote(int c) {
        return c == '\'' || (c >= 0x2018 && c <= 0x201b);
    }

    /**
     * The statements, sets first then unsets, each ending with this shell's line ending; a
     * variable that cannot be written is left out and {@code refused} hears why.
     *
     * @param environment what to set and unset
     * @param refused hears one sentence per variable left out (its name, not its value)
     */
    public String render(RoleEnvironment environment, Consumer<String> refused) {
        StringBuilder b = new StringBuilder();
        environment.set().forEach((k, v) -> {
            Optional<String> problem = problem(k, v);
            if (problem.isPresent()) {
                refused.accept("not setting " + Visible.escape(k) + ": " + problem.get());
            } else {
                b.append(set(k, v)).append(newline);
            }
        });
        environment.unset().forEach(k -> {
            if (NAME.matcher(k).matches()) {
                b.append(unset(k)).append(newline);
            } else {
                refused.accept("not unsetting " + Visible.escape(k) + ": not a valid variable name");
            }
        });
        return b.toString();
    }

    /**
     * Why {@code name=value} cannot be an environment variable of a shell or a child process, if
     * it cannot: the name is not an identifier, or the value holds a NUL or an unpaired surrogate.
     */
    public static Optional<String> problem(String name, String value) {
        if (!NAME.matcher(name).matches()) {
            return Optional.of("not a valid variable name");
        }
        if (value.indexOf('\0') >= 0) {
            return Optional.of("its value holds a NUL character, which no environment variable can hold");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("its value holds an unpaired UTF-16 surrogate, which has no UTF-8 form");
            }
        }
        return Optional.empty();
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
