package io.awssso.cli.internal;

import java.util.Map;
import java.util.Optional;

/**
 * The environment variables the tool sees. {@code Main.run} passes the process environment; tests
 * pass their own map.
 */
// TODO(wiring): replace with io.awssso.core's Environment once core exports it.
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
}
