package io.awssso.core.internal.config;

import io.awssso.api.ConfigProblem;
import io.awssso.core.internal.config.YamlNode.Entry;
import io.awssso.core.internal.config.YamlNode.Mapping;
import io.awssso.core.internal.config.YamlNode.Scalar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates a top-level key of a config file for a problem found after loading: a
 * {@code ProfileFormat} is parsed only when profile names are made (as aws-sso-cli does, and so
 * that {@code process} never loads the template engine), yet its error must still name the file,
 * the line and the key. The file is read again only on that error path.
 */
public final class ConfigKeyLocator {
    private ConfigKeyLocator() {
    }

    /**
     * A problem at the value of the top-level {@code key}; at line 0 when the file cannot be read
     * or does not set the key (the value is then a default).
     */
    public static ConfigProblem problem(Path file, String key, String message) {
        YamlNode.Position at = file == null ? null : valuePosition(file, key).orElse(null);
        return new ConfigProblem(file, at == null ? 0 : at.line(), at == null ? 0 : at.column(), key, message);
    }

    private static Optional<YamlNode.Position> valuePosition(Path file, String key) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Optional<YamlNode> root = YamlComposer.compose(text, new Problems(file));
        if (root.isEmpty() || !(root.get() instanceof Mapping m)) {
            return Optional.empty();
        }
        for (Entry e : m.entries()) {
            if (e.key() instanceof Scalar s && s.value().equals(key)) {
                return Optional.of(e.value().position());
            }
        }
        return Optional.empty();
    }
}
