package io.awssso.core.internal.ecs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed request line and header block.
 *
 * @param method the method token, as sent (case matters in HTTP)
 * @param path the raw path, without query or fragment, never empty
 * @param http11 whether the version is HTTP/1.1 (else HTTP/1.0)
 * @param headers name/value pairs in order; names as sent
 * @param contentLength the declared body length, or -1 for none
 * @param chunked whether the body comes with {@code Transfer-Encoding: chunked}
 * @param keepAlive whether the connection stays open after the answer
 * @param expectContinue whether the client waits for {@code 100 Continue} before the body
 */
record RequestHead(String method, String path, boolean http11, List<Header> headers, long contentLength,
        boolean chunked, boolean keepAlive, boolean expectContinue) {

    /**
     * One header line.
     *
     * @param name the field name as sent
     * @param value the value without surrounding white space
     */
    record Header(String name, String value) {
        @Override
        public String toString() {
            // Authorization carries the bearer token: never print values.
            return name + ": ****";
        }
    }

    RequestHead {
        headers = List.copyOf(headers);
    }

    /** Whether a body follows the head. */
    boolean hasBody() {
        return chunked || contentLength > 0;
    }

    /** Every value of a header, in order (names compare case-insensitively). */
    List<String> all(String name) {
        List<String> out = new ArrayList<>(1);
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                out.add(h.value());
            }
        }
        return out;
    }

    /** The first value of a header, or null. */
    String first(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "RequestHead[" + method + " " + path + (http11 ? " HTTP/1.1" : " HTTP/1.0") + ", headers="
                + headers.stream().map(h -> h.name().toLowerCase(Locale.ROOT)).toList() + "]";
    }
}
