package io.awssso.cli.internal;

import io.awssso.cli.options.LogLevel;
import java.util.List;
import java.util.Locale;
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
        // Loggers that print secrets at their detailed levels stay quieter than -L asks: the SDK's
        // request signer logs the whole signed request (session token included) at DEBUG, and
        // dbus-java's message dumps can show secret values.
        String chosen = System.getProperty(PREFIX + "defaultLogLevel");
        System.setProperty(PREFIX + "log.software.amazon.awssdk.http.auth.aws.internal.signer",
                atMost("info", chosen));
        System.setProperty(PREFIX + "log.org.freedesktop.dbus", atMost("warn", chosen));
        System.setProperty(PREFIX + "showDateTime", "false");
        System.setProperty(PREFIX + "showThreadName", "false");
        System.setProperty(PREFIX + "showLogName", Boolean.toString(lines));
        System.setProperty(PREFIX + "showShortLogName", "false");
        System.setProperty(PREFIX + "levelInBrackets", "false");
    }

    private static final List<String> ORDER = List.of("error", "warn", "info", "debug", "trace");

    /** The quieter of two slf4j-simple level names. */
    static String atMost(String ceiling, String level) {
        int l = ORDER.indexOf(level == null ? "" : level.toLowerCase(Locale.ROOT));
        return l < 0 || l > ORDER.indexOf(ceiling) ? ceiling : ORDER.get(l);
    }
}
