package io.awssso.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One problem found in a configuration file.
 *
 * @param file the file, or {@code null} when the settings did not come from a file
 * @param line the 1-based line, or 0 when unknown
 * @param column the 1-based column, or 0 when unknown
 * @param key the dotted key path (for example {@code SSOConfig.Default.SSORegion}), or empty
 * @param message what is wrong and what is expected
 */
public record ConfigProblem(Path file, int line, int column, String key, String message) {
    /** Checks the message and normalises the key. */
    public ConfigProblem {
        Objects.requireNonNull(message, "message");
        key = key == null ? "" : key;
    }

    /** {@code file:line:column: key: message}, leaving out what is unknown. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (file != null) {
            b.append(file);
            if (line > 0) {
                b.append(':').append(line);
                if (column > 0) {
                    b.append(':').append(column);
                }
            }
            b.append(": ");
        }
        if (!key.isEmpty()) {
            b.append(key).append(": ");
        }
        return b.append(message).toString();
    }
}
