package io.awssso.core.internal.fastpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.core.internal.env.Environment;
import io.awssso.testkit.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code file} store read without the engine. The tokens were written by Nimbus JOSE+JWT (an
 * independent JWE implementation, as jose2go is for aws-sso-cli) with the password
 * {@code correct horse}; the stores module's tests show that its backend reads the same files, and
 * ProcessFastPathParityTest that this reader answers as the backend does on files it wrote.
 */
class FileStoreReaderTest {
    private static final String PASSWORD = "correct horse";
    private static final RoleArn ADMIN = RoleArn.parse("arn:aws:iam::012345678901:role/Admin");

    @TempDir
    Path home;

    private static String token(String name) throws IOException {
        try (InputStream in = FileStoreReaderTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static String storageData(String token, String password) throws IOException {
        byte[] item = FileStoreReader.decrypt(token, password.toCharArray());
        if (item == null) {
            return null;
        }
        byte[] data = FileStoreReader.keyringItemData(item);
        return data == null ? null : new String(data, StandardCharsets.UTF_8);
    }

    @Test
    void decrypt_tokenWrittenByNimbus_givesTheKeyringItemsStorageData() throws IOException {
        String data = storageData(token("nimbus-pbes2-hs256-p2c8192.jwe"), PASSWORD);

        assertThat(data).startsWith("{\"RegisterClientData\":{}").contains("\"accessKeyId\":\"ASIANIMBUS\"");
    }

    @Test
    void decrypt_wrongPassword_isNull() throws IOException {
        assertThat(FileStoreReader.decrypt(token("nimbus-pbes2-hs256-p2c8192.jwe"), "wrong".toCharArray())).isNull();
    }

    /** The p2s salt of a compact token's header. */
    private static byte[] salt(String token) {
        String header = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"p2s\"\\s*:\\s*\"([^\"]+)\"").matcher(header);
        assertThat(m.find()).as(header).isTrue();
        return java.util.Base64.getUrlDecoder().decode(m.group(1));
    }

    @Test
    void decrypt_rightPassword_keepsTheKeyForThatPasswordSaltAndCountOnly() throws IOException {
        String token = token("nimbus-pbes2-hs256-p2c8192.jwe");
        LastKeyEncryptionKey.forget();

        assertThat(storageData(token, PASSWORD)).contains("ASIANIMBUS");

        byte[] password = PASSWORD.getBytes(StandardCharsets.UTF_8);
        assertThat(LastKeyEncryptionKey.find(password, salt(token), 8192)).hasSize(16);
        assertThat(LastKeyEncryptionKey.find(password, salt(token), 8191)).isNull();
        assertThat(LastKeyEncryptionKey.find("correct horsE".getBytes(StandardCharsets.UTF_8), salt(token), 8192)).isNull();
        // the kept key answers the same again, and opens nothing for another password
        assertThat(storageData(token, PASSWORD)).contains("ASIANIMBUS");
        assertThat(FileStoreReader.decrypt(token, "wrong".toCharArray())).isNull();
    }

    @Test
    void decrypt_wrongPasswordFirst_keepsNothing() throws IOException {
        String token = token("nimbus-pbes2-hs256-p2c8192.jwe");
        LastKeyEncryptionKey.forget();

        assertThat(FileStoreReader.decrypt(token, "wrong".toCharArray())).isNull();

        assertThat(LastKeyEncryptionKey.find("wrong".getBytes(StandardCharsets.UTF_8), salt(token), 8192)).isNull();
        assertThat(LastKeyEncryptionKey.find(PASSWORD.getBytes(StandardCharsets.UTF_8), salt(token), 8192)).isNull();
    }

    @Test
    void decrypt_tamperedCiphertextWithTheKeyKept_isStillNull() throws IOException {
        String token = token("nimbus-pbes2-hs256-p2c8192.jwe");
        assertThat(storageData(token, PASSWORD)).contains("ASIANIMBUS");
        String[] parts = token.split("\\.");
        char c = parts[3].charAt(10);
        parts[3] = parts[3].substring(0, 10) + (c == 'A' ? 'B' : 'A') + parts[3].substring(11);

        assertThat(FileStoreReader.decrypt(String.join(".", parts), PASSWORD.toCharArray())).isNull();
    }

    @Test
    void decrypt_tamperedCiphertext_isNull() throws IOException {
        String[] parts = token("nimbus-pbes2-hs256-p2c8192.jwe").split("\\.");
        char c = parts[3].charAt(10);
        parts[3] = parts[3].substring(0, 10) + (c == 'A' ? 'B' : 'A') + parts[3].substring(11);

        assertThat(FileStoreReader.decrypt(String.join(".", parts), PASSWORD.toCharArray())).isNull();
    }

    @Test
    void decrypt_moreIterationsThanAwsSsoWrites_isLeftToTheBackend() throws IOException {
        assertThat(FileStoreReader.decrypt(token("nimbus-pbes2-hs256-p2c8193.jwe"), PASSWORD.toCharArray())).isNull();
    }

    @Test
    void decrypt_otherKeyManagement_isLeftToTheBackend() throws IOException {
        assertThat(FileStoreReader.decrypt(token("nimbus-pbes2-hs512-p2c8192.jwe"), PASSWORD.toCharArray())).isNull();
    }

    @Test
    void decrypt_notACompactToken_isNull() throws IOException {
        assertThat(FileStoreReader.decrypt("a.b.c", PASSWORD.toCharArray())).isNull();
        assertThat(FileStoreReader.decrypt("{\"RoleCredentials\":{}}", PASSWORD.toCharArray())).isNull();
        assertThat(FileStoreReader.decrypt("!!.b.c.d.e", PASSWORD.toCharArray())).isNull();
    }

    @Test
    void keyringItemData_noDataOrNotAnItem_isNull() throws IOException {
        assertThat(FileStoreReader.keyringItemData("{\"Key\":\"k\",\"Data\":null}".getBytes(StandardCharsets.UTF_8)))
                .isNull();
        assertThat(FileStoreReader.keyringItemData("[1]".getBytes(StandardCharsets.UTF_8))).isNull();
        // refused (the caller then asks the engine), where the backend would take the last
        assertThatThrownBy(() -> FileStoreReader.keyringItemData("{\"Data\":\"e30=\",\"Data\":\"e30=\"}"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
        assertThat(FileStoreReader.keyringItemData("{\"Data\":\"e30=\"} {}".getBytes(StandardCharsets.UTF_8)))
                .isNull();
    }

    @Test
    void read_fileStoreConfigWithPassword_answersFromTheNimbusFile() throws IOException {
        Path dir = home.resolve(".config/aws-sso");
        Files.createDirectories(dir.resolve("secure"));
        Files.writeString(dir.resolve("config.yaml"), "SSOConfig:\n  Default:\n    SSORegion: us-east-1\n"
                + "    StartUrl: https://d-1234567890.awsapps.com/start\nSecureStore: file\n");
        Files.writeString(dir.resolve("secure/aws-sso-cli-records"), token("nimbus-pbes2-hs256-p2c8192.jwe"));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        MutableClock clock = MutableClock.startingAt(Instant.parse("2026-12-07T12:00:00Z"));

        Optional<RoleCredentials> found = new StoredCredentialsReader(
                Environment.of(Map.of("AWS_SSO_FILE_PASSWORD", PASSWORD), home, "Linux"), clock,
                new PrintStream(messages, true, StandardCharsets.UTF_8)).read(Optional.empty(), Optional.empty(), ADMIN);
        Optional<RoleCredentials> withoutPassword = new StoredCredentialsReader(
                Environment.of(Map.of(), home, "Linux"), clock,
                new PrintStream(messages, true, StandardCharsets.UTF_8)).read(Optional.empty(), Optional.empty(), ADMIN);

        assertThat(found).map(RoleCredentials::accessKeyId).contains("ASIANIMBUS");
        assertThat(withoutPassword).as("the engine asks for the password").isEmpty();
        assertThat(messages.size()).as("the file store warns of nothing").isZero();
    }

    @Test
    void decryptAhead_storeFile_givesTheStorageDataAsTheInlineReadDoes() throws IOException {
        Path file = home.resolve("aws-sso-cli-records");
        Files.writeString(file, token("nimbus-pbes2-hs256-p2c8192.jwe"));

        byte[] ahead = FileStoreReader.decryptAhead(file, PASSWORD.toCharArray()).await();

        assertThat(ahead).isNotNull().isEqualTo(FileStoreReader.storageData(file, PASSWORD.toCharArray()));
        assertThat(new String(ahead, StandardCharsets.UTF_8)).contains("\"accessKeyId\":\"ASIANIMBUS\"");
    }

    @Test
    void decryptAhead_wrongPasswordOrNoFile_isNull() throws IOException {
        Path file = home.resolve("aws-sso-cli-records");
        Files.writeString(file, token("nimbus-pbes2-hs256-p2c8192.jwe"));

        assertThat(FileStoreReader.decryptAhead(file, "wrong".toCharArray()).await()).isNull();
        assertThat(FileStoreReader.decryptAhead(home.resolve("missing"), PASSWORD.toCharArray()).await()).isNull();
    }

    @Test
    void decryptAhead_password_isWipedOnceRead() throws IOException {
        Path file = home.resolve("aws-sso-cli-records");
        Files.writeString(file, token("nimbus-pbes2-hs256-p2c8192.jwe"));
        char[] password = PASSWORD.toCharArray();

        FileStoreReader.decryptAhead(file, password).await();

        assertThat(new String(password)).isEqualTo("\0".repeat(PASSWORD.length()));
    }
}
