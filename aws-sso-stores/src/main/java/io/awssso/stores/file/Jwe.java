package io.awssso.stores.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awssso.stores.internal.GoJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * JWE compact serialization with password-based key wrapping (RFC 7516, RFC 7518 4.8 and 5.3):
 * {@code PBES2-HS256+A128KW} and {@code A256GCM} only, with JDK cryptography only.
 *
 * <p>The file is attacker-writable in the threat model (another local process, a synced folder),
 * and its header chooses how much work opening it costs. So only what aws-sso-cli writes is read
 * (its JWE library, jose2go, writes HS256 and A256GCM with {@code p2c} 8192, and reads at most
 * {@value #MAX_ITERATIONS} iterations of HS256), and the key derivation stops when it exceeds
 * {@link #DERIVATION_BUDGET} whatever the count: a slow machine is not an excuse to spin.
 */
final class Jwe {

    static final String ALG = "PBES2-HS256+A128KW";
    static final String ENC = "A256GCM";
    /** Iterations used when writing. */
    static final int WRITE_ITERATIONS = 8192;
    /** Iterations accepted when reading: jose2go's own read limit for HS256 (v1.6.0 on). */
    static final int MAX_ITERATIONS = 1_300_000;
    /** Wall-clock time one key derivation may take; 8192 iterations take milliseconds. */
    static final Duration DERIVATION_BUDGET = Duration.ofSeconds(2);
    private static final int KEK_BYTES = 16;
    private static final int CEK_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64U = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64U_DECODER = Base64.getUrlDecoder();

    private Jwe() {
    }

    /** The password does not open the token (the key unwrap's integrity check failed). */
    static final class WrongPasswordException extends Exception {
        private static final long serialVersionUID = 1L;

        WrongPasswordException() {
            super("wrong password");
        }
    }

    /**
     * Encrypts {@code plaintext}; {@code extraHeaders} (string values) join the protected header.
     */
    static String encrypt(byte[] plaintext, char[] password, int iterations, Map<String, String> extraHeaders) {
        return encrypt(plaintext, password, iterations, extraHeaders, new DerivedKeys());
    }

    /**
     * {@link #encrypt(byte[], char[], int, Map)} with the salt and key {@code keys} holds for
     * writing, derived and kept there first if it holds none for this password and count.
     */
    static String encrypt(byte[] plaintext, char[] password, int iterations, Map<String, String> extraHeaders,
            DerivedKeys keys) {
        try {
            byte[][] saltAndKey = keys.forWriting(password, iterations);
            byte[] salt = saltAndKey[0];
            // Members in the order Go's json.Marshal writes a map (sorted), as aws-sso-cli's does.
            TreeMap<String, Object> fields = new TreeMap<>(extraHeaders);
            fields.put("alg", ALG);
            fields.put("enc", ENC);
            fields.put("p2c", iterations);
            fields.put("p2s", B64U.encodeToString(salt));
            ObjectNode header = GoJson.mapper().createObjectNode();
            fields.forEach((k, v) -> {
                if (v instanceof Integer i) {
                    header.put(k, i);
                } else {
                    header.put(k, String.valueOf(v));
                }
            });
            String headerB64 = B64U.encodeToString(GoJson.compact(header));

            SecretKey kek = new SecretKeySpec(saltAndKey[1], "AES");
            Arrays.fill(saltAndKey[1], (byte) 0);
            byte[] cek = random(32);
            Cipher wrap = Cipher.getInstance("AESWrap");
            wrap.init(Cipher.WRAP_MODE, kek);
            byte[] encryptedKey = wrap.wrap(new SecretKeySpec(cek, "AES"));

            byte[] iv = random(12);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, iv));
            gcm.updateAAD(headerB64.getBytes(StandardCharsets.US_ASCII));
            byte[] out = gcm.doFinal(plaintext);
            Arrays.fill(cek, (byte) 0);
            byte[] ciphertext = Arrays.copyOfRange(out, 0, out.length - 16);
            byte[] tag = Arrays.copyOfRange(out, out.length - 16, out.length);
            return headerB64 + "." + B64U.encodeToString(encryptedKey) + "." + B64U.encodeToString(iv)
                    + "." + B64U.encodeToString(ciphertext) + "." + B64U.encodeToString(tag);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("this JDK cannot encrypt with " + ALG + "/" + ENC + ": " + e, e);
        }
    }

    /**
     * Decrypts a compact token.
     *
     * @throws WrongPasswordException when the password does not open it
     * @throws IOException when it is not a token this code can read, or it was tampered with
     */
    static byte[] decrypt(String compact, char[] password) throws WrongPasswordException, IOException {
        return decrypt(compact, password, System::nanoTime);
    }

    /** {@link #decrypt(String, char[])} with the clock that measures the key derivation's budget. */
    static byte[] decrypt(String compact, char[] password, LongSupplier nanoTime)
            throws WrongPasswordException, IOException {
        return decrypt(compact, password, nanoTime, new DerivedKeys());
    }

    /**
     * {@link #decrypt(String, char[], LongSupplier)} with the key {@code keys} holds for this
     * password, salt and count, if any; a key derived here is kept there once it opened the token.
     */
    static byte[] decrypt(String compact, char[] password, LongSupplier nanoTime, DerivedKeys keys)
            throws WrongPasswordException, IOException {
        String[] parts = compact.strip().split("\\.", -1);
        if (parts.length != 5) {
            throw new IOException("not a JWE compact token (expected 5 parts, found " + parts.length + ")");
        }
        JsonNode header = GoJson.parse(b64u(parts[0], "header"));
        if (!header.isObject()) {
            throw new IOException("the JWE header is not a JSON object");
        }
        String alg = header.path("alg").asText("");
        String enc = header.path("enc").asText("");
        if (header.has("crit")) {
            throw new IOException("the JWE header has critical extensions this code does not understand");
        }
        if (!alg.equals(ALG)) {
            throw new IOException("unsupported JWE key management '" + printable(alg) + "' (aws-sso and"
                    + " aws-sso-cli write only " + ALG + ")");
        }
        if (!enc.equals(ENC)) {
            throw new IOException("unsupported JWE content encryption '" + printable(enc) + "' (aws-sso and"
                    + " aws-sso-cli write only " + ENC + ")");
        }
        JsonNode p2c = header.get("p2c");
        if (p2c == null || !p2c.canConvertToInt() || !p2c.isIntegralNumber() || p2c.intValue() < 1
                || p2c.intValue() > MAX_ITERATIONS) {
            throw new IOException("the JWE header's p2c must be an iteration count from 1 to " + MAX_ITERATIONS);
        }
        JsonNode p2sNode = header.get("p2s");
        if (p2sNode == null || !p2sNode.isTextual()) {
            throw new IOException("the JWE header has no p2s salt");
        }
        byte[] salt = b64u(p2sNode.asText(), "p2s");
        if (salt.length < 8) {
            throw new IOException("the JWE p2s salt is shorter than 8 bytes");
        }
        byte[] encryptedKey = b64u(parts[1], "encrypted key");
        byte[] iv = b64u(parts[2], "iv");
        byte[] ciphertext = b64u(parts[3], "ciphertext");
        byte[] tag = b64u(parts[4], "tag");
        if (iv.length != 12 || tag.length != 16) {
            throw new IOException("the JWE iv or tag has the wrong length");
        }
        byte[] kekBytes = null;
        try {
            kekBytes = keys.cached(password, salt, p2c.intValue());
            boolean derived = kekBytes == null;
            if (derived) {
                kekBytes = keys.derive(password, salt, p2c.intValue(), nanoTime);
            }
            Cipher unwrap = Cipher.getInstance("AESWrap");
            unwrap.init(Cipher.UNWRAP_MODE, new SecretKeySpec(kekBytes, "AES"));
            Key cek;
            try {
                cek = unwrap.unwrap(encryptedKey, "AES", Cipher.SECRET_KEY);
            } catch (InvalidKeyException | IllegalStateException e) {
                // AES key wrap carries an integrity check: a wrong KEK, i.e. a wrong password, fails it.
                throw new WrongPasswordException();
            }
            if (derived) {
                keys.remember(password, salt, p2c.intValue(), kekBytes); // it opened the token: the password is right
            }
            if (cek.getEncoded().length != CEK_BYTES) {
                throw new IOException("the JWE content key has the wrong length for " + enc);
            }
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, cek, new GCMParameterSpec(128, iv));
            gcm.updateAAD(parts[0].getBytes(StandardCharsets.US_ASCII));
            gcm.update(ciphertext);
            try {
                return gcm.doFinal(tag);
            } catch (AEADBadTagException e) {
                throw new IOException("the encrypted data failed its integrity check (the file was changed or damaged)");
            }
        } catch (WrongPasswordException | IOException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot decrypt: " + e.getClass().getSimpleName(), e);
        } finally {
            if (kekBytes != null) {
                Arrays.fill(kekBytes, (byte) 0);
            }
        }
    }

    /**
     * RFC 7518 4.8.1.1: PBKDF2-HMAC-SHA256 with salt = UTF8(alg) || 0x00 || p2s, one block (the
     * 16-byte key fits in one SHA-256 output). Written out rather than taken from
     * {@code SecretKeyFactory} so that it can stop when {@link #DERIVATION_BUDGET} is spent.
     *
     * @return the 16 key bytes, which the caller zeroes when done
     */
    static byte[] deriveKek(char[] password, byte[] p2s, int iterations, LongSupplier nanoTime)
            throws GeneralSecurityException, IOException {
        byte[] algBytes = ALG.getBytes(StandardCharsets.UTF_8);
        byte[] salt = new byte[algBytes.length + 1 + p2s.length + 4];
        System.arraycopy(algBytes, 0, salt, 0, algBytes.length);
        System.arraycopy(p2s, 0, salt, algBytes.length + 1, p2s.length);
        salt[salt.length - 1] = 1; // INT(1): the first and only block
        byte[] key = utf8(password);
        // HMAC pads a short key with zero bytes, so an empty password is the key {0}, which
        // SecretKeySpec accepts (it refuses an empty key).
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
        Arrays.fill(key, (byte) 0);
        long start = nanoTime.getAsLong();
        byte[] u = mac.doFinal(salt);
        byte[] t = u.clone();
        for (int i = 2; i <= iterations; i++) {
            if ((i & 0xFFF) == 0 && nanoTime.getAsLong() - start > DERIVATION_BUDGET.toNanos()) {
                Arrays.fill(t, (byte) 0);
                throw new IOException("deriving the key from the password with the JWE header's p2c of "
                        + iterations + " iterations took longer than " + DERIVATION_BUDGET.toSeconds()
                        + " s; aws-sso and aws-sso-cli write " + WRITE_ITERATIONS);
            }
            mac.update(u);
            mac.doFinal(u, 0);
            for (int k = 0; k < KEK_BYTES; k++) {
                t[k] ^= u[k];
            }
        }
        byte[] kek = Arrays.copyOf(t, KEK_BYTES);
        Arrays.fill(t, (byte) 0);
        Arrays.fill(u, (byte) 0);
        return kek;
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }

    /** A header value as it may appear in a message: short, no control characters. */
    private static String printable(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static byte[] b64u(String part, String what) throws IOException {
        try {
            return B64U_DECODER.decode(part);
        } catch (IllegalArgumentException e) {
            throw new IOException("the JWE " + what + " is not base64url");
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
