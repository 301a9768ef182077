package io.awssso.cli.command;

import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.CliEnvironment;
import io.awssso.cli.internal.Terminal;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code aws-sso time}: the time left on the credentials of the current shell
 * ({@code $AWS_SSO_SESSION_EXPIRATION}), for shell prompts: no newline, nothing when unset. Reads
 * no config and no store.
 */
@Command(name = "time", description = {
        "Print the time left on the role credentials of this shell ($AWS_SSO_SESSION_EXPIRATION).",
        "Prints e.g. 1h23m, 45m, < 1m or Expired without a newline; nothing when the variable is unset."},
        optionListHeading = "%nOptions:%n")
public final class TimeCommand implements Callable<Integer> {
    private final CliEnvironment environment;
    private final Terminal terminal;
    private final Clock clock;

    /**
     * Creates the command.
     *
     * @param environment where {@code AWS_SSO_SESSION_EXPIRATION} is read
     * @param terminal stdout
     */
    @Inject
    public TimeCommand(CliEnvironment environment, Terminal terminal) {
        this(environment, terminal, Clock.systemUTC());
    }

    TimeCommand(CliEnvironment environment, Terminal terminal, Clock clock) {
        this.environment = environment;
        this.terminal = terminal;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Optional<String> value = environment.get("AWS_SSO_SESSION_EXPIRATION");
        if (value.isEmpty()) {
            return ExitCode.OK.code();
        }
        Instant expires;
        try {
            expires = java.time.OffsetDateTime.parse(value.get()).toInstant();
        } catch (DateTimeParseException e) {
            throw new io.awssso.api.AwsSsoException("AWS_SSO_SESSION_EXPIRATION is not an RFC 3339 time: '"
                    + value.get() + "'");
        }
        terminal.out().print(left(Duration.between(clock.instant(), expires)));
        terminal.out().flush();
        return ExitCode.OK.code();
    }

    /** {@code 1h23m}, {@code 45m}, {@code < 1m}, {@code Expired}. */
    static String left(Duration d) {
        if (d.isNegative() || d.isZero()) {
            return "Expired";
        }
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return "< 1m";
        }
        return minutes >= 60 ? (minutes / 60) + "h" + (minutes % 60) + "m" : minutes + "m";
    }
}
