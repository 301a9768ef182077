package io.awssso.cli.internal;

import io.awssso.cli.render.Visible;
import io.awssso.api.AwsSsoException;
import io.awssso.api.ConfigurationException;
import io.awssso.api.LoginRequiredException;
import io.awssso.api.RoleNotFoundException;
import io.awssso.api.StoreUnavailableException;
import io.awssso.api.ThrottledException;
import io.awssso.cli.ExitCode;
import io.awssso.cli.options.GlobalOptions;
import io.awssso.cli.options.LogLevel;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.nio.channels.ClosedByInterruptException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place that turns a failure into an exit code and a message. It prints
 * {@code error: <message>} to stderr, and the stack trace only at {@code -L debug} or
 * {@code trace} (never for usage errors); stdout gets nothing.
 *
 * <p>The exception and then its causes are searched for the first type with its own
 * {@linkplain ExitCode exit code}, so a wrapped {@link LoginRequiredException} still exits with
 * {@link ExitCode#LOGIN_REQUIRED}.
 */
@Singleton
public final class FailureHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final Terminal terminal;
    private final GlobalOptions options;

    /**
     * Creates a handler printing to the terminal's stderr.
     *
     * @param terminal where the message goes
     * @param options read for the log level, which decides whether stack traces are printed
     */
    @Inject
    public FailureHandler(Terminal terminal, GlobalOptions options) {
        this.terminal = terminal;
        this.options = options;
    }

    /** Returns the exit code for a failure. */
    public static ExitCode exitCode(Throwable failure) {
        Throwable decisive = decisive(failure);
        return decisive == null ? ExitCode.FAILURE : codeOf(decisive);
    }

    /**
     * Reports a failure on stderr and returns its exit code.
     *
     * @param failure what went wrong
     * @return the process exit status
     */
    public int handle(Throwable failure) {
        if (failure instanceof ParameterException) {
            return handleParseException((ParameterException) failure, new String[0]);
        }
        Throwable decisive = decisive(failure);
        ExitCode code = decisive == null ? ExitCode.FAILURE : codeOf(decisive);
        PrintWriter err = terminal.err();
        // A message may quote AWS text (a role or account name): nothing in it may drive the terminal.
        err.println("error: " + Visible.escapeKeepingLines(message(failure, decisive)));
        if (verbose()) {
            failure.printStackTrace(err);
        } else if (!(failure instanceof AwsSsoException) && code == ExitCode.FAILURE) {
            // Not one of ours: probably a bug, and the trace is what a bug report needs.
            err.println("(run with -L debug to see the stack trace)");
        }
        err.flush();
        return code.code();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        return handle(ex);
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        PrintWriter err = terminal.err();
        CommandLine command = ex.getCommandLine();
        err.println("error: " + Visible.escapeKeepingLines(usageMessage(ex, command)));
        UnmatchedArgumentException.printSuggestions(ex, err);
        String name = command == null ? "aws-sso" : command.getCommandSpec().qualifiedName();
        // No stack trace even at debug level: the message is the whole story of a usage error.
        err.println("Try '" + name + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE.code();
    }

    /** picocli's message, except that a word where a command was expected is named as such. */
    private static String usageMessage(ParameterException ex, CommandLine command) {
        if (ex instanceof UnmatchedArgumentException && command != null
                && !command.getSubcommands().isEmpty()) {
            var unmatched = ((UnmatchedArgumentException) ex).getUnmatched();
            if (!unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
                return "unknown command '" + unmatched.get(0) + "'";
            }
        }
        return ex.getMessage();
    }

    private boolean verbose() {
        return options.level().includes(LogLevel.DEBUG);
    }

    /** The first exception in the cause chain that has its own exit code, or null. */
    private static Throwable decisive(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (codeOf(t) != ExitCode.FAILURE) {
                return t;
            }
        }
        return null;
    }

    private static ExitCode codeOf(Throwable t) {
        if (t instanceof ParameterException) {
            return ExitCode.USAGE;
        } else if (t instanceof ConfigurationException) {
            return ExitCode.CONFIGURATION;
        } else if (t instanceof LoginRequiredException) {
            return ExitCode.LOGIN_REQUIRED;
        } else if (t instanceof RoleNotFoundException) {
            return ExitCode.ROLE_NOT_FOUND;
        } else if (t instanceof StoreUnavailableException) {
            return ExitCode.STORE_UNAVAILABLE;
        } else if (t instanceof ThrottledException) {
            return ExitCode.THROTTLED;
        } else if (t instanceof InterruptedException || t instanceof InterruptedIOException
                || t instanceof ClosedByInterruptException) {
            return ExitCode.INTERRUPTED;
        }
        return ExitCode.FAILURE;
    }

    /**
     * The message to show: that of the exception that decided the exit code, else of the outermost
     * aws-sso exception (written for people), else of the failure itself.
     */
    private static String message(Throwable failure, Throwable decisive) {
        Throwable source = decisive;
        if (source == null) {
            Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
                if (t instanceof AwsSsoException) {
                    source = t;
                    break;
                }
            }
        }
        if (source == null) {
            source = failure;
        }
        if (codeOf(source) == ExitCode.INTERRUPTED) {
            return "interrupted";
        }
        String text = source.getMessage();
        if (source instanceof AwsSsoException) {
            return text;
        }
        String type = source.getClass().getName();
        return text == null || text.isBlank() ? "unexpected " + type : "unexpected " + type + ": " + text;
    }
}
