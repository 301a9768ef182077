package io.awssso.core.internal.config;

import io.awssso.api.ConfigProblem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A loaded config and what the caller needs besides the settings.
 *
 * @param config the settings
 * @param location where the file and the config directory are
 * @param modified the file's last-modified time (the role cache compares it)
 * @param warnings things worth logging that did not stop loading (unknown keys, deprecated
 *     options), each with file and line
 */
public record LoadedConfig(AwsSsoConfig config, ConfigLocation location, Instant modified,
        List<ConfigProblem> warnings) {

    /** Checks presence and freezes the warnings. */
    public LoadedConfig {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(modified, "modified");
        warnings = List.copyOf(warnings);
    }

    /** The config file. */
    public Path file() {
        return location.file();
    }
}
