package io.awssso.stores.file;

import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The last key-encryption key the file store derived from its password in this process, so that
 * reading and rewriting the store derives it once, not for every read and every write. PBKDF2 with
 * 8,192 rounds takes tens of milliseconds on the launcher's JVM, and a credential fetch reads the
 * store twice and writes it once under its lock: {@code aws-sso run} over 200 roles spent most of
 * its time there.
 *
 * <p>The key is kept for one password, salt and iteration count, and used only for exactly those:
 * another password (a wrong one, a prompt's typo) or another salt (the file rewritten by another
 * process) derives anew. Only a key that opened the file ({@link #remember} after the key unwrap
 * succeeded) or that this process derived to write it is kept, so a wrong password leaves nothing
 * behind.
 *
 * <p>Writes reuse the salt of a key this process derived for writing: the process's first write
 * takes a new random salt, its later writes the same one. RFC 7518 (4.8.1.1) asks for a new salt
 * per encryption; what a new salt per write would add here is nothing an attacker of the file can
 * use (the content key and IV are still new and random each write, and the salt still differs from
 * every other file and process), while it would cost one derivation per write. The salt read from
 * the file is not reused for writing, so the salt moves on with every process that writes.
 *
 * <p>The key and the password copy live only in this object, are never logged or shown by
 * {@link #toString()}, and are zeroed by {@link #clear()} (the store's close, a wrong password).
 */
final class DerivedKeys {

    /** Derives a key-encryption key: RFC 7518 4.8.1.1, see {@link Jwe}. */
    @FunctionalInterface
    interface Derivation {
        byte[] derive(char[] password, byte[] p2s, int iterations, LongSupplier nanoTime)
                throws GeneralSecurityException, IOException;
    }

    /** The salt bytes a new write takes. */
    static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Derivation derivation;
    private byte[] passwordBytes;
    private byte[] salt;
    private int iterations;
    private byte[] key;
    private boolean forWriting;

    /** Keys derived by {@link Jwe}'s PBKDF2. */
    DerivedKeys() {
        this(Jwe::deriveKek);
    }

    DerivedKeys(Derivation derivation) {
        this.derivation = derivation;
    }

    /** A copy of the key kept for exactly these, or {@code null}. */
    synchronized byte[] cached(char[] password, byte[] p2s, int iterations) {
        return key != null && this.iterations == iterations && MessageDigest.isEqual(salt, p2s)
                && samePassword(password) ? key.clone() : null;
    }

    /** Derives the key for these (the caller {@link #remember}s it once it has opened the file). */
    byte[] derive(char[] password, byte[] p2s, int iterations, LongSupplier nanoTime)
            throws GeneralSecurityException, IOException {
        return derivation.derive(password, p2s, iterations, nanoTime);
    }

    /** Keeps {@code derivedKey} (a copy) for these, in place of the one kept before. */
    synchronized void remember(char[] password, byte[] p2s, int iterations, byte[] derivedKey) {
        keep(password, p2s, iterations, derivedKey, false);
    }

    /**
     * The salt and key to write with: those this process derived for writing with this password
     * and count, or a new random salt and its key, derived now and kept.
     *
     * @return {@code [salt, key]}, copies the caller may zero
     */
    synchronized byte[][] forWriting(char[] password, int iterations) throws GeneralSecurityException, IOException {
        if (forWriting && key != null && this.iterations == iterations && samePassword(password)) {
            return new byte[][] {salt.clone(), key.clone()};
        }
        byte[] newSalt = new byte[SALT_BYTES];
        RANDOM.nextBytes(newSalt);
        byte[] newKey = derivation.derive(password, newSalt, iterations, () -> 0L); // our own count: no budget
        keep(password, newSalt, iterations, newKey, true);
        return new byte[][] {newSalt, newKey};
    }

    /** Forgets the key and the password, zeroing both. */
    synchronized void clear() {
        zero(key);
        zero(passwordBytes);
        key = null;
        passwordBytes = null;
        salt = null;
        forWriting = false;
    }

    private void keep(char[] password, byte[] p2s, int count, byte[] derivedKey, boolean writing) {
        clear();
        passwordBytes = utf8(password);
        salt = p2s.clone();
        iterations = count;
        key = derivedKey.clone();
        forWriting = writing;
    }

    /** Compared in constant time for equal lengths, as any secret is. */
    private boolean samePassword(char[] password) {
        byte[] given = utf8(password);
        try {
            return passwordBytes != null && MessageDigest.isEqual(passwordBytes, given);
        } finally {
            zero(given);
        }
    }

    private static byte[] utf8(char[] password) {
        java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }

    private static void zero(byte[] b) {
        if (b != null) {
            Arrays.fill(b, (byte) 0);
        }
    }

    @Override
    public synchronized String toString() {
        return "DerivedKeys[" + (key == null ? "empty" : "one key") + "]"; // never the key or password
    }
}
