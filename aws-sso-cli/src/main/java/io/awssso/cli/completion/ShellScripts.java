package io.awssso.cli.completion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The completion scripts and shell helpers, with the launcher's path filled in, and where each
 * goes: bash and zsh get one script (a marked block in their rc file), fish gets four files
 * (completions and functions separately, because fish loads each lazily by name).
 */
public final class ShellScripts {
    /** The first line of the managed block (also the marker of the files written for fish). */
    public static final String BEGIN = "# BEGIN_AWS_SSO_CLI";
    /** The last line of the managed block. */
    public static final String END = "# END_AWS_SSO_CLI";

    private ShellScripts() {}

    /**
     * The script of {@code shell} for {@code --source}; for fish, its four files in one script.
     *
     * @param shell the shell
     * @param executable the command the script runs ({@code aws-sso} on the PATH, or a path)
     */
    public static String source(Shell shell, String executable) {
        return String.join("\n", files(shell, executable).values());
    }

    /**
     * The files of {@code shell}, keyed by their path relative to the install directory: for bash
     * and zsh a single {@code aws-sso.bash}/{@code aws-sso.zsh}; for fish
     * {@code completions/aws-sso.fish}, {@code completions/aws-sso-profile.fish},
     * {@code functions/aws-sso-profile.fish} and {@code functions/aws-sso-clear.fish}.
     */
    public static Map<String, String> files(Shell shell, String executable) {
        Map<String, String> files = new LinkedHashMap<>();
        switch (shell) {
            case BASH -> files.put("aws-sso.bash", template("aws-sso.bash", posixQuote(executable)));
            case ZSH -> files.put("aws-sso.zsh", template("aws-sso.zsh", posixQuote(executable)));
            case FISH -> {
                String exe = fishQuote(executable);
                files.put("completions/aws-sso.fish", template("aws-sso.completions.fish", exe));
                files.put("completions/aws-sso-profile.fish", template("aws-sso-profile.completions.fish", exe));
                files.put("functions/aws-sso-profile.fish", template("aws-sso-profile.functions.fish", exe));
                files.put("functions/aws-sso-clear.fish", template("aws-sso-clear.functions.fish", exe));
            }
            default -> throw new IllegalArgumentException("unknown shell " + shell);
        }
        return files;
    }

    /** The marked block for the rc file of bash or zsh, ending in a newline. */
    public static String block(Shell shell, String executable) {
        String script = files(shell, executable).values().iterator().next();
        return BEGIN + "\n" + (script.endsWith("\n") ? script : script + "\n") + END + "\n";
    }

    /**
     * {@code content} with the marked block replaced by {@code block}, or the block appended when
     * there is none; with an empty {@code block}, the marked block removed. Everything outside the
     * markers is kept, and a last line without a newline gets one before an appended block.
     */
    public static String withBlock(String content, String block) {
        int begin = lineStart(content, BEGIN);
        if (begin >= 0) {
            int endLine = content.indexOf("\n" + END, begin);
            int after;
            if (endLine < 0) {
                after = content.length(); // a damaged block: replace to the end
            } else {
                int eol = content.indexOf('\n', endLine + 1);
                after = eol < 0 ? content.length() : eol + 1;
            }
            return content.substring(0, begin) + block + content.substring(after);
        }
        if (block.isEmpty()) {
            return content;
        }
        String base = content.isEmpty() || content.endsWith("\n") ? content : content + "\n";
        return base + block;
    }

    private static int lineStart(String content, String line) {
        int from = 0;
        while (true) {
            int i = content.indexOf(line, from);
            if (i < 0) {
                return -1;
            }
            boolean atStart = i == 0 || content.charAt(i - 1) == '\n';
            int end = i + line.length();
            boolean atEnd = end == content.length() || content.charAt(end) == '\n';
            if (atStart && atEnd) {
                return i;
            }
            from = end;
        }
    }

    /** The default rc file of bash or zsh under {@code home} (zsh honours {@code $ZDOTDIR}). */
    public static Path rcFile(Shell shell, Path home, String zdotdir) {
        return switch (shell) {
            case BASH -> home.resolve(".bash_profile");
            case ZSH -> (zdotdir == null || zdotdir.isEmpty() ? home : Path.of(zdotdir)).resolve(".zshrc");
            case FISH -> throw new IllegalArgumentException("fish has no rc block");
        };
    }

    private static String template(String name, String executable) {
        try (InputStream in = ShellScripts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@EXECUTABLE@", executable);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String posixQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static String fishQuote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
