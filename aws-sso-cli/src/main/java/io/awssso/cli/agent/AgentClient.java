package io.awssso.cli.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Speaks the agent protocol from Java: {@code agent status}, {@code agent stop} and the tests. */
final class AgentClient {
    private AgentClient() {
    }

    /**
     * A final response.
     *
     * @param status its status code
     * @param body its body
     */
    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Sends one request with the file's token and Host, and reads the final response. */
    static Response send(AgentFile file, String method, String path, byte[] body) throws IOException {
        return send(file.port(), "127.0.0.1:" + file.port(), "Bearer " + file.token(), method, path, body);
    }

    /** Sends one request with the given Host and Authorization (null: no such header). */
    static Response send(int port, String host, String authorization, String method, String path, byte[] body)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 2000);
            socket.setSoTimeout(130_000);
            StringBuilder head = new StringBuilder().append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
            if (host != null) {
                head.append("Host: ").append(host).append("\r\n");
            }
            if (authorization != null) {
                head.append("Authorization: ").append(authorization).append("\r\n");
            }
            head.append("Content-Type: application/x-aws-sso-request\r\nContent-Length: ").append(body.length)
                    .append("\r\nConnection: close\r\n\r\n");
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    /** The final response, after any 1xx interim ones. */
    static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        byte[] bytes = all.toByteArray();
        int at = 0;
        while (true) {
            int end = indexOf(bytes, at);
            if (end < 0) {
                throw new IOException("no complete response head");
            }
            String head = new String(bytes, at, end - at, StandardCharsets.US_ASCII);
            int status = Integer.parseInt(head.substring(9, 12));
            at = end + 4;
            if (status >= 200) {
                int length = 0;
                for (String line : head.split("\r\n")) {
                    if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                        length = Integer.parseInt(line.substring(15).strip());
                    }
                }
                byte[] body = java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + length));
                return new Response(status, body);
            }
        }
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i + 3 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
