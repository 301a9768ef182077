package io.awssso.stores.secretservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TransferSessionTest {

    private static final BigInteger P = TransferSession.DiffieHellman.PRIME;

    @Test
    void aesKey_smallSharedSecret_isPaddedTo128BytesBeforeHkdf() {
        // Expected values computed independently (Python hmac/hashlib, RFC 5869 with a zero salt).
        assertThat(HexFormat.of().formatHex(TransferSession.DiffieHellman.aesKey(BigInteger.ONE)))
                .isEqualTo("e9dd7e345fdb5e13c15dc2f3d9b6294f");
        assertThat(HexFormat.of().formatHex(TransferSession.DiffieHellman.aesKey(BigInteger.valueOf(0x0102030405L))))
                .isEqualTo("4281f9070ce6c97d8e4fa3c67ac0f65a");
    }

    @Test
    void diffieHellman_againstAServerSide_agreesOnTheKeyBothWays() throws Exception {
        TransferSession client = TransferSession.diffieHellman(new SecureRandom());
        BigInteger serverPrivate = new BigInteger(1024, new SecureRandom()).mod(P.subtract(BigInteger.TWO)).add(BigInteger.ONE);
        BigInteger serverPublic = BigInteger.TWO.modPow(serverPrivate, P);
        client.opened(serverPublic.toByteArray());
        SecretKeySpec serverKey = new SecretKeySpec(TransferSession.DiffieHellman.aesKey(
                new BigInteger(1, client.openInput()).modPow(serverPrivate, P)), "AES");
        byte[] plain = "{\"Key\":\"aws-sso-cli-records\"}".getBytes(StandardCharsets.UTF_8);

        byte[][] sealed = client.encrypt(plain);
        Cipher server = Cipher.getInstance("AES/CBC/PKCS5Padding");
        server.init(Cipher.DECRYPT_MODE, serverKey, new IvParameterSpec(sealed[0]));
        assertThat(server.doFinal(sealed[1])).isEqualTo(plain);
        assertThat(sealed[1]).isNotEqualTo(plain);

        server.init(Cipher.ENCRYPT_MODE, serverKey, new IvParameterSpec(new byte[16]));
        assertThat(client.decrypt(new byte[16], server.doFinal(plain))).isEqualTo(plain);
    }

    @Test
    void encrypt_sameSecretTwice_usesAFreshIv() {
        TransferSession client = TransferSession.diffieHellman(new SecureRandom());
        client.opened(BigInteger.TWO.modPow(BigInteger.valueOf(12345), P).toByteArray());

        byte[][] a = client.encrypt(new byte[] {1, 2, 3});
        byte[][] b = client.encrypt(new byte[] {1, 2, 3});

        assertThat(a[0]).hasSize(16).isNotEqualTo(b[0]);
        assertThat(a[1]).isNotEqualTo(b[1]);
    }

    @Test
    void opened_degenerateServerKey_isRefused() {
        TransferSession client = TransferSession.diffieHellman(new SecureRandom());

        assertThatThrownBy(() -> client.opened(new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.opened(P.subtract(BigInteger.ONE).toByteArray()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decrypt_secretWithoutIv_isRefused() {
        TransferSession client = TransferSession.diffieHellman(new SecureRandom());
        client.opened(BigInteger.TWO.modPow(BigInteger.valueOf(99), P).toByteArray());
        byte[][] sealed = client.encrypt("secret-value".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> client.decrypt(new byte[0], sealed[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16-byte IV");
    }

    @Test
    void decrypt_truncatedCiphertext_failsWithoutShowingData() {
        TransferSession client = TransferSession.diffieHellman(new SecureRandom());
        client.opened(BigInteger.TWO.modPow(BigInteger.valueOf(99), P).toByteArray());
        byte[][] sealed = client.encrypt("secret-value".getBytes(StandardCharsets.UTF_8));

        // 15 bytes is not a whole AES block: always refused, whatever the key.
        assertThatThrownBy(() -> client.decrypt(sealed[0], java.util.Arrays.copyOf(sealed[1], 15)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret-value");
    }

    @Test
    void plain_passesBytesThrough() {
        TransferSession plain = TransferSession.plain();

        assertThat(plain.algorithm()).isEqualTo("plain");
        assertThat(plain.encrypt(new byte[] {7})[1]).containsExactly(7);
        assertThat(plain.encrypt(new byte[] {7})[0]).isEmpty();
        assertThat(plain.decrypt(new byte[0], new byte[] {8})).containsExactly(8);
    }
}
