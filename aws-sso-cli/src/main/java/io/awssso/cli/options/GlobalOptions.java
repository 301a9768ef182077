package io.awssso.cli.options;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options valid with every command, before or after the command name
 * ({@code aws-sso -L debug version} and {@code aws-sso version -L debug} mean the same).
 *
 * <p>One instance per run: it is mixed into the top-level command and its options are inherited by
 * every sub-command, so commands that need it get it injected.
 */
@Singleton
public final class GlobalOptions {
    @Option(names = {"-L", "--level"}, paramLabel = "<level>", scope = ScopeType.INHERIT,
            converter = LogLevel.Converter.class,
            description = "Log level: ${COMPLETION-CANDIDATES} (default: warn). Logs go to stderr.")
    private LogLevel level;

    @Option(names = "--lines", scope = ScopeType.INHERIT,
            description = "Add the name of the logging class to log lines.")
    private boolean lines;

    @FromEnvironment("AWS_SSO_CONFIG")
    @Option(names = "--config", paramLabel = "<file>", scope = ScopeType.INHERIT,
            description = "Config file (env: AWS_SSO_CONFIG).")
    private Path config;

    @FromEnvironment("AWS_SSO")
    @Option(names = {"-S", "--sso"}, paramLabel = "<name>", scope = ScopeType.INHERIT,
            description = "SSO instance to use, a key of SSOConfig (env: AWS_SSO).")
    private String sso;

    @FromEnvironment("AWS_SSO_BROWSER")
    @Option(names = {"-b", "--browser"}, paramLabel = "<path>", scope = ScopeType.INHERIT,
            description = "Browser to open URLs with (env: AWS_SSO_BROWSER).")
    private String browser;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "Show help for the command and exit.")
    private boolean help;

    /** Creates the options with nothing set; picocli fills them in while parsing. */
    @Inject
    public GlobalOptions() {}

    /** Returns the log level to use: the one given with {@code -L}, else {@code warn}. */
    public LogLevel level() {
        return explicitLevel().orElse(LogLevel.WARN);
    }

    /** Returns the log level given with {@code -L}, if any (the config's LogLevel applies otherwise). */
    public Optional<LogLevel> explicitLevel() {
        return Optional.ofNullable(level);
    }

    /** Returns whether {@code --lines} was given. */
    public boolean lines() {
        return lines;
    }

    /** Returns the config file from {@code --config} or {@code AWS_SSO_CONFIG}, if either is set. */
    public Optional<Path> config() {
        return Optional.ofNullable(config);
    }

    /** Returns the SSO instance from {@code -S/--sso} or {@code AWS_SSO}, if either is set. */
    public Optional<String> sso() {
        return Optional.ofNullable(sso);
    }

    /** Returns the browser from {@code -b/--browser} or {@code AWS_SSO_BROWSER}, if either is set. */
    public Optional<String> browser() {
        return Optional.ofNullable(browser);
    }
}
