package io.awssso.core.internal.ecs;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A connection's buffered input, read one request line at a time with a length limit. Not
 * thread-safe: one connection thread owns it. Every line is refused before it can grow past its
 * limit, so a client that never sends a line end costs at most that many bytes.
 */
final class WireInput {
    private final InputStream in;
    private final byte[] buffer;
    private int position;
    private int limit;

    WireInput(InputStream in, int bufferSize) {
        this.in = in;
        this.buffer = new byte[bufferSize];
    }

    /** Whether a byte is waiting in the buffer (a pipelined request), without reading the socket. */
    boolean buffered() {
        return position < limit;
    }

    /**
     * Blocks until a byte is available.
     *
     * @return false at end of stream
     */
    boolean await() throws IOException {
        return position < limit || fill();
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /**
     * One line without its CRLF (a bare LF ends a line too), decoded as ISO-8859-1.
     *
     * @param max the most bytes the line may hold
     * @param tooLong the status to refuse a longer line with (414 or 431)
     * @return null at end of stream before the line's first byte
     * @throws EcsRequestException for a longer line, a NUL, or a CR not followed by LF
     * @throws EOFException when the stream ends inside the line
     */
    String readLine(int max, int tooLong) throws IOException {
        StringBuilder line = null;
        int length = 0;
        while (true) {
            if (position >= limit && !fill()) {
                if (line == null && length == 0) {
                    return null;
                }
                throw new EOFException("connection closed inside a request line");
            }
            int start = position;
            while (position < limit) {
                byte b = buffer[position];
                if (b == '\n') {
                    String part = new String(buffer, start, position - start, StandardCharsets.ISO_8859_1);
                    position++;
                    String whole = line == null ? part : line.append(part).toString();
                    return stripCr(whole);
                }
                if (b == 0) {
                    throw new EcsRequestException(400, "Bad request");
                }
                position++;
                if (++length > max + 1) { // + 1: room for the CR of CRLF
                    throw new EcsRequestException(tooLong, tooLong == 414 ? "Request line too long"
                            : "Request header fields too large");
                }
            }
            if (line == null) {
                line = new StringBuilder();
            }
            line.append(new String(buffer, start, position - start, StandardCharsets.ISO_8859_1));
        }
    }

    private static String stripCr(String line) {
        String s = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (s.indexOf('\r') >= 0) {
            // A lone CR is how request-smuggling payloads hide a line end from one parser and not another.
            throw new EcsRequestException(400, "Bad request");
        }
        return s;
    }

    /**
     * Reads exactly {@code n} bytes into {@code out} at {@code offset}.
     *
     * @throws EOFException when the stream ends first
     */
    void readFully(byte[] out, int offset, int n) throws IOException {
        int done = 0;
        while (done < n) {
            if (position >= limit && !fill()) {
                throw new EOFException("connection closed inside a request body");
            }
            int k = Math.min(n - done, limit - position);
            System.arraycopy(buffer, position, out, offset + done, k);
            position += k;
            done += k;
        }
    }

    /** Reads and drops up to {@code n} bytes; returns how many were dropped before end of stream. */
    long skip(long n) throws IOException {
        long done = 0;
        while (done < n) {
            if (position >= limit && !fill()) {
                break;
            }
            int k = (int) Math.min(n - done, limit - position);
            position += k;
            done += k;
        }
        return done;
    }
}
