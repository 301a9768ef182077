package io.awssso.stores.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The file store's JWE token as an attacker who can write the file would leave it: it decrypts
 * (only with the password), or fails with {@link Jwe.WrongPasswordException} or an
 * {@link IOException} whose message holds no plaintext; never another exception, and the key
 * derivation stays within its budget whatever the header says.
 */
class JweFuzzTest {
    private static final char[] PASSWORD = "fuzz password".toCharArray();

    @FuzzTest(maxDuration = "2m")
    void decrypt_anyToken_decryptsOrIsRefused(byte[] file) {
        String token = new String(file, StandardCharsets.US_ASCII); // as the store reads it
        try {
            byte[] plain = Jwe.decrypt(token, PASSWORD);
            assertThat(plain).isNotNull();
        } catch (Jwe.WrongPasswordException e) {
            assertThat(e.getMessage()).isEqualTo("wrong password");
        } catch (IOException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
