package io.awssso.cli.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's HTTP/1.1 endpoint on 127.0.0.1: one request per connection, as the protocol fixes.
 * It is small on purpose (the ECS server's {@code ConnectionServer} lives in core's unexported
 * engine and answers JSON without interim responses): a thread per connection from a bounded pool,
 * a deadline for the head and one for the body (a slow client holds only its own thread, and only
 * for seconds), size limits on both, and every check in the order the protocol lists: malformed
 * (400), Host (421, against DNS rebinding), token (401, compared in constant time), route (404).
 */
final class AgentServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentServer.class);
    static final int MAX_HEAD = 8 * 1024;
    static final int MAX_BODY = 256 * 1024;
    static final int MAX_CONNECTIONS = 128;
    private static final int HEAD_MILLIS = 5_000;
    private static final int BODY_MILLIS = 5_000;

    /** A final answer. */
    record Reply(int status, String contentType, byte[] body) {
        static Reply empty(int status) {
            return new Reply(status, null, new byte[0]);
        }
    }

    /** The answer to {@code /v1/stop}: after writing it the server tells the service to stop. */
    private static final Reply STOP_ACCEPTED = Reply.empty(200);

    /** What the endpoint serves. */
    interface Service {
        /**
         * Runs one {@code process} request.
         *
         * @param interim sends {@code 102 Processing} once; call it before anything slow
         */
        Reply process(AgentRequest request, Runnable interim);

        /** The {@code /v1/status} document. */
        Reply status();

        /** Called after {@code /v1/stop} was answered. */
        void stop();
    }

    private final ServerSocket listener;
    private final byte[] expectedAuthorization;
    private final Service service;
    private final ExecutorService pool;
    private final Thread acceptor;
    private volatile boolean closing;

    private AgentServer(ServerSocket listener, String token, Service service) {
        this.listener = listener;
        this.expectedAuthorization = sha256("Bearer " + token);
        this.service = service;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "aws-sso-agent-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "aws-sso-agent-accept");
        this.acceptor.setDaemon(true);
    }

    /** Binds 127.0.0.1 on an ephemeral port and starts accepting. */
    static AgentServer start(String token, Service service) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 256);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        AgentServer server = new AgentServer(listener, token, service);
        server.acceptor.start();
        return server;
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!closing) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closing) {
                    LOG.debug("agent: accept failed: {}", e.toString());
                    pause();
                }
                continue;
            }
            try {
                pool.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                answerQuietly(socket, Reply.empty(503)); // every thread busy: the client falls back
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            Reply reply = handle(socket, in, out);
            write(out, reply);
            if (reply == STOP_ACCEPTED) {
                socket.close();
                service.stop();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("agent: connection ended: {}", e.toString());
        }
    }

    private Reply handle(Socket socket, InputStream in, OutputStream out) throws IOException {
        long headDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HEAD_MILLIS);
        String head;
        try {
            head = readHead(socket, in, headDeadline);
        } catch (SocketTimeoutException e) {
            return Reply.empty(408);
        }
        if (head == null) {
            return Reply.empty(400);
        }
        String[] lines = head.split("\r\n", -1);
        String[] requestLine = lines[0].split(" ", -1);
        if (requestLine.length != 3 || !requestLine[2].equals("HTTP/1.1")) {
            return Reply.empty(400);
        }
        String host = null;
        String authorization = null;
        long contentLength = -1;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                return Reply.empty(400);
            }
            String name = lines[i].substring(0, colon).toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            switch (name) {
                case "host" -> {
                    if (host != null) {
                        return Reply.empty(400);
                    }
                    host = value;
                }
                case "authorization" -> {
                    if (authorization != null) {
                        return Reply.empty(400);
                    }
                    authorization = value;
                }
                case "content-length" -> {
                    if (contentLength >= 0 || !value.matches("[0-9]{1,9}")) {
                        return Reply.empty(400);
                    }
                    contentLength = Long.parseLong(value);
                }
                case "transfer-encoding" -> {
                    return Reply.empty(400); // the client always sends a length
                }
                default -> {
                    // Content-Type, Connection and anything else are not needed to answer
                }
            }
        }
        if (host == null) {
            return Reply.empty(400);
        }
        if (!hostAllowed(host)) {
            return Reply.empty(421);
        }
        if (authorization == null || !MessageDigest.isEqual(sha256(authorization), expectedAuthorization)) {
            return Reply.empty(401);
        }
        String route = requestLine[0] + " " + requestLine[1];
        switch (route) {
            case "GET /v1/status":
                return service.status();
            case "POST /v1/stop":
                return STOP_ACCEPTED;
            case "POST /v1/process":
                break;
            default:
                return Reply.empty(404);
        }
        if (contentLength < 0) {
            return Reply.empty(400);
        }
        if (contentLength > MAX_BODY) {
            return Reply.empty(413);
        }
        byte[] body;
        try {
            body = readBody(socket, in, (int) contentLength,
                    System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BODY_MILLIS));
        } catch (SocketTimeoutException e) {
            return Reply.empty(408);
        }
        if (body == null) {
            return Reply.empty(400);
        }
        var request = AgentRequest.parse(body);
        if (request.isEmpty()) {
            return Reply.empty(400);
        }
        Interim interim = new Interim(out);
        Reply reply = service.process(request.get(), interim);
        interim.closed = true;
        return reply;
    }

    /** Sends {@code 102 Processing} at most once, never after the final answer started. */
    private static final class Interim implements Runnable {
        private final OutputStream out;
        private boolean sent;
        volatile boolean closed;

        Interim(OutputStream out) {
            this.out = out;
        }

        @Override
        public synchronized void run() {
            if (sent || closed) {
                return;
            }
            sent = true;
            try {
                out.write("HTTP/1.1 102 Processing\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // the client went away; the final write fails the same way
            }
        }
    }

    private boolean hostAllowed(String host) {
        String port = ":" + port();
        return host.equals("127.0.0.1" + port) || host.equalsIgnoreCase("localhost" + port);
    }

    /** The head up to its blank line (exclusive), or null when too large, cut or not ASCII. */
    private static String readHead(Socket socket, InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int matched = 0; // of \r\n\r\n
        while (head.size() < MAX_HEAD) {
            int b = readByte(socket, in, deadline);
            if (b < 0 || b >= 0x80) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                String text = head.toString(StandardCharsets.US_ASCII);
                return text.substring(0, text.length() - 4);
            }
        }
        return null;
    }

    private static int readByte(Socket socket, InputStream in, long deadline) throws IOException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw new SocketTimeoutException("deadline");
        }
        socket.setSoTimeout((int) Math.max(1, left));
        return in.read();
    }

    private static byte[] readBody(Socket socket, InputStream in, int length, long deadline) throws IOException {
        byte[] body = new byte[length];
        int read = 0;
        while (read < length) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new SocketTimeoutException("deadline");
            }
            socket.setSoTimeout((int) Math.max(1, left));
            int n = in.read(body, read, length - read);
            if (n < 0) {
                return null;
            }
            read += n;
        }
        return body;
    }

    private static void write(OutputStream out, Reply reply) throws IOException {
        StringBuilder head = new StringBuilder(128).append("HTTP/1.1 ").append(reply.status()).append(' ')
                .append(reason(reply.status())).append("\r\n");
        if (reply.contentType() != null) {
            head.append("Content-Type: ").append(reply.contentType()).append("\r\n");
        }
        if (reply.status() == 401) {
            head.append("WWW-Authenticate: Bearer\r\n");
        }
        head.append("Content-Length: ").append(reply.body().length).append("\r\nConnection: close\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + reply.body().length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(reply.body(), 0, all, h.length, reply.body().length);
        out.write(all);
        out.flush();
    }

    private static void answerQuietly(Socket socket, Reply reply) {
        try (socket) {
            write(socket.getOutputStream(), reply);
        } catch (IOException e) {
            // nothing to tell a client that is gone
        }
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 421 -> "Misdirected Request";
            case 428 -> "Precondition Required";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        pool.shutdown();
    }
}
