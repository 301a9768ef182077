package io.awssso.stores.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.PasswordBasedDecrypter;
import com.nimbusds.jose.crypto.PasswordBasedEncrypter;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.api.StoreUnavailableException;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.StoreContext;
import io.awssso.api.spi.StoredSecrets;
import io.awssso.stores.internal.StorageLock;
import io.awssso.testkit.SecureStoreCompatibilityKit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileSecureStoreTest extends SecureStoreCompatibilityKit {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path cfg;

    private SecureStore open(Map<String, String> env, StoreContext.PasswordPrompt prompt) {
        return new EncryptedFileSecureStoreProvider().create(new StoreContext(cfg, Map.of(), env, prompt));
    }

    private SecureStore withPassword(String password) {
        return open(Map.of("AWS_SSO_FILE_PASSWORD", password), null);
    }

    @Override
    protected SecureStore createStore() {
        return withPassword(PASSWORD);
    }

    @Override
    protected SecureStore reopen() {
        return withPassword(PASSWORD);
    }

    private Path storeFile() {
        return cfg.resolve("secure").resolve("aws-sso-cli-records");
    }

    /** A prompt that answers from a list and records what it was asked. */
    private static final class ScriptedPrompt implements StoreContext.PasswordPrompt {
        final List<String> asked = new ArrayList<>();
        private final List<String> answers;

        ScriptedPrompt(String... answers) {
            this.answers = new ArrayList<>(List.of(answers));
        }

        @Override
        public char[] ask(String prompt) {
            asked.add(prompt);
            return answers.isEmpty() ? null : answers.remove(0).toCharArray();
        }
    }

    private static byte[] nimbusDecrypt(String token, String password) throws Exception {
        JWEObject jwe = JWEObject.parse(token);
        jwe.decrypt(new PasswordBasedDecrypter(password));
        return jwe.getPayload().toBytes();
    }

    // ------------------------------------------------------------------ format

    @Test
    void name_always_isFile() {
        assertThat(store().name()).isEqualTo("file");
    }

    @Test
    void update_firstWrite_createsOneJweFile0600InSecureDirectory0700() throws Exception {
        store().update(s -> s.withEcsBearerToken("tok"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(storeFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cfg.resolve("secure"))))
                .isEqualTo("rwx------");
        String token = Files.readString(storeFile());
        assertThat(token.split("\\.", -1)).hasSize(5);
        JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        assertThat(header.get("alg").asText()).isEqualTo("PBES2-HS256+A128KW");
        assertThat(header.get("enc").asText()).isEqualTo("A256GCM");
        assertThat(header.get("p2c").asInt()).isEqualTo(8192);
        assertThat(header.has("p2s")).isTrue();
        assertThat(header.get("created").asText()).isNotBlank();
        assertThat(token).doesNotContain("tok");
    }

    @Test
    void update_writtenFile_decryptsWithNimbusToTheKeyringItemLayout() throws Exception {
        RoleArn role = RoleArn.parse("000123456789:Admin");
        store().update(s -> s.withToken("Default", sampleToken("x"))
                .withRegistration("Default", sampleRegistration("x"))
                .withCredentials(role, sampleCredentials(role, "x", false)));

        byte[] plaintext = nimbusDecrypt(Files.readString(storeFile()), PASSWORD);

        JsonNode item = new ObjectMapper().readTree(plaintext);
        List<String> members = new ArrayList<>();
        item.fieldNames().forEachRemaining(members::add);
        assertThat(members).containsExactly("Key", "Data", "Label", "Description",
                "KeychainNotTrustApplication", "KeychainNotSynchronizable");
        assertThat(item.get("Key").asText()).isEqualTo("aws-sso-cli-records");
        assertThat(item.get("Label").asText()).isEqualTo("aws-sso-cli");
        assertThat(item.get("Description").asText()).isEqualTo("aws-sso secure storage");
        assertThat(item.get("KeychainNotTrustApplication").asBoolean(true)).isFalse();
        JsonNode data = new ObjectMapper().readTree(Base64.getDecoder().decode(item.get("Data").asText()));
        assertThat(data.at("/CreateTokenResponse/token-response:Default/RefreshToken").asText())
                .isEqualTo("refresh-token-x");
        assertThat(data.at("/RegisterClientData/client-data:Default/clientId").asText()).isEqualTo("client-id-x");
        assertThat(data.at("/RoleCredentials/arn:aws:iam::000123456789:role~1Admin/accountId").asLong())
                .isEqualTo(123456789L);
    }

    @Test
    void read_fileWrittenByNimbus_opensWithTheSamePassword() throws Exception {
        String storageData = """
                {"RegisterClientData":{},"CreateTokenResponse":{"token-response:Default":{
                "accessToken":"nimbus-at","expiresIn":3600,"expiresAt":1764003600,"RefreshToken":"nimbus-rt",
                "tokenType":"Bearer"}},"RoleCredentials":{},"StaticCredentials":{},"EcsBearerToken":"nimbus-ecs"}""";
        String item = "{\"Key\":\"aws-sso-cli-records\",\"Data\":\""
                + Base64.getEncoder().encodeToString(storageData.getBytes(StandardCharsets.UTF_8))
                + "\",\"Label\":\"aws-sso-cli\",\"Description\":\"aws-sso secure storage\","
                + "\"KeychainNotTrustApplication\":false,\"KeychainNotSynchronizable\":false}";
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.PBES2_HS256_A128KW, EncryptionMethod.A256GCM)
                .customParam("created", "2026-11-26 10:00:00.123456789 +0000 UTC").build(),
                new Payload(item.getBytes(StandardCharsets.UTF_8)));
        jwe.encrypt(new PasswordBasedEncrypter(PASSWORD, 16, 4096));
        Files.createDirectories(cfg.resolve("secure"));
        Files.writeString(storeFile(), jwe.serialize());

        StoredSecrets s = store().read();

        assertThat(s.token("Default").orElseThrow().accessToken()).isEqualTo("nimbus-at");
        assertThat(s.token("Default").orElseThrow().refreshTokenIfAny()).contains("nimbus-rt");
        assertThat(s.ecsBearerToken()).isEqualTo("nimbus-ecs");
    }

    @Test
    void update_nimbusFileWithStaticCredentials_keepsThem() throws Exception {
        String storageData = "{\"StaticCredentials\":{\"arn:aws:iam::123456789012:user/u\":{\"Profile\":\"p\"}}}";
        String item = "{\"Key\":\"aws-sso-cli-records\",\"Data\":\""
                + Base64.getEncoder().encodeToString(storageData.getBytes(StandardCharsets.UTF_8)) + "\"}";
        JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.PBES2_HS256_A128KW, EncryptionMethod.A256GCM),
                new Payload(item.getBytes(StandardCharsets.UTF_8)));
        jwe.encrypt(new PasswordBasedEncrypter(PASSWORD, 16, 1000));
        Files.createDirectories(cfg.resolve("secure"));
        Files.writeString(storeFile(), jwe.serialize());

        store().update(s -> s.withEcsBearerToken("new"));

        JsonNode itemBack = new ObjectMapper().readTree(nimbusDecrypt(Files.readString(storeFile()), PASSWORD));
        JsonNode data = new ObjectMapper().readTree(Base64.getDecoder().decode(itemBack.get("Data").asText()));
        assertThat(data.at("/StaticCredentials/arn:aws:iam::123456789012:user~1u/Profile").asText()).isEqualTo("p");
        assertThat(data.get("EcsBearerToken").asText()).isEqualTo("new");
    }

    // ------------------------------------------------------------------ the derived key

    /** A store on {@link #cfg} whose key derivations are counted. */
    private SecureStore counting(AtomicInteger derivations, Map<String, String> env, StoreContext.PasswordPrompt prompt) {
        StoreContext context = new StoreContext(cfg, Map.of(), env, prompt);
        return new EncryptedFileSecureStore(storeFile(), StorageLock.of(context), env, prompt, Clock.systemUTC(),
                new DerivedKeys((password, p2s, iterations, nanoTime) -> {
                    derivations.incrementAndGet();
                    return Jwe.deriveKek(password, p2s, iterations, nanoTime);
                }));
    }

    private String salt() throws Exception {
        String token = Files.readString(storeFile());
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0])).get("p2s").asText();
    }

    @Test
    void update_manyWritesEachAfterARead_deriveTheKeyOnce() throws Exception {
        AtomicInteger derivations = new AtomicInteger();
        SecureStore s = counting(derivations, Map.of("AWS_SSO_FILE_PASSWORD", PASSWORD), null);

        for (int i = 0; i < 20; i++) { // as a credential fetch does: a read, then a read-modify-write
            RoleArn role = RoleArn.parse(String.format("%012d:ReadOnly", 10_000 + i));
            RoleCredentials fetched = sampleCredentials(role, "k" + i, false);
            s.read();
            s.update(x -> x.withCredentials(role, fetched));
        }
        s.close();

        assertThat(derivations).hasValue(1); // 60 before: one per read, one per load and one per write
        assertThat(withPassword(PASSWORD).read().roleCredentials()).hasSize(20);
        assertThat(nimbusDecrypt(Files.readString(storeFile()), PASSWORD)).isNotEmpty();
    }

    @Test
    void update_fileWrittenByAnotherProcess_derivesItsKeyThenOneOfItsOwnWithANewSalt() throws Exception {
        store().update(x -> x.withEcsBearerToken("a"));
        String before = salt();
        AtomicInteger derivations = new AtomicInteger();
        SecureStore s = counting(derivations, Map.of("AWS_SSO_FILE_PASSWORD", PASSWORD), null);

        for (int i = 0; i < 10; i++) {
            String token = "b" + i;
            s.update(x -> x.withEcsBearerToken(token));
        }
        String written = salt();
        assertThat(s.read().ecsBearerToken()).isEqualTo("b9");
        s.close();

        assertThat(derivations).hasValue(2);
        assertThat(written).isNotEqualTo(before);
    }

    @Test
    void read_wrongPasswordThenTheRightOne_derivesForEachAndKeepsOnlyTheRightKey() throws Exception {
        store().update(x -> x.withEcsBearerToken("a"));
        byte[] before = Files.readAllBytes(storeFile());
        AtomicInteger derivations = new AtomicInteger();
        SecureStore s = counting(derivations, Map.of(), new ScriptedPrompt("typo", PASSWORD));

        assertThatThrownBy(s::read).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("entered");
        assertThat(Files.readAllBytes(storeFile())).isEqualTo(before);
        assertThat(s.read().ecsBearerToken()).isEqualTo("a");
        assertThat(s.read().ecsBearerToken()).isEqualTo("a");
        s.close();

        assertThat(derivations).hasValue(2); // the typo's (not kept), then the password's (kept)
    }

    // ------------------------------------------------------------------ passwords

    @Test
    void readAndUpdate_wrongPassword_failClearlyAndLeaveTheFileByteIdentical() throws Exception {
        store().update(s -> everything());
        byte[] before = Files.readAllBytes(storeFile());
        SecureStore wrong = withPassword("not the password");

        assertThatThrownBy(wrong::read)
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("AWS_SSO_FILE_PASSWORD")
                .hasMessageContaining("does not open")
                .hasMessageContaining(storeFile().toString())
                .hasMessageNotContaining("not the password");
        assertThatThrownBy(() -> wrong.update(s -> StoredSecrets.EMPTY))
                .isInstanceOf(StoreUnavailableException.class);
        wrong.close();

        assertThat(Files.readAllBytes(storeFile())).isEqualTo(before);
        assertThat(store().read()).isEqualTo(everything());
    }

    @Test
    void update_newFileWithPrompt_asksTwiceAndThenNeverAgain() {
        ScriptedPrompt prompt = new ScriptedPrompt("pw1", "pw1");
        SecureStore prompted = open(Map.of(), prompt);

        prompted.update(s -> s.withEcsBearerToken("a"));
        prompted.update(s -> s.withEcsBearerToken("b"));
        assertThat(prompted.read().ecsBearerToken()).isEqualTo("b");
        prompted.close();

        assertThat(prompt.asked).containsExactly("Select password", "Verify password");
        assertThat(withPassword("pw1").read().ecsBearerToken()).isEqualTo("b");
    }

    @Test
    void read_existingFileWithPrompt_asksOnce() {
        store().update(s -> s.withEcsBearerToken("a"));
        ScriptedPrompt prompt = new ScriptedPrompt(PASSWORD);
        SecureStore prompted = open(Map.of(), prompt);

        assertThat(prompted.read().ecsBearerToken()).isEqualTo("a");
        assertThat(prompted.read().ecsBearerToken()).isEqualTo("a");
        prompted.close();

        assertThat(prompt.asked).containsExactly("Password");
    }

    @Test
    void read_existingFileWrongTypedPassword_asksAgainNextTime() {
        store().update(s -> s.withEcsBearerToken("a"));
        ScriptedPrompt prompt = new ScriptedPrompt("typo", PASSWORD);
        SecureStore prompted = open(Map.of(), prompt);

        assertThatThrownBy(prompted::read).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("entered");
        assertThat(prompted.read().ecsBearerToken()).isEqualTo("a");
        prompted.close();
    }

    @Test
    void update_newFilePasswordsDiffer_isRefusedAndNoFileIsCreated() {
        SecureStore prompted = open(Map.of(), new ScriptedPrompt("one", "two"));

        assertThatThrownBy(() -> prompted.update(s -> s.withEcsBearerToken("a")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("did not match");
        assertThat(storeFile()).doesNotExist();
    }

    @Test
    void update_newFileEmptyPassword_isRefused() {
        SecureStore prompted = open(Map.of(), new ScriptedPrompt(""));

        assertThatThrownBy(() -> prompted.update(s -> s.withEcsBearerToken("a")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("empty password");
        assertThat(storeFile()).doesNotExist();
    }

    @Test
    void update_noPasswordAndNoTerminal_explainsAwsSsoFilePassword() {
        SecureStore noWayToAsk = open(Map.of(), null);

        assertThatThrownBy(() -> noWayToAsk.update(s -> s.withEcsBearerToken("a")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("AWS_SSO_FILE_PASSWORD");
        assertThat(storeFile()).doesNotExist();
    }

    @Test
    void read_noFileYet_needsNoPassword() {
        ScriptedPrompt prompt = new ScriptedPrompt();
        SecureStore prompted = open(Map.of(), prompt);

        assertThat(prompted.read()).isEqualTo(StoredSecrets.EMPTY);
        assertThat(prompt.asked).isEmpty();
    }

    // ------------------------------------------------------------------ damaged files

    @Test
    void read_tamperedCiphertext_failsAndLeavesTheFile() throws Exception {
        store().update(s -> everything());
        String[] parts = Files.readString(storeFile()).split("\\.");
        byte[] ct = Base64.getUrlDecoder().decode(parts[3]);
        ct[0] ^= 1;
        parts[3] = Base64.getUrlEncoder().withoutPadding().encodeToString(ct);
        byte[] tampered = String.join(".", parts).getBytes(StandardCharsets.US_ASCII);
        Files.write(storeFile(), tampered);

        assertThatThrownBy(() -> reopen().read())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("integrity");
        assertThatThrownBy(() -> store().update(s -> StoredSecrets.EMPTY))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(Files.readAllBytes(storeFile())).isEqualTo(tampered);
    }

    @Test
    void read_hugeIterationCount_isRefusedWithoutSpinning() throws Exception {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"PBES2-HS256+A128KW\",\"enc\":\"A256GCM\",\"p2c\":2000000000,\"p2s\":\"AAAAAAAAAAAAAAAA\"}"
                        .getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(cfg.resolve("secure"));
        Files.writeString(storeFile(), header + ".AAAA.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA");

        assertThatThrownBy(() -> store().read())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("p2c");
    }

    private String nimbusToken(JWEAlgorithm alg, EncryptionMethod enc, int iterations) throws Exception {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(alg, enc).build(),
                new Payload("{\"Key\":\"aws-sso-cli-records\",\"Data\":\"e30=\"}".getBytes(StandardCharsets.UTF_8)));
        jwe.encrypt(new PasswordBasedEncrypter(PASSWORD, 16, iterations));
        return jwe.serialize();
    }

    @Test
    void read_pbes2Hs512File_isRefusedBeforeAnyKeyDerivation() throws Exception {
        // Before: HS512 (the slowest PRF per iteration) was accepted with up to 2,000,000 iterations.
        Files.createDirectories(cfg.resolve("secure"));
        Files.writeString(storeFile(), nimbusToken(JWEAlgorithm.PBES2_HS512_A256KW, EncryptionMethod.A256GCM, 1000));

        assertThatThrownBy(() -> store().read())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(storeFile().toString())
                .hasMessageContaining("unsupported JWE key management 'PBES2-HS512+A256KW'")
                .hasMessageContaining("PBES2-HS256+A128KW");
    }

    @Test
    void read_contentEncryptionOtherThanA256gcm_isRefused() throws Exception {
        Files.createDirectories(cfg.resolve("secure"));
        Files.writeString(storeFile(), nimbusToken(JWEAlgorithm.PBES2_HS256_A128KW, EncryptionMethod.A128GCM, 1000));

        assertThatThrownBy(() -> store().read())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("unsupported JWE content encryption 'A128GCM'");
    }

    @Test
    void read_iterationCountAboveWhatAwsSsoCliReads_isRefused() throws Exception {
        // jose2go (aws-sso-cli's JWE library) refuses more than 1,300,000 iterations of HS256.
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"PBES2-HS256+A128KW\",\"enc\":\"A256GCM\",\"p2c\":1300001,\"p2s\":\"AAAAAAAAAAAAAAAA\"}"
                        .getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(cfg.resolve("secure"));
        Files.writeString(storeFile(), header + ".AAAA.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA");

        assertThatThrownBy(() -> store().read())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("p2c must be an iteration count from 1 to 1300000");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // hang guard
    void read_storeFileIsAFifo_isRefusedNamingTheFile() throws Exception {
        Files.createDirectories(cfg.resolve("secure"));
        Process mkfifo = new ProcessBuilder("mkfifo", storeFile().toString()).inheritIO().start();
        assumeThat(mkfifo.waitFor()).isZero();

        assertThatThrownBy(() -> store().read())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(storeFile().toString())
                .hasMessageContaining("not a regular file");
    }

    @Test
    void read_notAJweAtAll_failsNamingTheFile() throws Exception {
        Files.createDirectories(cfg.resolve("secure"));
        Files.writeString(storeFile(), "garbage");

        assertThatThrownBy(() -> store().read())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(storeFile().toString());
        assertThat(storeFile()).hasContent("garbage");
    }
}
