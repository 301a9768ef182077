package io.awssso.cli.internal;

import io.awssso.cli.options.LogLevel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Configures SLF4J's simple logger through its system properties. It reads them once, when the
 * first logger is created, and that can happen while the command tree is being built (a command
 * or a library class with a static logger), before picocli has parsed anything. So
 * {@link #configureFromArguments} reads {@code -L} and {@code --lines} straight from the arguments
 * first, and {@link #configure} applies the parsed options again before the command runs.
 * Logs always go to stderr: stdout is for data.
 */
final class LoggingSetup {
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private LoggingSetup() {}

    /** The log options found in the raw arguments. */
    record LogOptions(Optional<LogLevel> level, boolean lines) {}

    /**
     * Applies the log options found in the raw arguments, before anything is constructed.
     *
     * @param args the command line
     */
    static void configureFromArguments(String... args) {
        LogOptions options = scan(args);
        configure(options.level(), options.lines());
    }

    /**
     * Finds {@code -L <level>}, {@code -L<level>}, {@code --level <level>}, {@code --level=<level>}
     * and {@code --lines} anywhere before a {@code --} (after it, the arguments belong to a child
     * command). The last level wins, as in picocli; an invalid level is ignored here and reported
     * by picocli as a usage error.
     */
    static LogOptions scan(String... args) {
        Optional<LogLevel> level = Optional.empty();
        boolean lines = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            if (arg.equals("--")) {
                break;
            } else if (arg.equals("--lines")) {
                lines = true;
            } else if ((arg.equals("-L") || arg.equals("--level")) && i + 1 < args.length) {
                value = args[++i];
            } else if (arg.startsWith("--level=")) {
                value = arg.substring("--level=".length());
            } else if (arg.startsWith("-L") && arg.length() > 2) {
                value = arg.startsWith("-L=") ? arg.substring(3) : arg.substring(2);
            }
            if (value != null) {
                try {
                    level = Optional.of(LogLevel.parse(value));
                } catch (IllegalArgumentException e) {
                    // picocli reports it, with the valid names, once it parses the same arguments.
                }
            }
        }
        return new LogOptions(level, lines);
    }

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
