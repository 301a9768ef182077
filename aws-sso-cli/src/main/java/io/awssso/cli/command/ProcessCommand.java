package io.awssso.cli.command;

import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.Engine;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.options.RoleSelector;
import io.awssso.core.AwsSso;
import java.util.concurrent.Callable;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code aws-sso process}: the {@code credential_process} helper. Prints one line of JSON and
 * nothing else on stdout. When the stored credentials are valid it reads the config and the store
 * only: no SDK client, no role cache, no template engine.
 */
@Command(name = "process", description = {
        "Print role credentials for credential_process in ~/.aws/config.",
        "Reuses stored credentials while valid; fetches and stores new ones otherwise."},
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExample (~/.aws/config):%n",
        footer = {"  [profile prod]", "  credential_process = aws-sso process --arn arn:aws:iam::012345678901:role/Admin"})
public final class ProcessCommand implements Callable<Integer> {
    @Mixin
    private RoleSelector selector;

    @Option(names = "--sts-refresh", description = "Fetch new credentials even when the stored ones are valid.")
    private boolean stsRefresh;

    @Spec
    private CommandSpec spec;

    private final Engine engine;
    private final Terminal terminal;

    /**
     * Creates the command.
     *
     * @param engine the library engine
     * @param terminal stdout for the JSON
     */
    @Inject
    public ProcessCommand(Engine engine, Terminal terminal) {
        this.engine = engine;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        AwsSso sso = engine.get();
        RoleArn arn = selector.resolve(sso, null).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "please specify --arn, --profile, or --account and --role"));
        RoleCredentials creds = stsRefresh ? sso.credentials().fetch(arn)
                : sso.credentials().stored(arn).orElseGet(() -> sso.credentials().get(arn));
        terminal.out().print(json(creds));
        terminal.out().flush();
        return ExitCode.OK.code();
    }

    /** The credential_process document (D.2): Version 1 as a number, Expiration in RFC 3339 with Z. */
    static String json(RoleCredentials c) {
        return CredentialProcessJson.of(c);
    }
}
