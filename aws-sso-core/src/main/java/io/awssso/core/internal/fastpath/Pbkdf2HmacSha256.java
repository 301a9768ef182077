package io.awssso.core.internal.fastpath;

import java.util.Arrays;

/**
 * The first block of PBKDF2-HMAC-SHA256 (RFC 8018 5.2 over RFC 2104 and FIPS 180-4), written for a
 * cold JVM: the {@code file} store's key derivation (8,192 iterations) is most of a cache hit's own
 * work, and the launcher's short runs compile with C1 only, which has no SHA intrinsic. The JDK's
 * {@code MessageDigest} then costs the security provider's start-up, an object and a few arrays per
 * digest, a byte-to-int conversion and a padding step per block; here every iteration is two
 * compressions over int arrays made once: the HMAC's inner and outer key states are computed once,
 * and each iteration's message (a 32-byte digest) always fits one block with the same padding,
 * so only its first eight words change. C1 compiles the compression function after a few hundred
 * calls, within the first milliseconds.
 *
 * <p>Only the hash function is written out here, never a cipher: the key this derives is used by the
 * JDK's AES key unwrap and AES-GCM, whose authentication tag fails on any wrong key. The tests check
 * it bit for bit against the JDK's own {@code PBKDF2WithHmacSHA256} and {@code HmacSHA256}.
 */
final class Pbkdf2HmacSha256 {
    /** SHA-256's block: 64 bytes, 16 words. */
    private static final int BLOCK_BYTES = 64;
    /** The digest: 32 bytes, 8 words. */
    static final int DIGEST_BYTES = 32;
    /** Bits hashed by an HMAC half over a digest: the padded key block and the 32-byte message. */
    private static final int KEY_AND_DIGEST_BITS = (BLOCK_BYTES + DIGEST_BYTES) * 8;

