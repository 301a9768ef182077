package io.awssso.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.core.AwsSso;
import io.awssso.core.LoginOptions;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the app against the emulator as its user would: a throwaway HOME and config and
 * {@code AWS_PROFILE=prod-admin} (set by the pom), a device-code login through the library, and
 * every SDK client (the engine's and the app's StsClient) routed to the emulator only by the
 * standard {@code aws.endpointUrl*} settings.
 */
class WhoAmITest {
    IdentityCenterEmulator emulator;
    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        assertThat(System.getenv("HOME")).endsWith("app-home");
        assertThat(System.getenv("AWS_PROFILE")).isEqualTo("prod-admin");
        emulator = IdentityCenterEmulator.create().start();
        emulator.addAccount("012345678901", "prod", "prod@example.com", "AdministratorAccess", "ReadOnly");
        for (String p : new String[] {"aws.endpointUrlSso", "aws.endpointUrlSsoOidc", "aws.endpointUrlSts"}) {
            saved.put(p, System.getProperty(p));
            System.setProperty(p, emulator.endpoint().toString());
        }
        Path config = Path.of(System.getenv("AWS_SSO_CONFIG"));
        Files.deleteIfExists(config.resolveSibling("store.json"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, "SSOConfig:\n  Default:\n    SSORegion: us-east-1\n    StartUrl: " + emulator.startUrl()
                + "\n    Accounts:\n      \"012345678901\":\n        Roles:\n          AdministratorAccess: {Profile: prod-admin}\n"
                + "SecureStore: json\nAuthWorkflow: device_code\nUrlAction: print\n");
        // sign in once, as `aws-sso login` would (the emulator approves device codes by itself)
        try (AwsSso sso = AwsSso.builder().build()) {
            sso.session().login(LoginOptions.defaults());
        }
    }

    @AfterEach
    void stop() {
        emulator.close();
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    @Test
    void callerArn_awsProfileOfALoggedInUser_stsAnswersForThatRole() {
        String arn = WhoAmI.callerArn();

        assertThat(arn).startsWith("arn:aws:sts::012345678901:assumed-role/").contains("AdministratorAccess");
        assertThat(emulator.count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(1);
        assertThat(emulator.count(Operation.GET_CALLER_IDENTITY)).isEqualTo(1);
    }

    @Test
    void callerArn_runTwice_secondRunReusesTheStoredCredentials() {
        String first = WhoAmI.callerArn();
        String second = WhoAmI.callerArn();

        // a second process (here: a second provider) finds the credentials in the store
        assertThat(second).isEqualTo(first);
        assertThat(emulator.count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(1);
        assertThat(emulator.count(Operation.GET_CALLER_IDENTITY)).isEqualTo(2);
    }

    /** Runs the app's main in a JVM of its own, with the test's class path and these variables changed. */
    private Run runApp(Map<String, String> variables) throws Exception {
        String launcher = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(launcher, "-cp", System.getProperty("java.class.path"),
                "-Daws.endpointUrlSso=" + emulator.endpoint(), "-Daws.endpointUrlSsoOidc=" + emulator.endpoint(),
                "-Daws.endpointUrlSts=" + emulator.endpoint(), WhoAmI.class.getName());
        for (String v : List.of("AWS_PROFILE", "AWS_SSO_ROLE_ARN", "AWS_SSO_ACCOUNT_ID", "AWS_SSO_ROLE_NAME")) {
            pb.environment().remove(v);
        }
        pb.environment().putAll(variables);
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(
                () -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the app did not finish");
        }
        return new Run(p.exitValue(), out, err.get());
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void main_awsSsoAccountIdAndRoleName_printsTheCallerArnOnly() throws Exception {
        Run r = runApp(Map.of("AWS_SSO_ACCOUNT_ID", "012345678901", "AWS_SSO_ROLE_NAME", "ReadOnly"));

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).startsWith("arn:aws:sts::012345678901:assumed-role/").contains("ReadOnly")
                .hasLineCount(1);
    }

    @Test
    void main_noRoleVariables_exitsOneNamingThem() throws Exception {
        Run r = runApp(Map.of());

        assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: ").contains("AWS_SSO_ROLE_ARN", "AWS_SSO_ACCOUNT_ID",
                "AWS_SSO_ROLE_NAME", "AWS_PROFILE").doesNotContain("\tat ");
        assertThat(emulator.count(Operation.GET_ROLE_CREDENTIALS)).isZero();
    }
}
