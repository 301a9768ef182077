package io.awssso.core.internal.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input for the ECS server's request parser: each row is what a client sends and what the
 * parser makes of it — a parsed request ({@code METHOD path body-length keep-alive}), the status it
 * is refused with, or {@code EOF} (the connection ended inside the request). Nothing else may come out:
 * no other exception, no hang (all input is in memory).
 */
class RequestParserTest {
    private static final String H = "Host: 127.0.0.1\r\n";

    static Stream<Arguments> requests() {
        String big = "a".repeat(RequestParser.MAX_HEADER_BYTES);
        return Stream.of(
                // what real clients send
                row("GET / HTTP/1.1\r\n" + H + "\r\n", "GET / 0 keep"),
                row("GET /slot/a%3Ab?x=1#f HTTP/1.1\r\n" + H + "\r\n", "GET /slot/a%3Ab 0 keep"),
                row("GET http://127.0.0.1:4144/profile?q HTTP/1.1\r\n" + H + "\r\n", "GET /profile 0 keep"),
                row("GET http://127.0.0.1:4144 HTTP/1.1\r\n" + H + "\r\n", "GET / 0 keep"),
                row("GET / HTTP/1.0\r\n\r\n", "GET / 0 close"),
                row("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", "GET / 0 keep"),
                row("GET / HTTP/1.1\r\nConnection: Keep-Alive, close\r\n\r\n", "GET / 0 close"),
                row("\r\n\r\nGET / HTTP/1.1\nHost: x\n\n", "GET / 0 keep"),
                row("PUT / HTTP/1.1\r\n" + H + "Content-Length: 5\r\n\r\nhello", "PUT / 5 keep"),
                row("PUT / HTTP/1.1\r\nContent-Length: 5\r\ncontent-length: 5\r\n\r\nhello", "PUT / 5 keep"),
                row("PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n1\r\n!\r\n0\r\n"
                        + "Trailer: x\r\n\r\n", "PUT / 6 keep"),
                row("PUT / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 0\r\n\r\n", "PUT / 0 keep"),
                // end of stream
                row("", "EOF"),
                row("GET / HTTP/1.1\r\nHost: 127", "EOF"),
                row("PUT / HTTP/1.1\r\nContent-Length: 10\r\n\r\nshort", "EOF"),
                row("PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nA\r\nabc", "EOF"),
                // malformed request lines
                row("\u0000\u0001 NOT HTTP\r\n\r\n", "400"),
                row("GET\r\n\r\n", "400"),
                row("GET /\r\n\r\n", "400"),
                row("GET  / HTTP/1.1\r\n\r\n", "400"),
                row("GET / HTTP/1.1 extra\r\n\r\n", "400"),
                row("G(T / HTTP/1.1\r\n\r\n", "400"),
                row("GET / http/1.1\r\n\r\n", "400"),
                row("GET / HTTP/2.0\r\n\r\n", "505"),
                row("GET / HTTP/1.1x\r\n\r\n", "400"),
                row("GET relative HTTP/1.1\r\n\r\n", "400"),
                row("GET * HTTP/1.1\r\n\r\n", "400"),
                row("GET ftp://x/ HTTP/1.1\r\n\r\n", "400"),
                row("GET /a\u0000b HTTP/1.1\r\n\r\n", "400"),
                row("GET /\u00e9 HTTP/1.1\r\n\r\n", "400"),
                row("GET /\u007f HTTP/1.1\r\n\r\n", "400"),
                row("GET /a\rb HTTP/1.1\r\n\r\n", "400"),
                row("GET /" + "a".repeat(RequestParser.MAX_REQUEST_LINE) + " HTTP/1.1\r\n\r\n", "414"),
                row("\r\n".repeat(10) + "GET / HTTP/1.1\r\n\r\n", "400"),
                // malformed and oversized headers
                row("GET / HTTP/1.1\r\nNoColon\r\n\r\n", "400"),
                row("GET / HTTP/1.1\r\n: empty-name\r\n\r\n", "400"),
                row("GET / HTTP/1.1\r\nHost : x\r\n\r\n", "400"),
                row("GET / HTTP/1.1\r\nX: a\r\n folded\r\n\r\n", "400"),
                row("GET / HTTP/1.1\r\nX: a\u0000b\r\n\r\n", "400"),
                row("GET / HTTP/1.1\r\nX: a\u0001b\r\n\r\n", "400"),
                row("GET / HTTP/1.1\r\nX: a\rInjected: b\r\n\r\n", "400"),
                row("GET / HTTP/1.1\r\nX\u00ff: a\r\n\r\n", "400"),
                row("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "400"),
                row("GET / HTTP/1.1\r\nX: " + big + "\r\n\r\n", "431"),
                row("GET / HTTP/1.1\r\n" + "X: 1\r\n".repeat(RequestParser.MAX_HEADERS + 1) + "\r\n", "431"),
                row("GET / HTTP/1.1\r\n" + ("X: " + "b".repeat(1000) + "\r\n").repeat(17) + "\r\n", "431"),
                row("GET / HTTP/1.1\r\nExpect: something-else\r\n\r\n", "417"),
                // bad Content-Length
                row("PUT / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", "400"),
                row("PUT / HTTP/1.1\r\nContent-Length: +5\r\n\r\nhello", "400"),
                row("PUT / HTTP/1.1\r\nContent-Length: 0x10\r\n\r\n", "400"),
                row("PUT / HTTP/1.1\r\nContent-Length: 5, 5\r\n\r\nhello", "400"),
                row("PUT / HTTP/1.1\r\nContent-Length: \r\n\r\n", "400"),
                row("PUT / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n", "400"),
                row("PUT / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", "400"),
                row("PUT / HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n", "413"),
                // chunked, and smuggling shapes
                row("PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n", "400"),
                row("PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", "400"),
                row("PUT / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", "501"),
                row("PUT / HTTP/1.1\r\nTransfer-Encoding: identity\r\n\r\n", "501"),
                row("PUT / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "400"),
                row("PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "400"),
                row("PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n", "400"),
                row("PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n123456789\r\n", "400"),
                row("PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n", "400"),
                row("PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFF\r\n", "413"),
                row("PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + ("1000\r\n" + "c".repeat(0x1000) + "\r\n").repeat(17) + "0\r\n\r\n", "413"),
                row("PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nBad Trailer\r\n\r\n", "400"));
    }

    private static Arguments row(String wire, String expected) {
        return Arguments.of(wire, expected);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("requests")
    void parse_hostileInput_parsedOrRefusedWithItsStatus(String wire, String expected) {
        assertThat(outcome(wire.getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(expected);
    }

    /** What the server would do with these bytes as one connection's first request. */
    static String outcome(byte[] wire) {
        WireInput in = new WireInput(new ByteArrayInputStream(wire), 8192);
        try {
            RequestHead head = RequestParser.readHead(in);
            if (head == null) {
                return "EOF";
            }
            byte[] body = RequestParser.readBody(in, head, EcsCredentialsServer.MAX_BODY);
            return head.method() + " " + head.path() + " " + body.length + (head.keepAlive() ? " keep" : " close");
        } catch (EcsRequestException e) {
            return Integer.toString(e.status());
        } catch (EOFException e) {
            return "EOF";
        } catch (IOException e) {
            throw new AssertionError("an in-memory stream cannot fail", e);
        }
    }

    @org.junit.jupiter.api.Test
    void head_toString_namesHeadersButNeverValues() throws IOException {
        WireInput in = new WireInput(new ByteArrayInputStream("GET / HTTP/1.1\r\nAuthorization: Bearer s3cr3t\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1)), 8192);

        RequestHead head = RequestParser.readHead(in);

        assertThat(head.first("authorization")).isEqualTo("Bearer s3cr3t");
        assertThat(head.toString()).contains("authorization").doesNotContain("s3cr3t");
        assertThat(head.headers().toString()).doesNotContain("s3cr3t");
    }
}
