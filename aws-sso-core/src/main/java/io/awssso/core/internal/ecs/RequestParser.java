package io.awssso.core.internal.ecs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads HTTP/1.1 requests (RFC 9112) strictly: what a real client sends passes, anything a lenient
 * parser could read two ways (request smuggling, header injection) is refused with a 4xx before
 * any route sees it. Limits keep a hostile client's cost small: {@value #MAX_REQUEST_LINE} bytes of
 * request line, {@value #MAX_HEADER_BYTES} bytes and {@value #MAX_HEADERS} lines of headers.
 */
final class RequestParser {
    static final int MAX_REQUEST_LINE = 8 * 1024;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    static final int MAX_HEADERS = 100;
    private static final int MAX_EMPTY_LINES = 4;
    private static final int MAX_CHUNK_LINE = 1024;

    private RequestParser() {
    }

    /**
     * Reads one request head.
     *
     * @return null at end of stream before the request's first byte (the client closed a keep-alive connection)
     * @throws EcsRequestException with the status to answer for a malformed or oversized head
     * @throws java.io.EOFException when the stream ends inside the head
     */
    static RequestHead readHead(WireInput in) throws IOException {
        String line = in.readLine(MAX_REQUEST_LINE, 414);
        // RFC 9112 2.2: a server SHOULD ignore at least one empty line before the request line.
        for (int empty = 0; line != null && line.isEmpty(); empty++) {
            if (empty == MAX_EMPTY_LINES) {
                throw bad();
            }
            line = in.readLine(MAX_REQUEST_LINE, 414);
        }
        if (line == null) {
            return null;
        }
        int sp1 = line.indexOf(' ');
        int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
        if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0) {
            throw bad();
        }
        String method = line.substring(0, sp1);
        String target = line.substring(sp1 + 1, sp2);
        String version = line.substring(sp2 + 1);
        if (!isToken(method)) {
            throw bad();
        }
        boolean http11;
        if (version.equals("HTTP/1.1")) {
            http11 = true;
        } else if (version.equals("HTTP/1.0")) {
            http11 = false;
        } else if (version.matches("HTTP/[0-9]\\.[0-9]")) {
            throw new EcsRequestException(505, "HTTP version not supported");
        } else {
            throw bad();
        }
        String path = path(target);

        List<RequestHead.Header> headers = new ArrayList<>();
        int bytes = 0;
        while (true) {
            String h = in.readLine(MAX_HEADER_BYTES - bytes, 431);
            if (h == null) {
                throw new java.io.EOFException("connection closed inside the request headers");
            }
            if (h.isEmpty()) {
                break;
            }
            bytes += h.length() + 2;
            if (headers.size() == MAX_HEADERS) {
                throw new EcsRequestException(431, "Request header fields too large");
            }
            headers.add(header(h));
        }
        return head(method, path, http11, headers);
    }

    private static RequestHead head(String method, String path, boolean http11, List<RequestHead.Header> headers) {
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        boolean keepAliveToken = false;
        boolean expectContinue = false;
        int hosts = 0;
        for (RequestHead.Header h : headers) {
            String name = h.name().toLowerCase(Locale.ROOT);
            switch (name) {
                case "host" -> hosts++;
                case "content-length" -> {
                    long n = contentLength(h.value());
                    if (contentLength >= 0 && contentLength != n) {
                        throw bad();
                    }
                    contentLength = n;
                }
                case "transfer-encoding" -> {
                    // Only "chunked", once: anything else is where smuggling lives.
                    if (chunked || !h.value().equalsIgnoreCase("chunked")) {
                        throw h.value().equalsIgnoreCase("chunked") ? bad()
                                : new EcsRequestException(501, "Transfer-Encoding not implemented");
                    }
                    chunked = true;
                }
                case "connection" -> {
                    for (String token : h.value().split(",")) {
                        String t = token.strip().toLowerCase(Locale.ROOT);
                        close |= t.equals("close");
                        keepAliveToken |= t.equals("keep-alive");
                    }
                }
                case "expect" -> {
                    if (!h.value().equalsIgnoreCase("100-continue")) {
                        throw new EcsRequestException(417, "Expectation failed");
                    }
                    expectContinue = http11;
                }
                default -> {
                    // other headers are the routes' business
                }
            }
        }
        if (hosts > 1 || (chunked && contentLength >= 0) || (chunked && !http11)) {
            throw bad();
        }
        boolean keepAlive = !close && (http11 || keepAliveToken);
        return new RequestHead(method, path, http11, headers, contentLength, chunked, keepAlive, expectContinue);
    }

    /** The path of an origin-form ({@code /a?b}) or absolute-form ({@code http://h/a}) target. */
    private static String path(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw bad();
            }
        }
        String rest;
        if (target.startsWith("/")) {
            rest = target;
        } else {
            String lower = target.toLowerCase(Locale.ROOT);
            int scheme = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
            if (scheme < 0) {
                throw bad();
            }
            int slash = target.indexOf('/', scheme);
            int query = target.indexOf('?', scheme);
            if (slash < 0 || (query >= 0 && query < slash)) {
                rest = "/" + (query >= 0 ? target.substring(query) : "");
            } else {
                rest = target.substring(slash);
            }
        }
        int end = rest.length();
        int q = rest.indexOf('?');
        int f = rest.indexOf('#');
        if (q >= 0) {
            end = q;
        }
        if (f >= 0 && f < end) {
            end = f;
        }
        return rest.substring(0, end);
    }

    private static RequestHead.Header header(String line) {
        if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
            throw bad(); // obsolete line folding (RFC 9112 5.2): refuse rather than guess
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw bad();
        }
        String name = line.substring(0, colon);
        if (!isToken(name)) {
            throw bad(); // includes white space before the colon (RFC 9112 5.1)
        }
        String value = line.substring(colon + 1).strip();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw bad();
            }
        }
        return new RequestHead.Header(name, value);
    }

    private static long contentLength(String value) {
        if (value.isEmpty() || value.length() > 18) {
            throw bad();
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                throw bad(); // also refuses "+5", "-1", "5, 5" and hex
            }
        }
        return Long.parseLong(value);
    }

    /**
     * Reads the body the head announces, at most {@code max} bytes.
     *
     * @throws EcsRequestException 413 beyond {@code max}, 400 for malformed chunks
     * @throws java.io.EOFException when the stream ends inside the body
     */
    static byte[] readBody(WireInput in, RequestHead head, int max) throws IOException {
        if (head.chunked()) {
            return readChunked(in, max);
        }
        if (head.contentLength() <= 0) {
            return new byte[0];
        }
        if (head.contentLength() > max) {
            throw new EcsRequestException(413, "Request body too large");
        }
        byte[] body = new byte[(int) head.contentLength()];
        in.readFully(body, 0, body.length);
        return body;
    }

    private static byte[] readChunked(WireInput in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String line = in.readLine(MAX_CHUNK_LINE, 400);
            if (line == null) {
                throw new java.io.EOFException("connection closed inside a chunked body");
            }
            int semicolon = line.indexOf(';'); // chunk extensions are ignored, as RFC 9112 7.1.1 allows
            String hex = (semicolon >= 0 ? line.substring(0, semicolon) : line).strip();
            if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw bad();
            }
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                break;
            }
            if (out.size() + size > max) {
                throw new EcsRequestException(413, "Request body too large");
            }
            byte[] chunk = new byte[(int) size];
            in.readFully(chunk, 0, chunk.length);
            out.write(chunk, 0, chunk.length);
            String end = in.readLine(0, 400);
            if (end == null || !end.isEmpty()) {
                throw bad();
            }
        }
        int trailerBytes = 0;
        while (true) {
            String trailer = in.readLine(MAX_HEADER_BYTES - trailerBytes, 431);
            if (trailer == null) {
                throw new java.io.EOFException("connection closed inside the trailers");
            }
            if (trailer.isEmpty()) {
                return out.toByteArray();
            }
            trailerBytes += trailer.length() + 2;
            header(trailer); // checked like a header, then dropped
        }
    }

    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static EcsRequestException bad() {
        return new EcsRequestException(400, "Bad request");
    }
}
