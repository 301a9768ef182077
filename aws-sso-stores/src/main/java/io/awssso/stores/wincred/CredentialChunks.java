package io.awssso.stores.wincred;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How aws-sso-cli splits its blob over Windows credentials, whose secret is limited in size: chunks
 * of at most {@value #MAX_CHUNK} bytes in the credentials
 * {@code aws-sso-cli:aws-sso-cli:aws-sso-cli-records_<n>}, the first of which starts with the total
 * length of the data as an 8-byte big-endian number. (Equivalently: the header and the data,
 * concatenated, cut every {@value #MAX_CHUNK} bytes.)
 */
final class CredentialChunks {

    /** The most bytes one credential's blob holds. */
    static final int MAX_CHUNK = 2000;
    /** The length header at the start of chunk 0. */
    static final int HEADER = Long.BYTES;
    /** The credential names without the chunk number. */
    static final String TARGET_PREFIX = "aws-sso-cli:aws-sso-cli:aws-sso-cli-records_";

    private CredentialChunks() {
    }

    /** The credential name of chunk {@code n}. */
    static String target(int n) {
        return TARGET_PREFIX + n;
    }

    /** The user name stored with chunk {@code n} (the record key, as the keyring library sets it). */
    static String userName(int n) {
        return "aws-sso-cli-records_" + n;
    }

    /** {@code data} as chunk blobs, chunk 0 first. */
    static List<byte[]> split(byte[] data) {
        byte[] whole = ByteBuffer.allocate(HEADER + data.length).putLong(data.length).put(data).array();
        List<byte[]> chunks = new ArrayList<>();
        for (int from = 0; from < whole.length; from += MAX_CHUNK) {
            chunks.add(Arrays.copyOfRange(whole, from, Math.min(whole.length, from + MAX_CHUNK)));
        }
        return chunks;
    }

    /** How many chunks hold {@code dataLength} bytes. */
    static int chunkCount(long dataLength) {
        return (int) ((HEADER + dataLength + MAX_CHUNK - 1) / MAX_CHUNK);
    }

    /** Reads chunk {@code n}'s blob, or empty when that credential does not exist. */
    @FunctionalInterface
    interface ChunkReader {
        Optional<byte[]> read(int n);
    }

    /**
     * Joins the chunks that {@code reader} returns back into the data, or empty when there is no
     * chunk 0.
     *
     * @throws IOException when the chunks do not add up (missing, too long, a bad header); the message
     *     holds no data
     */
    static Optional<byte[]> join(ChunkReader reader) throws IOException {
        Optional<byte[]> first = reader.read(0);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        byte[] head = first.get();
        if (head.length < HEADER) {
            throw new IOException("chunk 0 is " + head.length + " bytes, shorter than its length header");
        }
        long total = ByteBuffer.wrap(head, 0, HEADER).getLong();
        if (total < 0 || total > Integer.MAX_VALUE - HEADER) {
            throw new IOException("chunk 0 announces an impossible length " + total);
        }
        int count = chunkCount(total);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) total);
        out.write(head, HEADER, head.length - HEADER);
        for (int n = 1; n < count; n++) {
            int index = n;
            byte[] chunk = reader.read(n).orElseThrow(() ->
                    new IOException("chunk " + index + " of " + count + " is missing"));
            out.write(chunk, 0, chunk.length);
        }
        if (out.size() != total) {
            throw new IOException("the chunks hold " + out.size() + " bytes, chunk 0 announces " + total);
        }
        return Optional.of(out.toByteArray());
    }
}
