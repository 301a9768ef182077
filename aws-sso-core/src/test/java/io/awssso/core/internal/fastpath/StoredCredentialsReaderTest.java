package io.awssso.core.internal.fastpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.awssso.api.AccountId;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.core.internal.env.Environment;
import io.awssso.testkit.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredCredentialsReaderTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final RoleArn ADMIN = RoleArn.parse("arn:aws:iam::012345678901:role/Admin");
    private static final String CONFIG = """
            SSOConfig:
              Default:
                SSORegion: us-east-1
                StartUrl: https://d-1234567890.awsapps.com/start
              Other:
                SSORegion: eu-west-1
                StartUrl: https://d-0987654321.awsapps.com/start
            SecureStore: json
            """;

    @TempDir
    Path home;

    private final MutableClock clock = MutableClock.startingAt(NOW);
    private final ByteArrayOutputStream messages = new ByteArrayOutputStream();
    private final Map<String, String> variables = new HashMap<>();

    private Path dir() {
        return home.resolve(".config/aws-sso");
    }

    private void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void config(String text) throws IOException {
        write(dir().resolve("config.yaml"), text);
    }

    private static String entry(String arn, Instant expiration) {
        return "\"" + arn + "\":{\"roleName\":\"Admin\",\"accountId\":12345678901,"
                + "\"accessKeyId\":\"ASIAFAST\",\"secretAccessKey\":\"s3cr3t\",\"sessionToken\":\"tok\","
                + "\"expiration\":" + expiration.toEpochMilli() + ",\"roleChaining\":false}";
    }

    private void store(String roleCredentialsMembers) throws IOException {
        write(dir().resolve("store.json"), "{\"CreateTokenResponse\":{},\"RoleCredentials\":{"
                + roleCredentialsMembers + "}}");
    }

    private Optional<RoleCredentials> read(String configFlag, String ssoFlag) {
        PrintStream user = new PrintStream(messages, true, StandardCharsets.UTF_8);
        return new StoredCredentialsReader(Environment.of(variables, home), clock, user)
                .read(Optional.ofNullable(configFlag), Optional.ofNullable(ssoFlag), ADMIN);
    }

    private Optional<RoleCredentials> read() {
        return read(null, null);
    }

    @Test
    void validEntry_isReturnedWhole_andTheInsecureStoreWarningNamesTheFile() throws IOException {
        config(CONFIG);
        Instant expires = NOW.plus(Duration.ofHours(1));
        store(entry("arn:aws:iam::111111111111:role/Other", expires) + "," + entry(ADMIN.toString(), expires));

        Optional<RoleCredentials> found = read();

        assertThat(found).contains(new RoleCredentials(RoleArn.of(AccountId.parse("012345678901"), "Admin"), "ASIAFAST",
                "s3cr3t", "tok", expires, false));
        assertThat(messages.toString(StandardCharsets.UTF_8)).isEqualTo("WARN Using insecure json file store "
                + dir().resolve("store.json") + "; see SecureStore in config" + System.lineSeparator());
    }

    @Test
    void logLevelError_silencesTheWarning() throws IOException {
        config(CONFIG + "LogLevel: error\n");
        store(entry(ADMIN.toString(), NOW.plus(Duration.ofHours(1))));

        assertThat(read()).isPresent();
        assertThat(messages.size()).isZero();
    }

    @Test
    void withinTheEnginesOneMinuteMargin_isLeftToTheEngine() throws IOException {
        config(CONFIG);
        store(entry(ADMIN.toString(), NOW.plus(Duration.ofSeconds(60))));
        assertThat(read()).isEmpty();

        store(entry(ADMIN.toString(), NOW.plus(Duration.ofSeconds(61))));
        assertThat(read()).isPresent();
    }

    @Test
    void anotherRole_orNoStore_isEmpty() throws IOException {
        config(CONFIG);
        assertThat(read()).isEmpty();

        store(entry("arn:aws:iam::012345678901:role/Admin2", NOW.plus(Duration.ofHours(1))));
        assertThat(read()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SecureStore: file\n", "SecureStore: JSON\n", "", "SecureStore: [json]\n"})
    void anyOtherStoreChoice_isLeftToTheEngine(String storeLine) throws IOException {
        config(CONFIG.replace("SecureStore: json\n", storeLine));
        store(entry(ADMIN.toString(), NOW.plus(Duration.ofHours(1))));

        assertThat(read()).isEmpty();
    }

    @Test
    void instanceChoice_followsTheEngine_flagThenVariableThenDefault() throws IOException {
        config(CONFIG);
        store(entry(ADMIN.toString(), NOW.plus(Duration.ofHours(1))));

        assertThat(read(null, "Other")).isPresent();
        assertThat(read(null, "Nope")).isEmpty();
        variables.put("AWS_SSO", "Nope");
        assertThat(read()).isEmpty();
        assertThat(read(null, "Other")).isPresent(); // the flag wins over the variable
        variables.put("AWS_SSO", "");
        assertThat(read()).isPresent(); // empty counts as unset
    }

    @Test
    void defaultSso_namingNoInstance_answersOnlyWhenThereIsJustOne() throws IOException {
        store(entry(ADMIN.toString(), NOW.plus(Duration.ofHours(1))));
        config(CONFIG + "DefaultSSO: Missing\n");
        assertThat(read()).isEmpty();

        config("""
                SSOConfig:
                  Only:
                    SSORegion: us-east-1
                    StartUrl: https://d-1234567890.awsapps.com/start
                SecureStore: json
                DefaultSSO: Missing
                """);
        assertThat(read()).isPresent();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard: opening a FIFO blocks for a writer
    void configOrStoreThatIsADeviceOrFifo_isLeftToTheEngine() throws Exception {
        assumeThat(Path.of("/dev/zero")).exists();
        // Before: the read of /dev/zero went on until OutOfMemoryError, an Error nothing caught.
        assertThat(read("/dev/zero", null)).isEmpty();

        Path pipe = home.resolve("pipe.yaml");
        assumeThat(new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start().waitFor()).isZero();
        assertThat(read(pipe.toString(), null)).isEmpty();

        write(home.resolve("devstore.yaml"), CONFIG + "JsonStore: /dev/zero\n");
        assertThat(read(home.resolve("devstore.yaml").toString(), null)).isEmpty();
    }

    @Test
    void jsonStoreKey_andConfigFlag_andConfigVariable_areHonoured() throws IOException {
        Path elsewhere = home.resolve("elsewhere.yaml");
        write(elsewhere, CONFIG + "JsonStore: ~/secrets/store.json\n");
        write(home.resolve("secrets/store.json"), "{\"RoleCredentials\":{"
                + entry(ADMIN.toString(), NOW.plus(Duration.ofHours(1))) + "}}");

        assertThat(read(elsewhere.toString(), null)).isPresent();
        assertThat(read()).isEmpty(); // the usual config file does not exist
        variables.put("AWS_SSO_CONFIG", elsewhere.toString());
        assertThat(read()).isPresent();
    }

    @Test
    void accountIdAsText_andUnpaddedArnKeys_matchAsTheEngineMatches() throws IOException {
        config(CONFIG);
        String unpadded = "arn:aws:iam::12345678901:role/Admin";
        store(entry(unpadded, NOW.plus(Duration.ofHours(1))).replace("12345678901,", "\"012345678901\","));

        assertThat(read()).map(RoleCredentials::accessKeyId).contains("ASIAFAST");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SSOConfig: [\n",                      // not YAML
        CONFIG + "SecureStore: json\n",        // a duplicate key
        CONFIG + "LogLevel: loud\n",           // a value the engine refuses
        "- a list\n",                          // not a mapping
    })
    void configTheEngineMustJudge_isLeftToIt(String text) throws IOException {
        config(text);
        store(entry(ADMIN.toString(), NOW.plus(Duration.ofHours(1))));

        assertThat(read()).isEmpty();
    }

    @Test
    void configThatIsNotUtf8_isLeftToTheEngine() throws IOException {
        Files.createDirectories(dir());
        byte[] latin1 = (CONFIG + "# caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir().resolve("config.yaml"), latin1);
        store(entry(ADMIN.toString(), NOW.plus(Duration.ofHours(1))));

        assertThat(read()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"RoleCredentials\":{ENTRY}} trailing",
        "{\"RoleCredentials\":{ENTRY,\"not-an-arn\":{}}}",
        "{\"RoleCredentials\":{ENTRY,\"arn:aws:iam::111111111111:role/B\":{\"roleName\":\"B\"}}}",
        "{\"RoleCredentials\":[ENTRY]}",
        "[]",
        "{\"RoleCredentials\":{ENTRY}",
    })
    void storeTheEngineWouldRefuse_isLeftToIt(String document) throws IOException {
        config(CONFIG);
        write(dir().resolve("store.json"), document.replace("ENTRY", entry(ADMIN.toString(), NOW.plus(Duration.ofHours(1)))));

        assertThat(read()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"sessionToken\":\"tok\",", "\"expiration\":", "\"accountId\":12345678901,"})
    void entryMissingAField_isLeftToTheEngine(String field) throws IOException {
        config(CONFIG);
        String whole = entry(ADMIN.toString(), NOW.plus(Duration.ofHours(1)));
        String broken = field.equals("\"expiration\":")
                ? whole.replaceAll("\"expiration\":\\d+,", "")
                : whole.replace(field, "");
        store(broken);

        assertThat(read()).isEmpty();
    }
}
