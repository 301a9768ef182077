package io.awssso.core.internal.config;

import io.awssso.api.ConfigProblem;
import io.awssso.api.ConfigurationException;
import io.awssso.core.internal.config.YamlNode.Position;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the errors and warnings found in one config file, each with its location. */
final class Problems {
    /** More than this is noise (and aliases could repeat one mistake many times). */
    static final int MAX_ERRORS = 100;

    private final Path file;
    private final List<ConfigProblem> errors = new ArrayList<>();
    private final List<ConfigProblem> warnings = new ArrayList<>();
    private ConfigProblem truncated;

    Problems(Path file) {
        this.file = file;
    }

    String fileName() {
        return file.toString();
    }

    /** Records an error; the same error twice (an aliased block bound twice) counts once. */
    void error(Position at, String key, String message) {
        ConfigProblem problem = new ConfigProblem(file, at.line(), at.column(), key, message);
        if (errors.contains(problem)) {
            return;
        }
        if (errors.size() < MAX_ERRORS) {
            errors.add(problem);
        } else if (truncated == null) {
            truncated = new ConfigProblem(file, at.line(), at.column(), "",
                    "more than " + MAX_ERRORS + " problems; fix these and load again");
        }
    }

    void warn(Position at, String key, String message) {
        ConfigProblem problem = new ConfigProblem(file, at.line(), at.column(), key, message);
        if (warnings.size() < MAX_ERRORS && !warnings.contains(problem)) {
            warnings.add(problem);
        }
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<ConfigProblem> warnings() {
        return sorted(warnings);
    }

    /** Throws one exception holding every error, in file order. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            List<ConfigProblem> all = new ArrayList<>(sorted(errors));
            if (truncated != null) {
                all.add(truncated);
            }
            throw new ConfigurationException(all);
        }
    }

    private static List<ConfigProblem> sorted(List<ConfigProblem> list) {
        List<ConfigProblem> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
        return List.copyOf(copy);
    }
}
