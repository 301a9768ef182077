package io.awssso.core.internal.fastpath;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The last key-encryption key {@link FileStoreReader} derived and opened the store with, for the
 * password, salt and iteration count it was derived from. A launcher's JVM reads the store once and
 * never asks again; the agent reads it on every request, and deriving the key each time (PBKDF2,
 * 8,192 rounds) was most of a {@code file} store hit's work there, enough under 50 concurrent
 * callers to push answers past the client's 200 ms and send callers to a JVM of their own.
 *
 * <p>One entry, kept only once the key has unwrapped the store's content key (so a wrong password
 * leaves nothing), matched on all three inputs with the password compared in constant time. The
 * key and the password are in memory only as long as the process, exactly as the agent's kept
 * engine holds the same key (see the file store's {@code DerivedKeys}); never logged or printed.
 */
final class LastKeyEncryptionKey {
    private static byte[] password;
    private static byte[] salt;
    private static int iterations;
    private static byte[] key;

    private LastKeyEncryptionKey() {
    }

    /** A copy of the key kept for exactly these, or null. */
    static synchronized byte[] find(byte[] passwordUtf8, byte[] p2s, int count) {
        if (key == null || iterations != count || !MessageDigest.isEqual(salt, p2s)
                || !MessageDigest.isEqual(password, passwordUtf8)) {
            return null;
        }
        return key.clone();
    }

    /** Keeps (copies of) these in place of the entry before, which is zeroed. */
    static synchronized void keep(byte[] passwordUtf8, byte[] p2s, int count, byte[] derived) {
        forget();
        password = passwordUtf8.clone();
        salt = p2s.clone();
        iterations = count;
        key = derived.clone();
    }

    /** Zeroes and drops the entry. */
    static synchronized void forget() {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(password, (byte) 0);
        }
        key = null;
        password = null;
        salt = null;
    }
}
