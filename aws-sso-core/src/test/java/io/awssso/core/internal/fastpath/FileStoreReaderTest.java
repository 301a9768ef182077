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
    void pbkdf2HmacSha256_anyPasswordSaltAndCount_isTheJdksPbkdf2() throws Exception {
        java.util.Random r = new java.util.Random(7);
        javax.crypto.SecretKeyFactory jdk = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        for (int n = 0; n < 60; n++) {
            // up to 150 characters, so that keys longer than SHA-256's 64-byte block (hashed first) occur
            StringBuilder password = new StringBuilder();
            int length = 1 + r.nextInt(150);
            for (int i = 0; i < length; i++) {
                password.append(r.nextInt(4) == 0 ? (char) (0xa0 + r.nextInt(0x500)) : (char) (0x20 + r.nextInt(0x5f)));
            }
            byte[] salt = new byte[8 + r.nextInt(40)];
            r.nextBytes(salt);
            int iterations = 1 + r.nextInt(300);
            byte[] expected = jdk.generateSecret(new javax.crypto.spec.PBEKeySpec(password.toString().toCharArray(),
                    salt, iterations, 256)).getEncoded();
            byte[] saltWithBlock = java.util.Arrays.copyOf(salt, salt.length + 4);
            saltWithBlock[saltWithBlock.length - 1] = 1;

            assertThat(FileStoreReader.pbkdf2HmacSha256(password.toString().getBytes(StandardCharsets.UTF_8),
                    saltWithBlock, iterations)).as("password of %d characters, %d iterations", length, iterations)
                    .isEqualTo(expected);
        }
    }

    @Test
    void pbkdf2HmacSha256_emptyPassword_isHmacWithTheZeroKeyAsTheBackendHasIt() throws Exception {
        byte[] salt = {1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 1};
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(new byte[1], "HmacSHA256"));
        byte[] u = mac.doFinal(salt);
        byte[] t = u.clone();
        for (int i = 2; i <= 3; i++) {
            u = mac.doFinal(u);
            for (int k = 0; k < t.length; k++) {
                t[k] ^= u[k];
            }
        }

        assertThat(FileStoreReader.pbkdf2HmacSha256(new byte[0], salt, 3)).isEqualTo(t);
    }
}
