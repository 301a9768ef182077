package io.awssso.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.core.AwsSso;
import io.awssso.core.LoginOptions;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.Operation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * Runs the example against the emulator: the user's config and json store live in a throwaway
 * HOME, and every SDK client (the engine's and the example's StsClient) reaches the emulator
 * through the standard {@code aws.endpointUrl*} settings only.
 */
class CallerIdentityTest {
    /** The HOME the pom gives the test JVM. */
    final Path home = Path.of(System.getenv("HOME"));
    IdentityCenterEmulator emulator;
    private final Map<String, String> saved = new java.util.HashMap<>();

    @BeforeEach
    void start() throws Exception {
        emulator = IdentityCenterEmulator.create().start();
        emulator.addAccount("012345678901", "prod", "prod@example.com", "AdministratorAccess");
        for (String p : new String[] {"aws.endpointUrlSso", "aws.endpointUrlSsoOidc", "aws.endpointUrlSts"}) {
            saved.put(p, System.getProperty(p));
            System.setProperty(p, emulator.endpoint().toString());
        }
        assertThat(home.toString()).endsWith("example-home");
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
    void callerArn_profileOfALoggedInUser_stsAnswersForThatRole() {
        String arn = CallerIdentity.callerArn("prod-admin", Region.US_EAST_1);

        assertThat(arn).contains("012345678901").contains("AdministratorAccess");
        assertThat(emulator.count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(1);
        assertThat(emulator.count(Operation.GET_CALLER_IDENTITY)).isEqualTo(1);
    }
}
