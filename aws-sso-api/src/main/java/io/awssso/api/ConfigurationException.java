package io.awssso.api;

import java.util.List;

/**
 * The configuration is invalid. Lists <em>every</em> problem found, each with file, line and key,
 * so that the user can fix them all in one go.
 */
public class ConfigurationException extends AwsSsoException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    /** An exception for one or more problems (at least one). */
    public ConfigurationException(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** An exception for a single problem without a location. */
    public ConfigurationException(String message) {
        this(List.of(new ConfigProblem(null, 0, 0, "", message)));
    }

    /** The problems, in file order. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("a configuration error needs at least one problem");
        }
        if (problems.size() == 1) {
            return "invalid configuration: " + problems.get(0);
        }
        StringBuilder b = new StringBuilder("invalid configuration (")
                .append(problems.size()).append(" problems):");
        for (ConfigProblem p : problems) {
            b.append("\n  ").append(p);
        }
        return b.toString();
    }
}