    private static final int[] INITIAL = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };

    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };

    private Pbkdf2HmacSha256() {
    }

    /**
     * {@code T_1 = U_1 xor ... xor U_c} with {@code U_1 = HMAC(key, salt)} and
     * {@code U_i = HMAC(key, U_{i-1})}: PBKDF2's first 32 bytes when {@code salt} already ends with
     * the block index {@code INT(1)}.
     *
     * @param key the password's bytes (hashed first when longer than a block, as HMAC does)
     * @param salt the salt followed by the block index
     * @param iterations the iteration count, 1 or more
     */
    static byte[] firstBlock(byte[] key, byte[] salt, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("the iteration count must be 1 or more");
        }
        int[] w = new int[64];
        int[] inner = new int[8];
        int[] outer = new int[8];
        int[] u = new int[8];
        int[] t = new int[8];
        byte[] block = new byte[BLOCK_BYTES];
        try {
            if (key.length > BLOCK_BYTES) {
                int[] hashed = new int[8];
                digest(INITIAL, 0, key, hashed, w);
                toBytes(hashed, block);
                Arrays.fill(hashed, 0);
            } else {
                System.arraycopy(key, 0, block, 0, key.length);
            }
            // The states after the padded key blocks: every HMAC of the derivation starts from them.
            padState(block, (byte) 0x36, inner, w);
            padState(block, (byte) 0x5c, outer, w);
            // U_1 over the salt, of any length
            digest(inner, BLOCK_BYTES, salt, u, w);
            digestOfDigest(outer, u, w);
            System.arraycopy(u, 0, t, 0, 8);
            for (int i = 2; i <= iterations; i++) {
                // inner: SHA256(ipad-state || U), then outer: SHA256(opad-state || that), each one block
                digestOfDigest(inner, u, w);
                digestOfDigest(outer, u, w);
                for (int k = 0; k < 8; k++) {
                    t[k] ^= u[k];
                }
            }
            byte[] result = new byte[DIGEST_BYTES];
            toBytes(t, result);
            return result;
        } finally {
            Arrays.fill(w, 0);
            Arrays.fill(inner, 0);
            Arrays.fill(outer, 0);
            Arrays.fill(u, 0);
            Arrays.fill(t, 0);
            Arrays.fill(block, (byte) 0);
        }
    }

    /** {@code state} = SHA-256's state after one block: the key block, each byte xor {@code pad}. */
    private static void padState(byte[] keyBlock, byte pad, int[] state, int[] w) {
        for (int i = 0; i < 16; i++) {
            int at = i * 4;
            w[i] = ((keyBlock[at] ^ pad) & 0xff) << 24 | ((keyBlock[at + 1] ^ pad) & 0xff) << 16
                    | ((keyBlock[at + 2] ^ pad) & 0xff) << 8 | ((keyBlock[at + 3] ^ pad) & 0xff);
        }
        System.arraycopy(INITIAL, 0, state, 0, 8);
        compress(state, w);
    }

    /**
     * {@code digest} = SHA-256 of (the 64 bytes that led to {@code state}) || {@code digest}: one
     * block holding the 32-byte message, the 0x80 end marker and the length, 768 bits.
     */
    private static void digestOfDigest(int[] state, int[] digest, int[] w) {
        System.arraycopy(digest, 0, w, 0, 8);
        w[8] = 0x80000000;
        for (int i = 9; i < 15; i++) {
            w[i] = 0;
        }
        w[15] = KEY_AND_DIGEST_BITS;
        System.arraycopy(state, 0, digest, 0, 8);
        compress(digest, w);
    }

    /**
     * {@code out} = SHA-256 of (the {@code already} bytes, a whole number of blocks, that led to
     * {@code state}) || {@code message}, with FIPS 180-4's padding.
     */
    private static void digest(int[] state, int already, byte[] message, int[] out, int[] w) {
        System.arraycopy(state, 0, out, 0, 8);
        long bits = (already + (long) message.length) * 8;
        // the message, then 0x80, zeros, and the 64-bit length, in whole blocks
        int total = (message.length + 1 + 8 + BLOCK_BYTES - 1) / BLOCK_BYTES * BLOCK_BYTES;
        for (int start = 0; start < total; start += BLOCK_BYTES) {
            for (int i = 0; i < 16; i++) {
                int word = 0;
                for (int b = 0; b < 4; b++) {
                    int at = start + i * 4 + b;
                    int value;
                    if (at < message.length) {
                        value = message[at] & 0xff;
                    } else if (at == message.length) {
                        value = 0x80;
                    } else if (at >= total - 8) {
                        value = (int) (bits >>> ((total - 1 - at) * 8)) & 0xff;
                    } else {
                        value = 0;
                    }
                    word = word << 8 | value;
                }
                w[i] = word;
            }
            compress(out, w);
        }
    }

    /** FIPS 180-4 6.2.2: {@code state} after one block, whose 16 words are {@code w[0..15]}. */
    private static void compress(int[] state, int[] w) {
        for (int i = 16; i < 64; i++) {
            int x = w[i - 15];
            int y = w[i - 2];
            int s0 = Integer.rotateRight(x, 7) ^ Integer.rotateRight(x, 18) ^ (x >>> 3);
            int s1 = Integer.rotateRight(y, 17) ^ Integer.rotateRight(y, 19) ^ (y >>> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        int e = state[4];
        int f = state[5];
        int g = state[6];
        int h = state[7];
        for (int i = 0; i < 64; i++) {
            int s1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
            int ch = (e & f) ^ (~e & g);
            int t1 = h + s1 + ch + K[i] + w[i];
            int s0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
            int maj = (a & b) ^ (a & c) ^ (b & c);
            int t2 = s0 + maj;
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }

    private static void toBytes(int[] words, byte[] out) {
        for (int i = 0; i < 8; i++) {
            int v = words[i];
            out[i * 4] = (byte) (v >>> 24);
            out[i * 4 + 1] = (byte) (v >>> 16);
            out[i * 4 + 2] = (byte) (v >>> 8);
            out[i * 4 + 3] = (byte) v;
        }
    }
}
