package io.awssso.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.core.AwsSso;
import io.awssso.core.LoginOptions;
import io.awssso.core.RoleFilter;
import io.awssso.core.RoleRunResult;
import io.awssso.testkit.Call;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.Operation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * Runs the inventory against the emulator: six accounts, a throwaway HOME (set by the pom) and json
 * store, every SDK client routed to the emulator by the standard {@code aws.endpointUrl*} settings.
 */
class AccountInventoryTest {
    IdentityCenterEmulator emulator;
    private final Map<String, String> saved = new java.util.HashMap<>();

    @BeforeEach
    void start() throws Exception {
        emulator = IdentityCenterEmulator.create().start();
        for (int i = 1; i <= 6; i++) {
            emulator.addAccount(String.format("%012d", i), (i % 2 == 0 ? "prod-" : "dev-") + i, i + "@example.com",
                    "ReadOnly", "Admin");
        }
        for (String p : new String[] {"aws.endpointUrlSso", "aws.endpointUrlSsoOidc", "aws.endpointUrlSts"}) {
            saved.put(p, System.getProperty(p));
            System.setProperty(p, emulator.endpoint().toString());
        }
        Path config = Path.of(System.getenv("AWS_SSO_CONFIG"));
        Files.deleteIfExists(config.resolveSibling("store.json"));
        Files.deleteIfExists(config.resolveSibling("cache.json"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, "SSOConfig:\n  Default:\n    SSORegion: us-east-1\n    StartUrl: " + emulator.startUrl()
                + "\nSecureStore: json\nAuthWorkflow: device_code\nUrlAction: print\n");
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
    void callerArns_readOnlyInProd_stsAnswersInEachAccountWithItsRole() {
        List<RoleRunResult<String>> results;
        try (AwsSso sso = AwsSso.builder().build()) {
            results = AccountInventory.callerArns(sso, RoleFilter.parse(List.of("RoleName=ReadOnly",
                    "AccountAlias=prod-*")), Region.US_EAST_1);
        }

        assertThat(results).allMatch(RoleRunResult::succeeded);
        assertThat(results).extracting(r -> r.role().arn().accountId().value() + " " + r.value()).containsExactly(
                "000000000002 arn:aws:sts::000000000002:assumed-role/ReadOnly/" + emulator.userName(),
                "000000000004 arn:aws:sts::000000000004:assumed-role/ReadOnly/" + emulator.userName(),
                "000000000006 arn:aws:sts::000000000006:assumed-role/ReadOnly/" + emulator.userName());
        assertThat(emulator.calls(Operation.GET_ROLE_CREDENTIALS, Call::succeeded)).hasSize(3);
        assertThat(emulator.count(Operation.GET_CALLER_IDENTITY)).isEqualTo(3);
    }
}
