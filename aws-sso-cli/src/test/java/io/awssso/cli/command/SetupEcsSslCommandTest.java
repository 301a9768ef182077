package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.ExitCode;
import io.awssso.core.EcsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupEcsSslCommandTest {
    @TempDir
    Path home;

    private CliRun cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRun(home);
    }

    @Test
    void ssl_selfSigned_storesAPairThatPrintPrintsAsPem() throws Exception {
        CliRun.Result stored = cli.run("setup", "ecs", "ssl", "--self-signed", "--days", "2");
        CliRun.Result printed = cli.run("setup", "ecs", "ssl", "--print");

        assertThat(stored.exitCode()).as("%s", stored).isZero();
        assertThat(stored.out()).isEmpty();
        assertThat(stored.err()).contains("may not trust");
        assertThat(printed.exitCode()).as("%s", printed).isZero();
        assertThat(printed.out()).startsWith("-----BEGIN CERTIFICATE-----").doesNotContain("PRIVATE KEY");
        assertThat(Files.readString(cli.store())).contains("EcsPrivateKey").contains("EcsCertChain");
    }

    @Test
    void ssl_certificateAndKeyFiles_areStoredAsGiven() throws Exception {
        EcsServer.TlsPair pair = EcsServer.selfSignedTls(1);
        Path cert = Files.writeString(home.resolve("cert.pem"), pair.certChainPem());
        Path key = Files.writeString(home.resolve("key.pem"), pair.privateKeyPem());

        CliRun.Result r = cli.run("setup", "ecs", "ssl", "-c", cert.toString(), "-k", key.toString());

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.err()).doesNotContain("PRIVATE KEY");
        assertThat(cli.run("setup", "ecs", "ssl", "-p").out().strip()).isEqualTo(pair.certChainPem().strip());
    }

    @Test
    void ssl_keyOfAnotherCertificate_isRefusedAndNothingStored() throws Exception {
        Path cert = Files.writeString(home.resolve("cert.pem"), EcsServer.selfSignedTls(1).certChainPem());
        Path key = Files.writeString(home.resolve("key.pem"), EcsServer.selfSignedTls(1).privateKeyPem());

        CliRun.Result r = cli.run("setup", "ecs", "ssl", "--certificate", cert.toString(), "--private-key",
                key.toString());

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCode.CONFIGURATION.code());
        assertThat(r.err()).startsWith("error: ").doesNotContain("PRIVATE KEY");
        assertThat(cli.store()).doesNotExist();
    }

    @Test
    void ssl_certificateWithoutKey_isAUsageError() throws Exception {
        Path cert = Files.writeString(home.resolve("cert.pem"), EcsServer.selfSignedTls(1).certChainPem());

        CliRun.Result r = cli.run("setup", "ecs", "ssl", "-c", cert.toString());

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("--private-key");
    }

    @Test
    void ssl_missingFile_isAConfigurationErrorNamingIt() {
        CliRun.Result r = cli.run("setup", "ecs", "ssl", "-c", home.resolve("nope.pem").toString(), "-k",
                home.resolve("nope-key.pem").toString());

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCode.CONFIGURATION.code());
        assertThat(r.err()).contains("nope.pem");
    }

    @Test
    void ssl_delete_removesThePairAndPrintThenFails() throws Exception {
        cli.run("setup", "ecs", "ssl", "--self-signed");

        CliRun.Result deleted = cli.run("setup", "ecs", "ssl", "--delete");
        CliRun.Result printed = cli.run("setup", "ecs", "ssl", "--print");

        assertThat(deleted.exitCode()).as("%s", deleted).isZero();
        assertThat(Files.readString(cli.store())).doesNotContain("BEGIN");
        assertThat(printed.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(printed.out()).isEmpty();
        assertThat(printed.err()).contains("no ECS server certificate is stored");
    }

    @Test
    void ssl_twoActions_isAUsageError() {
        CliRun.Result r = cli.run("setup", "ecs", "ssl", "--print", "--delete");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("mutually exclusive");
    }
}
