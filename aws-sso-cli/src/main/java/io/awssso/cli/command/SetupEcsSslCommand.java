package io.awssso.cli.command;

import io.awssso.api.AwsSsoException;
import io.awssso.api.ConfigurationException;
import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.Engine;
import io.awssso.cli.internal.Terminal;
import io.awssso.core.EcsServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aws-sso setup ecs ssl}: stores (or generates, prints, deletes) the TLS certificate and
 * key the ECS server serves HTTPS with. The pair lives in the secure store.
 */
@Command(name = "ssl", description = {
        "Store, generate, print or delete the ECS server's TLS certificate and private key.",
        "With a stored pair the server serves HTTPS and aws-sso's own `ecs` commands trust that "
        + "certificate. CAUTION: AWS SDKs and the AWS CLI do not trust a self-signed (or "
        + "private-CA) certificate for AWS_CONTAINER_CREDENTIALS_FULL_URI unless it is added to the "
        + "trust store they use (for Java, a trust store given with -Djavax.net.ssl.trustStore); "
        + "many cannot be told to trust it at all. For them, plain HTTP on 127.0.0.1 with a bearer "
        + "token (`ecs server --disable-ssl`) is the practical choice."},
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  aws-sso setup ecs ssl --self-signed",
                "  aws-sso setup ecs ssl -c server.pem -k server-key.pem",
                "  aws-sso setup ecs ssl --print > ecs-server.pem",
                "  aws-sso setup ecs ssl --delete"})
public final class SetupEcsSslCommand implements Callable<Integer> {
    private static final String CAVEAT = "AWS SDKs may not trust this certificate for container credentials:"
            + " add it to their trust store, or run the server with --disable-ssl on 127.0.0.1 for them.";

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Action action;

    /** Exactly one action. */
    static final class Action {
        @ArgGroup(exclusive = false)
        PemFiles pair;

        @Option(names = "--self-signed", required = true,
                description = "Generate a self-signed certificate for localhost, 127.0.0.1 and ::1 (EC P-256)"
                        + " and store it with its key.")
        boolean selfSigned;

        @Option(names = {"-p", "--print"}, required = true, description = "Print the stored certificate (PEM).")
        boolean print;

        @Option(names = {"-d", "--delete"}, required = true,
                description = "Delete the stored certificate and key (the server then serves plain HTTP).")
        boolean delete;
    }

    /** A certificate file with its key file. */
    static final class PemFiles {
        @Option(names = {"-c", "--certificate"}, paramLabel = "<pem>", required = true,
                description = "PEM certificate chain file, leaf first (with --private-key).")
        Path certificate;

        @Option(names = {"-k", "--private-key"}, paramLabel = "<pem>", required = true,
                description = "PKCS#8 PEM private key file (with --certificate).")
        Path privateKey;
    }

    @Option(names = "--days", paramLabel = "<days>", defaultValue = "365",
            description = "How long a --self-signed certificate is valid (default: ${DEFAULT-VALUE} days).")
    private int days;

    @Option(names = "--force", hidden = true, description = "Accepted for compatibility with aws-sso-cli.")
    private boolean force;

    private final Engine engine;
    private final Terminal terminal;

    /**
     * Creates the command.
     *
     * @param engine the library engine (for the secure store)
     * @param terminal the certificate goes to stdout, messages to stderr
     */
    @Inject
    public SetupEcsSslCommand(Engine engine, Terminal terminal) {
        this.engine = engine;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        if (action.print) {
            String pem = engine.get().ecs().certificate().orElseThrow(() -> new AwsSsoException(
                    "no ECS server certificate is stored; store one with `aws-sso setup ecs ssl`"));
            terminal.out().print(pem.endsWith("\n") ? pem : pem + "\n");
            terminal.out().flush();
        } else if (action.delete) {
            engine.get().ecs().deleteTls();
            terminal.err().println("Deleted the ECS server's certificate and key: it serves plain HTTP from its"
                    + " next start.");
        } else if (action.selfSigned) {
            if (days < 1) {
                throw new ConfigurationException("--days must be at least 1, got " + days);
            }
            engine.get().ecs().storeTls(EcsServer.selfSignedTls(days));
            terminal.err().printf("Stored a new self-signed certificate for localhost, 127.0.0.1 and ::1, valid for"
                    + " %d days. The ECS server serves HTTPS from its next start; `aws-sso setup ecs ssl --print`"
                    + " shows the certificate.%n%s%n", days, CAVEAT);
        } else {
            EcsServer.TlsPair pair = new EcsServer.TlsPair(read(action.pair.certificate, "certificate"),
                    read(action.pair.privateKey, "private key"));
            engine.get().ecs().storeTls(pair);
            terminal.err().printf("Stored the certificate and key. The ECS server serves HTTPS from its next"
                    + " start.%n%s%n", CAVEAT);
        }
        return ExitCode.OK.code();
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the " + what + " file " + file + ": " + e.getMessage());
        }
    }
}
