package io.awssso.core.internal.ecs;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server for the ECS endpoint, built so that slow or hostile clients cannot starve
 * it (issue 13, item 3). The JDK's {@code HttpServer} hands each new request to a fixed pool whose
 * thread then blocks reading the headers, so a few clients that send half a request held every
 * thread until {@code maxReqTime} (30 s) passed.
 *
 * <p>Here every connection has its own thread (from an unbounded cached pool: a blocked read costs
 * that connection only), and a watchdog closes any connection that overstays its phase: the request
 * head must arrive within {@code headTime} (TLS handshake included), a body within {@code bodyTime}, a
 * keep-alive connection may idle {@code idleTime}. Connections are capped per peer address and in
 * total; at a cap the oldest connection that is not being answered is closed to make room, so a
 * newcomer is always served and a flood only churns the flooder's own connections.
 *
 * <p>Blocking sockets rather than a selector: each request is answered with one write, TLS comes
 * from {@link SSLSocket} without a hand-written {@code SSLEngine} loop, and the code stays small.
 */
final class ConnectionServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionServer.class);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final long WATCH_MILLIS = 200;
    private static final int DRAIN_BYTES = 256 * 1024;

    /**
     * How long each phase of a connection may last, and how many connections are kept.
     *
     * @param headTime from accept (or the first byte after an idle period) to the end of the headers
     * @param bodyTime to read the body, and again to write the answer
     * @param idleTime a keep-alive connection's wait for its next request
     * @param perPeer connections one remote address may hold
     * @param total connections in all
     */
    record Limits(Duration headTime, Duration bodyTime, Duration idleTime, int perPeer, int total) {
        static Limits defaults() {
            return new Limits(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(30), 128, 1024);
        }

        Limits {
            if (perPeer < 1 || total < perPeer) {
                throw new IllegalArgumentException("need 1 <= perPeer <= total, got " + perPeer + ", " + total);
            }
        }
    }

    /**
     * A status and a JSON body.
     *
     * @param status the HTTP status
     * @param body the prepared body
     */
    record Reply(int status, byte[] body) {
    }

    /** What the server asks of the endpoint. */
    interface Handler {
        /** Answers one request (may read its body). */
        Reply handle(Exchange exchange) throws IOException;

        /** Told after each answer: {@code status} 0 when the answer could not be written. */
        void answered(InetAddress remote, String method, String path, int status, long startNanos);
    }

    private enum Phase {
        IDLE, HEAD, BODY, BUSY;

        boolean evictable() {
            return this != BUSY;
        }
    }

    private final ServerSocket listener;
    private final SSLContext tls;
    private final Handler handler;
    private final Limits limits;
    private final Clock clock;
    private final ExecutorService connections;
    private final Thread acceptor;
    private final Thread watchdog;
    private final Object lock = new Object();
    private final LinkedHashSet<Connection> open = new LinkedHashSet<>();
    private final Map<InetAddress, Integer> perPeer = new HashMap<>();
    private volatile boolean closing;
    private volatile String date = "";
    private volatile long dateSecond = Long.MIN_VALUE;

    private ConnectionServer(ServerSocket listener, SSLContext tls, Handler handler, Limits limits, Clock clock) {
        this.listener = listener;
        this.tls = tls;
        this.handler = handler;
        this.limits = limits;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.connections = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> daemon(r, "aws-sso-ecs-" + n.incrementAndGet()));
        this.acceptor = daemon(this::acceptLoop, "aws-sso-ecs-accept");
        this.watchdog = daemon(this::watchLoop, "aws-sso-ecs-watchdog");
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Binds and starts accepting.
     *
     * @throws IOException when the address cannot be bound
     */
    static ConnectionServer start(InetSocketAddress address, SSLContext tls, Handler handler, Limits limits,
            Clock clock) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(address, 256);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        ConnectionServer server = new ConnectionServer(listener, tls, handler, limits, clock);
        server.acceptor.start();
        server.watchdog.start();
        return server;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** Connections open now (for tests and the debug log). */
    int openConnections() {
        synchronized (lock) {
            return open.size();
        }
    }

    private void acceptLoop() {
        while (!closing) {
            Socket raw;
            try {
                raw = listener.accept();
            } catch (IOException e) {
                if (!closing) {
                    // out of file descriptors, most likely: pause rather than spin
                    LOG.debug("ECS server: accept failed: {}", e.toString());
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
                continue;
            }
            try {
                raw.setTcpNoDelay(true); // one write per answer: never wait for the client's delayed ACK
            } catch (SocketException e) {
                closeQuietly(raw);
                continue;
            }
            Connection c = admit(raw);
            if (c != null) {
                try {
                    connections.execute(c);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    c.finish();
                }
            }
        }
    }

    /** Registers a connection, making room at a cap; null when there is none (all are being answered). */
    private Connection admit(Socket raw) {
        Connection c = new Connection(raw, raw.getInetAddress());
        synchronized (lock) {
            if (closing) {
                closeQuietly(raw);
                return null;
            }
            open.add(c);
            int mine = perPeer.merge(c.peer, 1, Integer::sum);
            if (mine > limits.perPeer() && !evictOldest(c, c.peer)) {
                drop(c);
                return null;
            }
            if (live() > limits.total() && !evictOldest(c, null)) {
                drop(c);
                return null;
            }
        }
        return c;
    }

    private int live() {
        int n = 0;
        for (int v : perPeer.values()) {
            n += v;
        }
        return n;
    }

    /** Closes the oldest evictable connection (of {@code peer}, or of anyone when null). Under the lock. */
    private boolean evictOldest(Connection newcomer, InetAddress peer) {
        for (Connection old : open) {
            if (old != newcomer && !old.evicted && old.phase.evictable() && (peer == null || old.peer.equals(peer))) {
                old.evicted = true;
                perPeer.merge(old.peer, -1, Integer::sum);
                LOG.debug("ECS server: connection limit reached, closing the oldest idle connection from {}",
                        old.peer.getHostAddress());
                closeQuietly(old.raw);
                return true;
            }
        }
        return false;
    }

    private void drop(Connection c) {
        open.remove(c);
        if (!c.evicted) {
            c.evicted = true;
            perPeer.merge(c.peer, -1, Integer::sum);
            perPeer.remove(c.peer, 0);
        }
        closeQuietly(c.raw);
    }

    private void watchLoop() {
        while (!closing) {
            try {
                Thread.sleep(WATCH_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            List<Connection> late = new ArrayList<>();
            synchronized (lock) {
                for (Connection c : open) {
                    if (now - c.deadline > 0) {
                        late.add(c);
                    }
                }
            }
            for (Connection c : late) {
                LOG.debug("ECS server: closing a connection from {} that stayed too long in {}",
                        c.peer.getHostAddress(), c.phase);
                closeQuietly(c.raw);
            }
        }
    }

    /** One client connection, served by its own thread. */
    private final class Connection implements Runnable {
        final Socket raw;
        final InetAddress peer;
        volatile Phase phase = Phase.HEAD;
        volatile long deadline;
        boolean evicted; // guarded by lock

        Connection(Socket raw, InetAddress peer) {
            this.raw = raw;
            this.peer = peer;
            this.deadline = System.nanoTime() + limits.headTime().toNanos();
        }

        void enter(Phase p, Duration d) {
            deadline = System.nanoTime() + d.toNanos();
            phase = p;
        }

        @Override
        public void run() {
            try {
                serve();
            } catch (IOException | RuntimeException e) {
                // a reset, a timeout (the watchdog closed the socket), a failed TLS handshake
                LOG.debug("ECS server: connection from {} ended: {}", peer.getHostAddress(), e.toString());
            } finally {
                finish();
            }
        }

        void finish() {
            synchronized (lock) {
                open.remove(this);
                if (!evicted) {
                    evicted = true;
                    perPeer.merge(peer, -1, Integer::sum);
                }
                perPeer.remove(peer, 0);
            }
            closeQuietly(raw);
        }

        private void serve() throws IOException {
            Socket io = raw;
            if (tls != null) {
                SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(raw, null, raw.getPort(), true);
                SSLParameters p = tls.getDefaultSSLParameters();
                p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                s.setSSLParameters(p);
                s.setUseClientMode(false);
                s.startHandshake(); // within headTime: the watchdog closes the raw socket otherwise
                io = s;
            }
            WireInput in = new WireInput(io.getInputStream(), 8192);
            OutputStream out = io.getOutputStream();
            boolean first = true;
            while (!closing) {
                if (!first) {
                    enter(Phase.IDLE, limits.idleTime());
                    if (!in.await()) {
                        return;
                    }
                    enter(Phase.HEAD, limits.headTime());
                }
                first = false;
                long start = System.nanoTime();
                RequestHead head;
                try {
                    head = RequestParser.readHead(in);
                } catch (EcsRequestException e) {
                    enter(Phase.BUSY, limits.bodyTime());
                    boolean sent = write(out, new Reply(e.status(), EcsJson.status(e.status(), e.getMessage())),
                            false, false, false);
                    handler.answered(peer, "-", "-", sent ? e.status() : 0, start);
                    drainAndClose(io, in);
                    return;
                }
                if (head == null) {
                    return;
                }
                enter(Phase.BUSY, limits.bodyTime());
                Exchange ex = new Exchange(head, peer, in, out, () -> enter(Phase.BODY, limits.bodyTime()),
                        EcsCredentialsServer.MAX_BODY);
                Reply reply;
                try {
                    reply = handler.handle(ex);
                } catch (EcsRequestException e) {
                    reply = new Reply(e.status(), EcsJson.status(e.status(), e.getMessage()));
                }
                enter(Phase.BUSY, limits.bodyTime());
                boolean keep = head.keepAlive() && ex.fullyRead() && !closing;
                boolean sent = write(out, reply, keep, !head.http11(), head.method().equals("HEAD"));
                handler.answered(peer, head.method(), head.path(), sent ? reply.status() : 0, start);
                if (!sent) {
                    return;
                }
                if (!keep) {
                    if (!ex.fullyRead()) {
                        drainAndClose(io, in);
                    }
                    return;
                }
            }
        }
    }

    /** Writes the answer in one write; an HTTP/1.0 client that may keep the connection is told so. */
    private boolean write(OutputStream out, Reply r, boolean keepAlive, boolean http10, boolean headOnly) {
        StringBuilder h = new StringBuilder(160).append("HTTP/1.1 ").append(r.status()).append(' ')
                .append(reason(r.status())).append("\r\nDate: ").append(date())
                .append("\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ")
                .append(r.body().length).append("\r\n");
        if (!keepAlive) {
            h.append("Connection: close\r\n");
        } else if (http10) {
            h.append("Connection: keep-alive\r\n");
        }
        h.append("\r\n");
        byte[] head = h.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + (headOnly ? 0 : r.body().length)];
        System.arraycopy(head, 0, all, 0, head.length);
        if (!headOnly) {
            System.arraycopy(r.body(), 0, all, head.length, r.body().length);
        }
        try {
            out.write(all);
            out.flush();
            return true;
        } catch (IOException e) {
            LOG.debug("ECS server: cannot write an answer: {}", e.toString());
            return false;
        }
    }

    /**
     * Reads what the client still sends (bounded in bytes and time) before closing: closing with
     * unread input makes the kernel send a reset, which can destroy the answer before the client
     * reads it.
     */
    private static void drainAndClose(Socket io, WireInput in) {
        try {
            if (!(io instanceof SSLSocket)) {
                io.shutdownOutput();
            }
            io.setSoTimeout(500);
            in.skip(DRAIN_BYTES);
        } catch (IOException | UnsupportedOperationException e) {
            // closing anyway
        }
    }

    private String date() {
        long now = clock.millis();
        long second = Math.floorDiv(now, 1000);
        if (second != dateSecond) {
            date = HTTP_DATE.format(java.time.Instant.ofEpochSecond(second));
            dateSecond = second;
        }
        return date;
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 417 -> "Expectation Failed";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status";
        };
    }

    /**
     * Stops listening at once, closes connections that are not being answered, lets answers in
     * progress finish (up to two seconds), then closes everything. Idempotent.
     */
    @Override
    public void close() {
        List<Connection> waiting = new ArrayList<>();
        synchronized (lock) {
            if (closing) {
                return;
            }
            closing = true;
            for (Connection c : open) {
                if (c.phase.evictable()) {
                    waiting.add(c);
                }
            }
        }
        closeQuietly(listener);
        watchdog.interrupt();
        waiting.forEach(c -> closeQuietly(c.raw));
        connections.shutdown();
        try {
            if (!connections.awaitTermination(2, TimeUnit.SECONDS)) {
                List<Connection> rest;
                synchronized (lock) {
                    rest = new ArrayList<>(open);
                }
                rest.forEach(c -> closeQuietly(c.raw));
                connections.shutdownNow();
            }
        } catch (InterruptedException e) {
            connections.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // already closed or reset: nothing to do
        }
    }
}
