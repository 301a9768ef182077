package io.awssso.stores.secretservice;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How secrets travel between this process and the Secret Service within one session. The
 * preferred algorithm, {@code dh-ietf1024-sha256-aes128-cbc-pkcs7} (what libsecret uses), agrees
 * on an AES key by Diffie-Hellman in the 1024-bit group of RFC 2409 and encrypts each secret with a
 * fresh IV, so that secrets are not readable by anything that can watch the bus; {@code plain}
 * sends them as they are, for services that offer nothing else.
 */
abstract class TransferSession {

    static final String DH_ALGORITHM = "dh-ietf1024-sha256-aes128-cbc-pkcs7";
    static final String PLAIN_ALGORITHM = "plain";

    /** The session's algorithm name, as given to {@code OpenSession}. */
    abstract String algorithm();

    /** The input to {@code OpenSession}. */
    abstract byte[] openInput();

    /** Completes the session with {@code OpenSession}'s output. */
    abstract void opened(byte[] output);

    /** The parameters and value of a secret holding {@code plain}. */
    abstract byte[][] encrypt(byte[] plain);

    /** The plain bytes of a secret with {@code parameters} and {@code value}. */
    abstract byte[] decrypt(byte[] parameters, byte[] value);

    /** Secrets as they are. */
    static TransferSession plain() {
        return new TransferSession() {
            @Override
            String algorithm() {
                return PLAIN_ALGORITHM;
            }

            @Override
            byte[] openInput() {
                return null;
            }

            @Override
            void opened(byte[] output) {
            }

            @Override
            byte[][] encrypt(byte[] plain) {
                return new byte[][] {new byte[0], plain};
            }

            @Override
            byte[] decrypt(byte[] parameters, byte[] value) {
                return value;
            }
        };
    }

    /** Secrets encrypted with a key agreed by Diffie-Hellman. */
    static TransferSession diffieHellman(SecureRandom random) {
        return new DiffieHellman(random);
    }

    /** {@code dh-ietf1024-sha256-aes128-cbc-pkcs7}. */
    static final class DiffieHellman extends TransferSession {

        /** The Second Oakley Group (RFC 2409, section 6.2), generator 2. */
        static final BigInteger PRIME = new BigInteger(
                "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74"
                        + "020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437"
                        + "4FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
                        + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF", 16);
        static final BigInteger GENERATOR = BigInteger.TWO;
        private static final int PRIME_BYTES = 128;

        private final SecureRandom random;
        private final BigInteger privateKey;
        private SecretKeySpec key;

        DiffieHellman(SecureRandom random) {
            this.random = random;
            BigInteger k;
            do {
                k = new BigInteger(PRIME_BYTES * 8, random);
            } while (k.signum() == 0 || k.compareTo(PRIME.subtract(BigInteger.ONE)) >= 0);
            this.privateKey = k;
        }

        @Override
        String algorithm() {
            return DH_ALGORITHM;
        }

        @Override
        byte[] openInput() {
            return unsigned(GENERATOR.modPow(privateKey, PRIME));
        }

        @Override
        void opened(byte[] output) {
            BigInteger serverPublic = new BigInteger(1, output);
            if (serverPublic.compareTo(BigInteger.ONE) <= 0 || serverPublic.compareTo(PRIME.subtract(BigInteger.ONE)) >= 0) {
                throw new IllegalArgumentException("the Secret Service sent an invalid public key");
            }
            this.key = new SecretKeySpec(aesKey(serverPublic.modPow(privateKey, PRIME)), "AES");
        }

        /** HKDF-SHA256 (no salt, no info) of the shared secret padded to the prime's length, 16 bytes. */
        static byte[] aesKey(BigInteger shared) {
            byte[] ikm = new byte[PRIME_BYTES];
            byte[] raw = unsigned(shared);
            System.arraycopy(raw, 0, ikm, PRIME_BYTES - raw.length, raw.length);
            try {
                Mac extract = Mac.getInstance("HmacSHA256");
                extract.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
                byte[] prk = extract.doFinal(ikm);
                Mac expand = Mac.getInstance("HmacSHA256");
                expand.init(new SecretKeySpec(prk, "HmacSHA256"));
                return Arrays.copyOf(expand.doFinal(new byte[] {1}), 16);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK lacks HmacSHA256", e);
            }
        }

        private static byte[] unsigned(BigInteger n) {
            byte[] b = n.toByteArray();
            return b.length > 1 && b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
        }

        @Override
        byte[][] encrypt(byte[] plain) {
            byte[] iv = new byte[16];
            random.nextBytes(iv);
            return new byte[][] {iv, crypt(Cipher.ENCRYPT_MODE, iv, plain)};
        }

        @Override
        byte[] decrypt(byte[] parameters, byte[] value) {
            if (parameters == null || parameters.length != 16) {
                throw new IllegalArgumentException("the Secret Service sent a secret without a 16-byte IV");
            }
            return crypt(Cipher.DECRYPT_MODE, parameters, value);
        }

        private byte[] crypt(int mode, byte[] iv, byte[] data) {
            if (key == null) {
                throw new IllegalStateException("the session is not open");
            }
            try {
                // PKCS5Padding is PKCS#7 padding for AES's 16-byte blocks.
                Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
                cipher.init(mode, key, new IvParameterSpec(iv));
                return cipher.doFinal(data);
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("a secret could not be " + (mode == Cipher.ENCRYPT_MODE
                        ? "encrypted" : "decrypted") + " with the session key (" + e.getClass().getSimpleName() + ")");
            }
        }
    }
}
