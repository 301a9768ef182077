package io.awssso.core.internal.config;

import java.util.Locale;
import java.util.Optional;

/** The log level: {@code LogLevel} and {@code -L/--level}. */
public enum LogLevel {
    /** Errors only. */
    ERROR,
    /** Errors and warnings. */
    WARN,
    /** The default. */
    INFO,
    /** Diagnostics. */
    DEBUG,
    /** Everything. */
    TRACE;

    /** The name written in config.yaml: the constant in lower case. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level with this name (case-insensitive); {@code warning} is read as {@code warn}. */
    public static Optional<LogLevel> fromConfigName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String wanted = n.equals("warning") ? "warn" : n;
        for (LogLevel level : values()) { // a loop, not a stream: the process fast path reads it
            if (level.configName().equals(wanted)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return configName();
    }
}
