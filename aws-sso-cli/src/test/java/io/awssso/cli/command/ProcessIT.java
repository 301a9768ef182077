package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awssso.cli.e2e.CliHarness;
import io.awssso.cli.e2e.CliHarness.Result;
import io.awssso.testkit.Operation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code aws-sso process} as the AWS SDKs run it: ./aws-sso in its own process, against the emulator. */
class ProcessIT {
    static final String ADMIN = "arn:aws:iam::012345678901:role/AdministratorAccess";
    private final ObjectMapper json = new ObjectMapper();
    private CliHarness h;

    @BeforeEach
    void start() throws Exception {
        h = CliHarness.start();
        h.writeConfig(h.defaultConfig().replace("SecureStore: file", "SecureStore: json"));
        Result login = h.run("login");
        assertThat(login.exitCode()).as("%s", login).isZero();
        h.emulator().clearCallLog();
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    private Path storeFile() {
        return h.configDirectory().resolve("store.json");
    }

    /** Moves the stored credentials' expiry into the past, as if an hour had gone by. */
    private void expireStoredCredentials() throws Exception {
        ObjectNode store = (ObjectNode) json.readTree(storeFile().toFile());
        ObjectNode creds = (ObjectNode) store.get("RoleCredentials").get(ADMIN);
        creds.put("expiration", Instant.now().minusSeconds(3600).toEpochMilli());
        json.writeValue(storeFile().toFile(), store);
    }

    @Test
    void process_loggedIn_printsCredentialProcessJsonOnlyAndStoresTheCredentials() throws Exception {
        Result r = h.run("process", "--arn", ADMIN);

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).startsWith("{\"Version\":1,\"AccessKeyId\":\"").doesNotEndWith("\n");
        JsonNode doc = json.readTree(r.out());
        assertThat(doc.get("Version").isInt()).isTrue();
        assertThat(doc.get("Expiration").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(doc.fieldNames()).toIterable().containsExactly("Version", "AccessKeyId", "SecretAccessKey",
                "SessionToken", "Expiration");
        assertThat(h.emulator().issuedSecrets()).contains(doc.get("SecretAccessKey").asText());
        assertThat(json.readTree(storeFile().toFile()).get("RoleCredentials").get(ADMIN).get("accessKeyId")
                .asText()).isEqualTo(doc.get("AccessKeyId").asText());
        assertThat(h.emulator().count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(1);
    }

    @Test
    void process_storedValid_reusedWithoutAnyCall_andStsRefreshForcesOne() throws Exception {
        String first = h.run("process", "--arn", ADMIN).out();
        h.emulator().clearCallLog();

        Result again = h.run("process", "-A", "12345678901", "-R", "AdministratorAccess");

        assertThat(again.exitCode()).as("%s", again).isZero();
        assertThat(again.out()).isEqualTo(first);
        assertThat(h.emulator().callLog()).isEmpty();

        Result forced = h.run("process", "-a", "012345678901:AdministratorAccess", "--sts-refresh");
        assertThat(forced.exitCode()).as("%s", forced).isZero();
        assertThat(forced.out()).isNotEqualTo(first);
        assertThat(h.emulator().count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(1);
    }

    @Test
    void process_noSelector_usageErrorAndNothingOnStdout() throws Exception {
        Result r = h.run("process");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("please specify --arn");
    }

    @Test
    void process_accountWithoutRole_usageError() throws Exception {
        Result r = h.run("process", "-A", "012345678901");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Must specify both --account and --role");
    }

    @Test
    void process_notLoggedIn_loginRequiredExitCode() throws Exception {
        h.run("logout");

        Result r = h.run("process", "--arn", ADMIN);

        assertThat(r.exitCode()).as("%s", r).isEqualTo(4);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void process_cachedHitInTheJsonStore_buildsNoEngine_noLoggingFrameworkNoDatabindNoStoreBackend() throws Exception {
        Result first = h.run("process", "--arn", ADMIN);
        Path log = h.home().resolve("classes.log");

        Result r = h.run(Map.of("AWS_SSO_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), "process", "--arn", ADMIN);

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).isEqualTo(first.out());
        assertThat(r.err()).contains("Using insecure json file store");
        List<String> loaded = Files.readAllLines(log);
        assertThat(loaded).anyMatch(l -> l.contains(" io.awssso.core.internal.fastpath.StoredCredentialsReader "));
        assertThat(loaded).noneMatch(l -> l.contains(" io.awssso.core.internal.credentials.CredentialService "))
                .noneMatch(l -> l.contains(" dagger."))
                .noneMatch(l -> l.contains(" org.slf4j."))
                .noneMatch(l -> l.contains(" com.fasterxml.jackson.databind."))
                .noneMatch(l -> l.contains(" io.awssso.stores."))
                .noneMatch(l -> l.contains(" software.amazon.awssdk."))
                .noneMatch(l -> l.contains(" io.awssso.core.internal.naming.")) // the template engine
                .noneMatch(l -> l.contains(" picocli.")) // the launcher's ProcessFastPath skips the command tree
                .noneMatch(l -> l.contains(" io.github.resilience4j."));
    }

    @Test
    void process_cachedHitInTheFileStore_buildsNoEngine_noLoggingFrameworkNoDatabindNoStoreBackend()
            throws Exception {
        h.env("AWS_SSO_FILE_PASSWORD", "correct horse battery staple");
        h.writeConfig(h.defaultConfig());
        assertThat(h.run("login").exitCode()).isZero();
        Result first = h.run("process", "--arn", ADMIN);
        assertThat(first.exitCode()).as("%s", first).isZero();
        Path log = h.home().resolve("classes.log");

        Result r = h.run(Map.of("AWS_SSO_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), "process",
                "-A", "012345678901", "-R", "AdministratorAccess");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).isEqualTo(first.out());
        assertThat(r.err()).isEmpty();
        List<String> loaded = Files.readAllLines(log);
        // Before: the store backend opened it inside an engine (Dagger, SLF4J, databind: ~4x the time).
        assertThat(loaded).anyMatch(l -> l.contains(" io.awssso.core.internal.fastpath.FileStoreReader "));
        assertThat(loaded).noneMatch(l -> l.contains(" io.awssso.core.internal.credentials.CredentialService "))
                .noneMatch(l -> l.contains(" dagger."))
                .noneMatch(l -> l.contains(" org.slf4j."))
                .noneMatch(l -> l.contains(" com.fasterxml.jackson.databind."))
                .noneMatch(l -> l.contains(" io.awssso.stores."))
                .noneMatch(l -> l.contains(" software.amazon.awssdk."))
                .noneMatch(l -> l.contains(" picocli."));
    }

    @Test
    void process_profileHitInTheJsonStore_resolvedFromTheRoleCache_buildsNoEngine() throws Exception {
        Result first = h.run("process", "--arn", ADMIN);
        assertThat(first.exitCode()).as("%s", first).isZero();
        assertThat(h.run("cache").exitCode()).isZero();
        JsonNode cache = json.readTree(h.configDirectory().resolve("cache.json").toFile());
        // the default ProfileFormat: the account's alias without spaces, a colon, the role
        String alias = cache.at("/SSO/Default/Roles/Accounts/12345678901/Alias").asText();
        assertThat(alias).isNotEmpty();
        String profile = alias.replace(" ", "") + ":AdministratorAccess";
        h.emulator().clearCallLog();
        Path log = h.home().resolve("classes.log");

        Result r = h.run(Map.of("AWS_SSO_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), "process",
                "--profile", profile);

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).isEqualTo(first.out());
        assertThat(h.emulator().callLog()).isEmpty();
        List<String> loaded = Files.readAllLines(log);
        // Before: --profile always ran the full tool (the catalog, the template engine, picocli).
        assertThat(loaded).anyMatch(l -> l.contains(" io.awssso.core.internal.fastpath.RoleCacheReader "));
        assertThat(loaded).noneMatch(l -> l.contains(" io.awssso.core.internal.catalog."))
                .noneMatch(l -> l.contains(" io.awssso.core.internal.naming.Template"))
                .noneMatch(l -> l.contains(" dagger."))
                .noneMatch(l -> l.contains(" org.slf4j."))
                .noneMatch(l -> l.contains(" com.fasterxml.jackson.databind."))
                .noneMatch(l -> l.contains(" picocli."));
    }

    @Test
    void process_profileAfterTheConfigChanged_leftToTheFullToolWhichRefreshesTheCache() throws Exception {
        Result first = h.run("process", "--arn", ADMIN);
        assertThat(h.run("cache").exitCode()).isZero();
        JsonNode cache = json.readTree(h.configDirectory().resolve("cache.json").toFile());
        String profile = cache.at("/SSO/Default/Roles/Accounts/12345678901/Alias").asText().replace(" ", "")
                + ":AdministratorAccess";
        // a config written after the cache expires it (its mtime is later than ConfigCreatedAt)
        Files.writeString(h.configFile(), Files.readString(h.configFile()) + "# changed\n");
        Files.setLastModifiedTime(h.configFile(), java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(5)));
        h.emulator().clearCallLog();

        Result r = h.run("process", "--profile", profile);

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).isEqualTo(first.out());
        assertThat(h.emulator().calls(Operation.LIST_ACCOUNTS)).as("the catalog was refreshed").isNotEmpty();
    }

    @Test
    void process_fiftyConcurrentRunsForOneExpiredRole_oneGetRoleCredentials() throws Exception {
        assertThat(h.run("process", "--arn", ADMIN).exitCode()).isZero();
        expireStoredCredentials();
        h.emulator().clearCallLog();
        Set<String> keys = new HashSet<>();
        for (Result r : h.runConcurrently(50, "process", "--arn", ADMIN)) {
            assertThat(r.exitCode()).as("%s", r).isZero();
            keys.add(json.readTree(r.out()).get("AccessKeyId").asText());
        }
        assertThat(keys).hasSize(1);
        assertThat(h.emulator().count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(1);
    }

    @Test
    void process_fiftyConcurrentRunsWithExpiredToken_oneTokenRenewalAndOneGetRoleCredentials() throws Exception {
        h.emulator().expireAccessTokens();
        ObjectNode store = (ObjectNode) json.readTree(storeFile().toFile());
        store.get("CreateTokenResponse").forEach(token ->
                ((ObjectNode) token).put("expiresAt", Instant.now().minusSeconds(60).getEpochSecond()));
        json.writeValue(storeFile().toFile(), store);
        h.emulator().clearCallLog();
        for (Result r : h.runConcurrently(50, "process", "--arn", ADMIN)) {
            assertThat(r.exitCode()).as("%s", r).isZero();
        }
        assertThat(h.emulator().count(Operation.CREATE_TOKEN)).isEqualTo(1);
        assertThat(h.emulator().count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(1);
    }
}
