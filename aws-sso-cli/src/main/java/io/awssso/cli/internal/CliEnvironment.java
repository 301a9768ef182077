package io.awssso.cli.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables the tool sees. {@code Main.run} passes the process environment; tests
 * pass their own map.
 */
public final class CliEnvironment {
    private final Map<String, String> variables;

    /**
     * Creates an environment holding a copy of {@code variables}.
     *
     * @param variables names to values; neither may be null
     */
    public CliEnvironment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /**
     * Returns the value of a variable; a variable set to the empty string counts as unset, as it does
     * for the shell's {@code ${VAR:-default}}.
     */
    public Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Returns every variable (handed to the engine, which passes them on to child processes). */
    public Map<String, String> variables() {
        return variables;
    }

    /** Returns the home directory: {@code $HOME} when set, as for the AWS CLI, else the JVM's. */
    public Path home() {
        return Path.of(get("HOME").orElseGet(() -> System.getProperty("user.home")));
    }
}
