package io.awssso.core.internal.fastpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The hand-written SHA-256 of the {@code file} store's key derivation, bit for bit against the JDK's
 * own {@code PBKDF2WithHmacSHA256} and {@code HmacSHA256} (an independent implementation): any
 * difference would make the fast path miss (the key unwrap fails), never answer wrongly, but it
 * must not differ at all.
 */
class Pbkdf2HmacSha256Test {

    /** PBKDF2's salt argument here: the salt followed by the block index INT(1). */
    private static byte[] withBlockIndex(byte[] salt) {
        byte[] s = Arrays.copyOf(salt, salt.length + 4);
        s[s.length - 1] = 1;
        return s;
    }

    private static String randomPassword(Random r, int length) {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < length; i++) {
            // mostly ASCII, some characters of two and three UTF-8 bytes
            int kind = r.nextInt(6);
            password.append(kind == 0 ? (char) (0xa0 + r.nextInt(0x500))
                    : kind == 1 ? (char) (0x800 + r.nextInt(0x7000)) : (char) (0x20 + r.nextInt(0x5f)));
        }
        return password.toString();
    }

    @Test
    void firstBlock_randomPasswordsSaltsAndCounts_isTheJdksPbkdf2() throws Exception {
        Random r = new Random(20261207);
        SecretKeyFactory jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        for (int n = 0; n < 400; n++) {
            // passwords past SHA-256's 64-byte block (HMAC hashes those first), salts past two blocks
            String password = randomPassword(r, 1 + r.nextInt(120));
            byte[] salt = new byte[1 + r.nextInt(160)];
            r.nextBytes(salt);
            int iterations = 1 + r.nextInt(n % 10 == 0 ? 9000 : 400);
            byte[] expected = jdk.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
                    .getEncoded();

            assertThat(Pbkdf2HmacSha256.firstBlock(password.getBytes(StandardCharsets.UTF_8), withBlockIndex(salt),
                    iterations)).as("password of %d characters, salt of %d bytes, %d iterations",
                            password.length(), salt.length, iterations).isEqualTo(expected);
        }
    }

    @Test
    void firstBlock_everySaltLengthAroundTheBlockBoundaries_isTheJdksPbkdf2() throws Exception {
        SecretKeyFactory jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        byte[] password = "correct horse".getBytes(StandardCharsets.UTF_8);
        // with the index, 51..60 and 115..124 bytes: where the padding and length spill into a new block
        for (int length = 1; length <= 140; length++) {
            byte[] salt = new byte[length];
            for (int i = 0; i < length; i++) {
                salt[i] = (byte) (i * 31 + length);
            }
            byte[] expected = jdk.generateSecret(new PBEKeySpec("correct horse".toCharArray(), salt, 3, 256))
                    .getEncoded();

            assertThat(Pbkdf2HmacSha256.firstBlock(password, withBlockIndex(salt), 3)).as("salt of %d bytes", length)
                    .isEqualTo(expected);
        }
    }

    @Test
    void firstBlock_oneIteration_isTheJdksHmacSha256OfAnyKeyAndMessage() throws Exception {
        Random r = new Random(42);
        Mac mac = Mac.getInstance("HmacSHA256");
        for (int keyLength = 1; keyLength <= 200; keyLength++) {
            byte[] key = new byte[keyLength];
            r.nextBytes(key);
            byte[] message = new byte[r.nextInt(300)];
            r.nextBytes(message);
            mac.init(new SecretKeySpec(key, "HmacSHA256"));

            assertThat(Pbkdf2HmacSha256.firstBlock(key, message, 1))
                    .as("key of %d bytes, message of %d bytes", keyLength, message.length)
                    .isEqualTo(mac.doFinal(message));
        }
    }

    @Test
    void firstBlock_emptyPassword_isHmacWithTheZeroKeyAsTheBackendHasIt() throws Exception {
        byte[] salt = {1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 1};
        Mac mac = Mac.getInstance("HmacSHA256");
        // HMAC pads the key with zeros to a block: an empty key and a one-zero-byte key are the same
        mac.init(new SecretKeySpec(new byte[1], "HmacSHA256"));
        byte[] u = mac.doFinal(salt);
        byte[] t = u.clone();
        for (int i = 2; i <= 3; i++) {
            u = mac.doFinal(u);
            for (int k = 0; k < t.length; k++) {
                t[k] ^= u[k];
            }
        }

        assertThat(Pbkdf2HmacSha256.firstBlock(new byte[0], salt, 3)).isEqualTo(t);
    }

    @Test
    void firstBlock_theFileStoresParameters_isTheJdksPbkdf2() throws Exception {
        // what aws-sso and aws-sso-cli write: UTF8(alg) || 0x00 || 16 random bytes, 8,192 iterations
        byte[] alg = "PBES2-HS256+A128KW".getBytes(StandardCharsets.US_ASCII);
        byte[] salt = Arrays.copyOf(alg, alg.length + 1 + 16);
        new Random(1).nextBytes(salt);
        System.arraycopy(alg, 0, salt, 0, alg.length);
        salt[alg.length] = 0;
        byte[] expected = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("benchmark-password".toCharArray(), salt, 8192, 256)).getEncoded();

        assertThat(Pbkdf2HmacSha256.firstBlock("benchmark-password".getBytes(StandardCharsets.UTF_8),
                withBlockIndex(salt), 8192)).isEqualTo(expected);
    }

    @Test
    void firstBlock_noIterations_isRefused() {
        assertThatThrownBy(() -> Pbkdf2HmacSha256.firstBlock(new byte[1], new byte[12], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iteration count");
    }
}
