package io.awssso.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awssso.api.AccountId;
import io.awssso.cli.e2e.CliHarness.Result;
import io.awssso.testkit.Call;
import io.awssso.testkit.Operation;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code aws-sso cache} as users run it: a forced refresh that reports added and removed roles,
 * renews an expired access token silently, and asks for {@code aws-sso login} (exit 4) once the
 * Identity Center session has ended.
 */
class CacheIT {
    private static final String PROD = "012345678901";

    private CliHarness h;
    private StateFiles files;

    @BeforeEach
    void start() throws Exception {
        h = CliHarness.start(b -> b
                .addAccount(PROD, "prod", "prod@example.com", "AdministratorAccess", "ReadOnlyAccess")
                .addAccount("000000000042", "sandbox", "sandbox@example.com", "Developer"));
        h.writeConfig(h.defaultConfig().replace("SecureStore: file", "SecureStore: json"));
        files = new StateFiles(h);
        Result login = h.run("login");
        assertThat(login.exitCode()).as("%s", login).isZero();
        h.emulator().clearCallLog();
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    @Test
    void cache_rolesAddedInIdentityCenter_areReportedSortedOnStderr() throws Exception {
        h.emulator().addRole(AccountId.parse(PROD), "Billing");
        h.emulator().addAccount("000000000777", "new", "new@example.com", "Auditor", "Admin");

        Result r = h.run("cache");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsSubsequence(
                "Updated cache: added=3, deleted=0",
                "+ arn:aws:iam::000000000777:role/Admin",
                "+ arn:aws:iam::000000000777:role/Auditor",
                "+ arn:aws:iam::012345678901:role/Billing");
        assertThat(h.emulator().count(Operation.LIST_ACCOUNTS)).isEqualTo(1);
        Result list = h.run("list", "--csv", "Arn");
        assertThat(list.out()).contains("arn:aws:iam::012345678901:role/Billing", "arn:aws:iam::000000000777:role/Auditor");
    }

    @Test
    void cache_roleNoLongerAssigned_isReportedAsDeletedAndDropped() throws Exception {
        files.addStaleRole("12345678901", PROD, "Retired");

        Result r = h.run("cache");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.err().lines().toList()).containsSubsequence(
                "Updated cache: added=0, deleted=1", "- arn:aws:iam::012345678901:role/Retired");
        assertThat(h.run("list", "--csv", "Arn").out()).doesNotContain("Retired");
    }

    @Test
    void cache_nothingChanged_saysSoAndStillRefreshes() throws Exception {
        Result r = h.run("cache");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.err()).contains("The role cache of Default is up to date: 3 roles in 2 accounts.")
                .doesNotContain("Updated cache");
        assertThat(h.emulator().count(Operation.LIST_ACCOUNTS)).isEqualTo(1);
        assertThat(h.emulator().count(Operation.LIST_ACCOUNT_ROLES)).isEqualTo(2);
    }

    @Test
    void cache_silent_printsOnlyTheSummaryLine() throws Exception {
        h.emulator().addRole(AccountId.parse(PROD), "Billing");

        Result r = h.run("cache", "--silent", "--threads", "2");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.err().lines().toList()).contains("Updated cache: added=1, deleted=0")
                .noneMatch(l -> l.startsWith("+ ") || l.startsWith("- "));
    }

    @Test
    void cache_outputJson_printsTheDiffAsJsonOnStdout() throws Exception {
        h.emulator().addRole(AccountId.parse("42"), "Billing");
        files.addStaleRole("12345678901", PROD, "Retired");

        Result r = h.run("cache", "--output", "json");

        assertThat(r.exitCode()).as("%s", r).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("SSO").asText()).isEqualTo("Default");
        assertThat(doc.get("Added")).extracting(JsonNode::asText).containsExactly("arn:aws:iam::000000000042:role/Billing");
        assertThat(doc.get("Deleted")).extracting(JsonNode::asText).containsExactly("arn:aws:iam::012345678901:role/Retired");
        assertThat(doc.get("Accounts").asInt()).isEqualTo(2);
        assertThat(doc.get("Roles").asInt()).isEqualTo(4);
        assertThat(r.err()).doesNotContain("Updated cache");
    }

    @Test
    void cache_outputCsv_isAUsageError() throws Exception {
        Result r = h.run("cache", "--output", "csv");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'cache' cannot print --output csv");
        assertThat(h.emulator().callLog()).isEmpty();
    }

    @Test
    void cache_accessTokenRejectedByThePortal_isRenewedSilentlyOnce() throws Exception {
        // The stored token still looks valid, but Identity Center has expired it: ListAccounts answers 401.
        h.emulator().expireAccessTokens();

        Result r = h.run("cache");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(h.emulator().calls(Operation.CREATE_TOKEN)).extracting(Call::grantType)
                .containsExactly("refresh_token");
        assertThat(h.emulator().calls(Operation.AUTHORIZE)).isEmpty();
        assertThat(h.emulator().count(Operation.START_DEVICE_AUTHORIZATION)).isZero();
    }

    @Test
    void cache_storedTokenExpired_isRenewedWithTheRefreshTokenBeforeAnyCall() throws Exception {
        h.emulator().expireAccessTokens();
        files.expireStoredToken();

        Result r = h.run("cache");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(h.emulator().calls(Operation.CREATE_TOKEN)).extracting(Call::grantType)
                .containsExactly("refresh_token");
        assertThat(h.emulator().calls(Operation.AUTHORIZE)).isEmpty();
        assertThat(files.store().get("CreateTokenResponse").get("Default").get("expiresAt").asLong())
                .isGreaterThan(System.currentTimeMillis() / 1000);
    }

    @Test
    void cache_sessionEnded_tellsTheUserToLogInWithExitCode4AndNothingOnStdout() throws Exception {
        h.emulator().endSessions();
        files.expireStoredToken();
        String before = Files.readString(files.cacheFile());

        Result r = h.run("cache");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(4);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).containsPattern("(?m)^error: .*run `aws-sso login`").doesNotContain("Exception");
        assertThat(h.emulator().calls(Operation.AUTHORIZE)).isEmpty();
        assertThat(h.emulator().count(Operation.LIST_ACCOUNTS)).isZero();
        assertThat(Files.readString(files.cacheFile())).as("the cache is kept").isEqualTo(before);
    }

    @Test
    void cache_autoConfigCheck_runsSetupProfilesAfterAChange_andNoConfigCheckSkipsIt() throws Exception {
        h.writeConfig(Files.readString(h.configFile()) + "AutoConfigCheck: true\n");
        h.emulator().addRole(AccountId.parse(PROD), "Billing");

        Result checked = h.run("cache");
        h.emulator().addRole(AccountId.parse(PROD), "Support");
        Result skipped = h.run("cache", "--no-config-check");

        // 'setup profiles' asks before writing; with no terminal it refuses (or, in a build without
        // that command, the hook says so). Either way the hook ran, and the cache was refreshed.
        assertThat(checked.err()).as("%s", checked).containsAnyOf("AutoConfigCheck is on, but this build has no",
                "without approval");
        assertThat(checked.err()).contains("+ arn:aws:iam::012345678901:role/Billing");
        assertThat(skipped.exitCode()).as("%s", skipped).isZero();
        assertThat(skipped.err()).contains("+ arn:aws:iam::012345678901:role/Support")
                .doesNotContain("AutoConfigCheck").doesNotContain("without approval");
    }
}
