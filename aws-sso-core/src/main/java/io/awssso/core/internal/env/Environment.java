package io.awssso.core.internal.env;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Environment variables, the home directory and the operating system, as one immutable value.
 *
 * <p>Production code uses {@link #system()}; tests build their own with {@link #of(Map, Path)}.
 * Nothing else in the engine calls {@code System.getenv} or reads {@code user.home}.
 */
public final class Environment {
    private final Map<String, String> variables;
    private final Path home;
    private final String osName;

    private Environment(Map<String, String> variables, Path home, String osName) {
        this.variables = Map.copyOf(variables);
        this.home = Objects.requireNonNull(home, "home");
        this.osName = Objects.requireNonNull(osName, "osName");
    }

    /**
     * The real process environment. The home directory is {@code $HOME} when set (as the Go tool and
     * the AWS CLI do, so a throwaway {@code HOME=...} works), else the JVM's {@code user.home}.
     */
    public static Environment system() {
        Map<String, String> env = System.getenv();
        String home = env.get("HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home");
        }
        return new Environment(env, Path.of(home), System.getProperty("os.name", ""));
    }

    /** A made-up environment on Linux, for tests and embedding. */
    public static Environment of(Map<String, String> variables, Path home) {
        return new Environment(variables, home, "Linux");
    }

    /** A made-up environment on the named operating system (as {@code os.name} spells it). */
    public static Environment of(Map<String, String> variables, Path home, String osName) {
        return new Environment(variables, home, osName);
    }

    /**
     * The value of an environment variable. Unset and empty count the same: aws-sso-cli never tells
     * them apart, and {@code AWS_SSO_CONFIG=} should not mean "a config file named ''".
     */
    public Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /**
     * Every variable, unmodifiable: for handing on to child processes and SDK settings. Never log
     * it; values may be secrets.
     */
    public Map<String, String> variables() {
        return variables;
    }

    /** The user's home directory. */
    public Path home() {
        return home;
    }

    /** The operating system's name, as {@code os.name} spells it. */
    public String osName() {
        return osName;
    }

    /** Whether this is Windows. */
    public boolean isWindows() {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** Whether this is macOS. */
    public boolean isMacOs() {
        String os = osName.toLowerCase(Locale.ROOT);
        return os.startsWith("mac") || os.startsWith("darwin");
    }

    /**
     * Whether we run on a machine the user is not sitting at (SSH, or WSL whose Linux side cannot
     * open the Windows browser): there a browser-based login cannot reach the user, so the
     * device-code flow is the better default.
     */
    public boolean isRemoteHost() {
        return get("SSH_TTY").isPresent()
                || get("SSH_CONNECTION").isPresent()
                || get("WSL_DISTRO_NAME").isPresent();
    }

    /**
     * Replaces a leading {@code ~} (alone, or followed by a path separator) with the home directory.
     * {@code ~user} forms are left alone, as the Go tool does.
     */
    public String expandTilde(String path) {
        if (path == null || !path.startsWith("~")) {
            return path;
        }
        if (path.length() == 1) {
            return home.toString();
        }
        char next = path.charAt(1);
        if (next == '/' || (next == '\\' && isWindows())) {
            return home.resolve(path.substring(2)).toString();
        }
        return path;
    }

    /** {@link #expandTilde} as a path. */
    public Path expandPath(String path) {
        return Path.of(expandTilde(path));
    }

    /** Names only: values may hold secrets ({@code AWS_SECRET_ACCESS_KEY}, file passwords). */
    @Override
    public String toString() {
        return "Environment[os=" + osName + ", home=" + home + ", " + variables.size() + " variables]";
    }
}
