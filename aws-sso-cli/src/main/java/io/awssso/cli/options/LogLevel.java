package io.awssso.cli.options;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The values of {@code -L/--level}, from least to most verbose. */
public enum LogLevel {
    /** Only errors. */
    ERROR,
    /** Errors and warnings (the default). */
    WARN,
    /** Adds progress worth knowing about. */
    INFO,
    /** Adds detail for bug reports; failures also print their stack trace. */
    DEBUG,
    /** Everything, including each request made. */
    TRACE;

    /** Returns the level name as SLF4J's simple logger spells it. */
    public String slf4jName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns whether this level shows everything {@code other} shows. */
    public boolean includes(LogLevel other) {
        return compareTo(other) >= 0;
    }

    /**
     * Returns the level named {@code name}, in any letter case.
     *
     * @throws IllegalArgumentException naming the valid levels, if there is no such level
     */
    public static LogLevel parse(String name) {
        for (LogLevel level : values()) {
            if (level.name().equalsIgnoreCase(name.strip())) {
                return level;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a log level; use one of " + names());
    }

    private static String names() {
        return Arrays.stream(values()).map(LogLevel::slf4jName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        // picocli lists the candidates with toString(); users type them in lower case.
        return slf4jName();
    }

    /** Converts the argument of {@code -L/--level}; picocli creates it reflectively. */
    public static final class Converter implements ITypeConverter<LogLevel> {
        /** Creates the converter. */
        public Converter() {}

        @Override
        public LogLevel convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
