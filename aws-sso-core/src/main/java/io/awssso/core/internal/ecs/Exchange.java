package io.awssso.core.internal.ecs;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One request as a route sees it. The body is read only when a route asks for it (after auth), and
 * at most {@code maxBody} bytes of it.
 */
final class Exchange {
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final RequestHead head;
    private final InetAddress remote;
    private final WireInput in;
    private final OutputStream out;
    private final Runnable bodyPhase;
    private final int maxBody;
    private boolean bodyRead;
    private boolean bodyComplete;

    Exchange(RequestHead head, InetAddress remote, WireInput in, OutputStream out, Runnable bodyPhase, int maxBody) {
        this.head = head;
        this.remote = remote;
        this.in = in;
        this.out = out;
        this.bodyPhase = bodyPhase;
        this.maxBody = maxBody;
    }

    String method() {
        return head.method();
    }

    String path() {
        return head.path();
    }

    InetAddress remote() {
        return remote;
    }

    /** Every value of a request header. */
    List<String> headers(String name) {
        return head.all(name);
    }

    /** The first value of a request header, or null. */
    String header(String name) {
        return head.first(name);
    }

    /**
     * The request body, read now (once).
     *
     * @throws EcsRequestException 413 beyond the limit, 400 when malformed
     */
    byte[] body() throws IOException {
        if (bodyRead) {
            throw new IllegalStateException("the body was read already");
        }
        bodyRead = true;
        if (!head.hasBody()) {
            return new byte[0];
        }
        if (head.contentLength() > maxBody) {
            throw new EcsRequestException(413, "Request body too large");
        }
        bodyPhase.run();
        if (head.expectContinue()) {
            out.write(CONTINUE);
            out.flush();
        }
        byte[] body = RequestParser.readBody(in, head, maxBody);
        bodyComplete = true;
        return body;
    }

    /**
     * Whether the request was read to its end, so the connection can carry another one. A body left
     * unread (a refused request) or cut short (413) would be read as the next request otherwise.
     */
    boolean fullyRead() {
        return !head.hasBody() || bodyComplete;
    }

    RequestHead head() {
        return head;
    }
}
