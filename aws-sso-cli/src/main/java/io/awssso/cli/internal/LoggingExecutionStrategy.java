package io.awssso.cli.internal;

import io.awssso.cli.options.GlobalOptions;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

/**
 * Runs the parsed command (or prints the help asked for) after setting up logging from
 * {@code -L} and {@code --lines}, which are only known once the command line is parsed.
 */
public final class LoggingExecutionStrategy implements IExecutionStrategy {
    private final GlobalOptions options;
    private final BuildInfo buildInfo;

    /** Creates the strategy for one run. */
    @Inject
    public LoggingExecutionStrategy(GlobalOptions options, BuildInfo buildInfo) {
        this.options = options;
        this.buildInfo = buildInfo;
    }

    @Override
    public int execute(ParseResult parseResult) {
        LoggingSetup.configure(options.explicitLevel(), options.lines());
        // Not a static field: the first logger fixes SLF4J's configuration, so it is created only now.
        Logger log = LoggerFactory.getLogger(LoggingExecutionStrategy.class);
        if (log.isDebugEnabled()) {
            log.debug("aws-sso {} on Java {}: running '{}'", buildInfo.version(), Runtime.version(),
                    last(parseResult).commandSpec().qualifiedName());
        }
        return new RunLast().execute(parseResult);
    }

    private static ParseResult last(ParseResult parseResult) {
        ParseResult current = parseResult;
        while (current.hasSubcommand()) {
            current = current.subcommand();
        }
        return current;
    }
}
