package io.awssso.core.internal.fastpath;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.awssso.api.internal.io.BoundedFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens the {@code file} store ({@code <cfg>/secure/aws-sso-cli-records}: a JWE compact token,
 * {@code PBES2-HS256+A128KW} with {@code A256GCM}, whose plaintext is the keyring item holding the
 * {@code StorageData} JSON) for the {@code process} cache hit, with the JDK's cryptography and
 * Jackson's streaming parser only: no ServiceLoader, no store backend, no Jackson databind.
 *
 * <p>It reads a subset of what the store backend reads and never anything more: the token must be
 * exactly what aws-sso and aws-sso-cli write (those two algorithms, no {@code crit}, at most
 * {@value #MAX_ITERATIONS} iterations, which is what both write, a salt of 8 bytes or more), and
 * any doubt (a wrong password, a damaged or tampered file, a header it does not expect) is "null",
 * meaning "let the engine open it", which then reports the problem as always. The cryptography is
 * the same: the key is derived, unwrapped and the content authenticated exactly as the backend
 * does it, so nothing is answered from a file the backend would refuse.
 */
final class FileStoreReader {
    /** The store file under the config directory (aws-sso-cli's keyring record key). */
    static final String FILE = "aws-sso-cli-records";
    private static final String ALG = "PBES2-HS256+A128KW";
    private static final String ENC = "A256GCM";
    /** What aws-sso and aws-sso-cli write; a higher count is left to the backend and its time budget. */
    static final int MAX_ITERATIONS = 8192;
    private static final int KEK_BYTES = 16;
    private static final int CEK_BYTES = 32;

    private FileStoreReader() {
    }

    /** The store's file: {@code <cfg>/secure/aws-sso-cli-records}. */
    static Path file(Path configDirectory) {
        return configDirectory.resolve("secure").resolve(FILE);
    }

    /**
     * The {@code StorageData} JSON the store holds, or null when the file is missing, empty, or
     * anything but a token this reader opens with {@code password}.
     */
    static byte[] storageData(Path file, char[] password) throws IOException {
        return storageData(file, password, false);
    }

    private static byte[] storageData(Path file, char[] password, boolean ahead) throws IOException {
        byte[] token;
        try {
            token = BoundedFiles.read(file, BoundedFiles.MAX_STATE_BYTES);
        } catch (NoSuchFileException e) {
            return null;
        }
        // Only for a store that exists: a json store user with AWS_SSO_FILE_PASSWORD set pays nothing.
        StoreCiphers ciphers = ahead ? StoreCiphers.lookUpAhead() : StoreCiphers.lookUpWhenNeeded();
        byte[] item = decrypt(new String(token, StandardCharsets.US_ASCII), password, ciphers);
        return item == null ? null : keyringItemData(item);
    }

    /**
     * Starts {@link #storageData} on a thread of its own, so that the key derivation and the
     * cipher lookup (on a third thread, see {@link StoreCiphers}), which are most of a {@code file}
     * store hit's own work, run while the caller reads the config (which says whether the file
     * store is wanted at all). A daemon: when it is not wanted, it is left to end (or to be cut short
     * by the JVM's exit).
     */
    static Ahead decryptAhead(Path file, char[] password) {
        Ahead ahead = new Ahead(file, password);
        ahead.start();
        return ahead;
    }

    /** A {@link #storageData} call under way. */
    static final class Ahead extends Thread {
        private final Path file;
        private final char[] password;
        private byte[] data;
        private IOException failure;
        private RuntimeException error;

        private Ahead(Path file, char[] password) {
            super("aws-sso file store");
            setDaemon(true);
            this.file = file;
            this.password = password;
        }

        @Override
        public void run() {
            try {
                data = storageData(file, password, true);
            } catch (IOException e) {
                failure = e;
            } catch (RuntimeException e) {
                error = e;
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        /** What {@link #storageData} returned or threw (join() makes its writes visible here). */
        byte[] await() throws IOException {
            try {
                join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null; // the engine then reads the store
            }
            if (failure != null) {
                throw failure;
            }
            if (error != null) {
                throw error;
            }
            return data;
        }
    }

    /** The plaintext of a compact token, or null when this reader does not open it. */
    static byte[] decrypt(String compact, char[] password) throws IOException {
        return decrypt(compact, password, StoreCiphers.lookUpWhenNeeded());
    }

    private static byte[] decrypt(String compact, char[] password, StoreCiphers ciphers) throws IOException {
        String[] parts = compact.strip().split("\\.", -1);
        if (parts.length != 5) {
            return null;
        }
        Base64.Decoder b64u = Base64.getUrlDecoder();
        byte[] salt;
        int iterations;
        byte[] encryptedKey;
        byte[] iv;
        byte[] ciphertext;
        byte[] tag;
        try {
            Header header = Header.parse(b64u.decode(parts[0]));
            if (header == null) {
                return null;
            }
            salt = b64u.decode(header.p2s);
            iterations = header.p2c;
            encryptedKey = b64u.decode(parts[1]);
            iv = b64u.decode(parts[2]);
            ciphertext = b64u.decode(parts[3]);
            tag = b64u.decode(parts[4]);
        } catch (IllegalArgumentException e) {
            return null; // not base64url
        }
        if (salt.length < 8 || iv.length != 12 || tag.length != 16) {
            return null;
        }
        byte[] passwordBytes = utf8(password);
        byte[] kekBytes = LastKeyEncryptionKey.find(passwordBytes, salt, iterations);
        boolean derived = kekBytes == null;
        try {
            if (derived) {
                kekBytes = deriveKek(passwordBytes, salt, iterations);
            }
            SecretKeySpec kek = new SecretKeySpec(kekBytes, "AES");
            Cipher unwrap = ciphers.unwrap();
            unwrap.init(Cipher.UNWRAP_MODE, kek);
            Key cek = unwrap.unwrap(encryptedKey, "AES", Cipher.SECRET_KEY);
            if (cek.getEncoded().length != CEK_BYTES) {
                return null;
            }
            if (derived) {
                LastKeyEncryptionKey.keep(passwordBytes, salt, iterations, kekBytes);
            }
            Cipher gcm = ciphers.gcm();
            gcm.init(Cipher.DECRYPT_MODE, cek, new GCMParameterSpec(128, iv));
            gcm.updateAAD(parts[0].getBytes(StandardCharsets.US_ASCII));
            gcm.update(ciphertext);
            return gcm.doFinal(tag);
        } catch (GeneralSecurityException | IllegalStateException e) {
            return null; // a wrong password fails the key unwrap's check; tampering fails the tag
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
            if (kekBytes != null) {
                Arrays.fill(kekBytes, (byte) 0);
            }
        }
    }

    /**
     * RFC 7518 4.8.1.1, as the backend derives it: PBKDF2-HMAC-SHA256 over
     * {@code UTF8(alg) || 0x00 || p2s}, one block, the first 16 bytes.
     */
    private static byte[] deriveKek(byte[] passwordUtf8, byte[] p2s, int iterations) {
        byte[] algBytes = ALG.getBytes(StandardCharsets.US_ASCII);
        byte[] salt = new byte[algBytes.length + 1 + p2s.length + 4];
        System.arraycopy(algBytes, 0, salt, 0, algBytes.length);
        System.arraycopy(p2s, 0, salt, algBytes.length + 1, p2s.length);
        salt[salt.length - 1] = 1;
        byte[] t = Pbkdf2HmacSha256.firstBlock(passwordUtf8, salt, iterations);
        try {
            return Arrays.copyOf(t, KEK_BYTES);
        } finally {
            Arrays.fill(t, (byte) 0);
        }
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

    /**
     * The {@code Data} of a keyring item ({@code {"Key": ..., "Data": "<base64>", ...}}), or null
     * when it is not such an item or holds no data.
     */
    static byte[] keyringItemData(byte[] item) throws IOException {
        String data = null;
        try (JsonParser p = strict().createParser(item)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("Data")) {
                    if (value != JsonToken.VALUE_STRING) {
                        return null; // null (no data) or anything else: the backend's to judge
                    }
                    data = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                return null;
            }
        }
        if (data == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A parser factory that refuses duplicate member names (where the backend takes the last). */
    static JsonFactory strict() {
        return JsonFactory.builder().enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** The protected header members this reader needs, once they are as aws-sso-cli writes them. */
    private static final class Header {
        private String p2s;
        private int p2c;

        /** The header, or null when it is anything but one this reader opens. */
        static Header parse(byte[] json) throws IOException {
            Header h = new Header();
            boolean alg = false;
            boolean enc = false;
            try (JsonParser p = strict().createParser(json)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    switch (name) {
                        case "alg" -> alg = value == JsonToken.VALUE_STRING && ALG.equals(p.getText());
                        case "enc" -> enc = value == JsonToken.VALUE_STRING && ENC.equals(p.getText());
                        case "p2s" -> h.p2s = value == JsonToken.VALUE_STRING ? p.getText() : null;
                        case "p2c" -> h.p2c = value == JsonToken.VALUE_NUMBER_INT
                                && p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : 0;
                        case "crit" -> {
                            return null; // critical extensions: the backend refuses them
                        }
                        default -> p.skipChildren();
                    }
                }
                if (p.nextToken() != null) {
                    return null;
                }
            }
            if (!alg || !enc || h.p2s == null || h.p2c < 1 || h.p2c > MAX_ITERATIONS) {
                return null;
            }
            return h;
        }
    }
}
