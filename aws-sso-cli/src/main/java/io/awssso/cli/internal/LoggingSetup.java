package io.awssso.cli.internal;

import io.awssso.cli.options.LogLevel;
import java.util.Optional;

/**
 * Configures SLF4J's simple logger through its system properties. It reads them once, when the
 * first logger is created, so this runs after the command line is parsed and before anything logs.
 * Logs always go to stderr: stdout is for data.
 */
final class LoggingSetup {
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private LoggingSetup() {}

    /**
     * Applies the log options of this run.
     *
     * @param level the level given with {@code -L}; without one, a level already set with
     *     {@code -Dorg.slf4j.simpleLogger.defaultLogLevel} is kept, else {@code warn}
     * @param lines whether to name the logging class in each line
     */
    static void configure(Optional<LogLevel> level, boolean lines) {
        System.setProperty(PREFIX + "logFile", "System.err");
        if (level.isPresent()) {
            System.setProperty(PREFIX + "defaultLogLevel", level.get().slf4jName());
        } else if (System.getProperty(PREFIX + "defaultLogLevel") == null) {
            System.setProperty(PREFIX + "defaultLogLevel", LogLevel.WARN.slf4jName());
        }
        System.setProperty(PREFIX + "showDateTime", "false");
        System.setProperty(PREFIX + "showThreadName", "false");
        System.setProperty(PREFIX + "showLogName", Boolean.toString(lines));
        System.setProperty(PREFIX + "showShortLogName", "false");
        System.setProperty(PREFIX + "levelInBrackets", "false");
    }
}
