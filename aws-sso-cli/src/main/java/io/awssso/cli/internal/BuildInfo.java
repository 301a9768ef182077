package io.awssso.cli.internal;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * What this build is: the project version, the commit when the build ran in a git checkout
 * ({@code git describe --always --dirty}), and the build date (the build's output timestamp, which
 * is the commit's date in a reproducible build). Read from {@code build-info.properties}, which the
 * build generates next to this class.
 */
@Singleton
public final class BuildInfo {
    static final String RESOURCE = "build-info.properties";

    private final String version;
    private final Optional<String> commit;
    private final Optional<String> date;

    /** Reads the build information generated into this module. */
    @Inject
    public BuildInfo() {
        this(load());
    }

    /** Creates build information from properties with the keys {@code version}, {@code commit}, {@code date}. */
    BuildInfo(Properties properties) {
        this.version = value(properties, "version").orElse("unknown");
        this.commit = value(properties, "commit");
        this.date = value(properties, "date");
    }

    /** Returns the project version, such as {@code 0.1.0-SNAPSHOT}, or {@code unknown}. */
    public String version() {
        return version;
    }

    /** Returns the commit the build was made from, with a {@code -dirty} suffix for local changes. */
    public Optional<String> commit() {
        return commit;
    }

    /** Returns when the build was made (ISO-8601, such as {@code 2026-12-07T17:26:33Z}). */
    public Optional<String> date() {
        return date;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the aws-sso jar", e);
        }
        return properties;
    }

    private static Optional<String> value(Properties properties, String key) {
        String value = properties.getProperty(key, "").strip();
        // An unfiltered placeholder means the build could not fill it in.
        if (value.isEmpty() || value.startsWith("${")) {
            return Optional.empty();
        }
        return Optional.of(value);
    }
}
