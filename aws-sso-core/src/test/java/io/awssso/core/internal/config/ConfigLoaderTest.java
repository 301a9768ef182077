package io.awssso.core.internal.config;

import static io.awssso.core.internal.config.ConfigTesting.HOME;
import static io.awssso.core.internal.config.ConfigTesting.LOCATION;
import static io.awssso.core.internal.config.ConfigTesting.MINIMAL;
import static io.awssso.core.internal.config.ConfigTesting.load;
import static io.awssso.core.internal.config.ConfigTesting.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.awssso.api.AccountId;
import io.awssso.api.ConfigurationException;
import io.awssso.api.RoleArn;
import io.awssso.api.SsoInstance;
import io.awssso.core.internal.env.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path home;

    private ConfigLocation locationIn(Path dir) {
        return new ConfigLocation(dir.resolve("config.yaml"), dir);
    }

    private ConfigLoader loader() {
        return new ConfigLoader(Environment.of(Map.of(), home));
    }

    @Test
    void parse_referenceExample_loadsEveryKey() {
        AwsSsoConfig c = load(resource("reference-example.yaml"));

        assertThat(c.ssoConfig()).containsOnlyKeys("Default", "Sandbox");
        SsoConfig def = c.ssoConfig().get("Default");
        assertThat(def.ssoRegion()).isEqualTo("us-east-1");
        assertThat(def.startUrl()).isEqualTo("https://d-1234567890.awsapps.com/start");
        assertThat(def.defaultRegion()).contains("us-west-2");
        assertThat(def.authUrlAction()).isEqualTo(UrlAction.OPEN);
        assertThat(def.accounts()).containsOnlyKeys(AccountId.parse("012345678901"),
                AccountId.parse("210987654321"));

        AccountConfig prod = def.accounts().get(AccountId.parse("012345678901"));
        assertThat(prod.name()).contains("Production");
        assertThat(prod.defaultRegion()).contains("eu-west-1");
        assertThat(prod.tags()).containsExactly(Map.entry("Env", "prod"),
                Map.entry("Color", "red"), Map.entry("Icon", "briefcase"));
        RoleConfig admin = prod.roles().get("AdministratorAccess");
        assertThat(admin.profile()).contains("prod-admin");
        assertThat(admin.tags()).containsExactly(Map.entry("Level", "admin"));
        assertThat(admin.via()).isEmpty();

        RoleConfig deploy = def.accounts().get(AccountId.parse("210987654321")).roles()
                .get("DeployRole");
        assertThat(deploy.via()).contains(RoleArn.parse(
                "arn:aws:iam::012345678901:role/AdministratorAccess"));
        assertThat(deploy.externalId()).contains("ext-123");
        assertThat(deploy.sourceIdentity()).contains("alice");

        SsoConfig sandbox = c.ssoConfig().get("Sandbox");
        assertThat(sandbox.toSsoInstance()).isEqualTo(new SsoInstance("Sandbox",
                "https://sandbox.awsapps.com/start", "eu-central-1", null));
        assertThat(sandbox.authUrlAction()).isEqualTo(UrlAction.OPEN_URL_IN_CONTAINER);

        assertThat(c.defaultSso()).isEqualTo("Default");
        assertThat(c.defaultRegion()).isEqualTo("us-east-1");
        assertThat(c.authWorkflow()).isEqualTo(AuthWorkflow.PKCE);
        assertThat(c.autoLogin()).isFalse();
        assertThat(c.autoConfigCheck()).isFalse();
        assertThat(c.cacheRefreshHours()).isEqualTo(168);
        assertThat(c.threads()).isEqualTo(5);
        assertThat(c.maxRetry()).isEqualTo(10);
        assertThat(c.maxBackoffSeconds()).isEqualTo(5);
        assertThat(c.urlAction()).isEqualTo(UrlAction.OPEN_URL_IN_CONTAINER);
        assertThat(c.configProfilesUrlAction()).isEqualTo(UrlAction.OPEN_URL_IN_CONTAINER);
        assertThat(c.urlExecCommand())
                .containsExactly("/Applications/Firefox.app/Contents/MacOS/firefox", "%s");
        assertThat(c.consoleDurationMinutes()).isEqualTo(60);
        assertThat(c.logLevel()).isEqualTo(LogLevel.INFO);
        assertThat(c.historyLimit()).isEqualTo(10);
        assertThat(c.historyMinutes()).isEqualTo(1440);
        assertThat(c.secureStore()).contains("file");
        assertThat(c.profileFormat()).isEqualTo(AwsSsoConfig.DEFAULT_PROFILE_FORMAT);
        assertThat(c.configVariables()).containsExactly(Map.entry("output", "json"),
                Map.entry("sts_regional_endpoints", "regional"));
        assertThat(c.firstTag()).isEqualTo("History");
        assertThat(c.fullTextSearch()).isTrue();
        assertThat(c.accountPrimaryTag()).containsExactly("AccountName", "AccountAlias", "Email");
        assertThat(c.promptColors()).containsEntry("SuggestionBGColor", "DarkGrey")
                .containsEntry("SuggestionTextColor", "White");
        assertThat(c.listFields())
                .containsExactly("AccountIdPad", "AccountAlias", "RoleName", "Profile", "Expires");
        assertThat(c.envVarTags()).containsExactly("Env");
    }

    @Test
    void parse_referenceExample_hasNoWarnings() {
        assertThat(ConfigTesting.loaded(resource("reference-example.yaml")).warnings()).isEmpty();
    }

    @Test
    void loadIfPresent_fileMissing_returnsEmpty() {
        assertThat(loader().loadIfPresent(locationIn(home.resolve("nowhere")))).isEmpty();
    }

    @Test
    void load_fileMissing_throwsNamingTheFileAndTheWizard() {
        ConfigLocation location = locationIn(home);

        assertThatThrownBy(() -> loader().load(location))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(location.file().toString())
                .hasMessageContaining("setup wizard");
    }

    @Test
    void loadIfPresent_existingFile_returnsConfigWithModificationTime() throws IOException {
        ConfigLocation location = locationIn(home);
        Files.writeString(location.file(), MINIMAL);
        Instant modified = Instant.parse("2026-01-02T03:04:05Z");
        Files.setLastModifiedTime(location.file(), FileTime.from(modified));

        LoadedConfig loaded = loader().loadIfPresent(location).orElseThrow();

        assertThat(loaded.modified()).isEqualTo(modified);
        assertThat(loaded.file()).isEqualTo(location.file());
        assertThat(loaded.config().ssoConfig()).containsOnlyKeys("Default");
    }

    @Test
    void staticLoad_existingFile_returnsTheSettings() throws IOException {
        ConfigLocation location = locationIn(home);
        Files.writeString(location.file(), MINIMAL + "Threads: 9\nUnknownKey: 1\n");

        AwsSsoConfig config = ConfigLoader.load(location, Environment.of(Map.of(), home));

        assertThat(config.threads()).isEqualTo(9);
    }

    @Test
    void staticLoad_fileMissing_throws() {
        assertThatThrownBy(() -> ConfigLoader.load(locationIn(home),
                Environment.of(Map.of(), home))).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void loadIfPresent_pathIsDirectory_throwsNamingTheFile() throws IOException {
        ConfigLocation location = locationIn(home);
        Files.createDirectories(location.file());

        assertThatThrownBy(() -> loader().loadIfPresent(location))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(location.file().toString())
                .hasMessageContaining("directory");
    }

    @Test
    void loadIfPresent_devZero_isRefusedNamingTheFileInsteadOfRunningOutOfMemory() {
        ConfigLocation location = new ConfigLocation(Path.of("/dev/zero"), home);
        assumeThat(location.file()).exists();

        assertThatThrownBy(() -> loader().loadIfPresent(location))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.file()).isEqualTo(location.file());
                            assertThat(p.message()).contains("not a regular file");
                        }));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard: opening a FIFO blocks for a writer
    void loadIfPresent_fifo_isRefusedNamingTheFileInsteadOfBlocking() throws Exception {
        ConfigLocation location = locationIn(home);
        Process mkfifo = new ProcessBuilder("mkfifo", location.file().toString()).inheritIO().start();
        assumeThat(mkfifo.waitFor()).isZero();

        assertThatThrownBy(() -> loader().loadIfPresent(location))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(location.file().toString())
                .hasMessageContaining("not a regular file");
    }

    @Test
    void loadIfPresent_invalidUtf8_reportsTheLine() throws IOException {
        ConfigLocation location = locationIn(home);
        byte[] head = MINIMAL.getBytes(StandardCharsets.UTF_8);
        byte[] bad = "FirstTag: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Files.write(location.file(), all);

        assertThatThrownBy(() -> loader().loadIfPresent(location))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).line()).isEqualTo(5);
                    assertThat(e.getMessage()).contains("UTF-8");
                });
    }

    @Test
    void loadIfPresent_byteOrderMark_isIgnored() throws IOException {
        ConfigLocation location = locationIn(home);
        Files.writeString(location.file(), "\uFEFF" + MINIMAL);

        assertThat(loader().loadIfPresent(location)).isPresent();
    }

    @Test
    void loadIfPresent_hugeFile_isRefusedWithLocation() throws IOException {
        ConfigLocation location = locationIn(home);
        Files.writeString(location.file(), MINIMAL + "# " + "x".repeat(ConfigLoader.MAX_BYTES));

        assertThatThrownBy(() -> loader().loadIfPresent(location))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(
                        e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.file()).isEqualTo(location.file());
                            assertThat(p.line()).isEqualTo(1);
                        }));
    }

    @Test
    void parse_problemsInFile_namesTheGivenFile() {
        assertThatThrownBy(() -> new ConfigLoader(Environment.of(Map.of(), HOME))
                .parse("Threads: x\n", LOCATION, Instant.EPOCH))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(
                        e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(
                                LOCATION.file())));
    }

    @Test
    void parse_severalProblems_reportsAllInFileOrder() {
        String yaml = "SSOConfig:\n"                          // 1
                + "  Default:\n"                              // 2
                + "    SSORegion: [us-east-1]\n"              // 3
                + "    StartUrl: example.com/start\n"         // 4
                + "Threads: many\n"                           // 5
                + "LogLevel: loud\n"                          // 6
                + "AuthWorkflow: magic\n";                    // 7

        List<Integer> lines = ConfigTesting.problemList(yaml).stream()
                .map(p -> p.line()).toList();

        assertThat(lines).containsExactly(3, 4, 5, 6, 7);
    }

    @Test
    void parse_optionalValuesEverywhere_areRecordsWithoutNulls() {
        SsoConfig def = load(MINIMAL).ssoConfig().get("Default");

        assertThat(def.defaultRegion()).isEqualTo(Optional.empty());
        assertThat(def.accounts()).isEmpty();
    }
}
