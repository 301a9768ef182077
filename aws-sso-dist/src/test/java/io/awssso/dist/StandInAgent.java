package io.awssso.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A stand-in for the aws-sso agent, for testing the launchers' client without the real one: it
 * listens on 127.0.0.1, writes an agent file as the protocol describes (README, "Agent"), records
 * every request byte for byte, and answers each with a {@link Behaviour} the test chooses: a
 * success, an interim {@code 102} first, another status, garbage, silence, or a connection closed
 * midway.
 */
final class StandInAgent implements AutoCloseable {
    /** The token the agent file holds. */
    static final String TOKEN = "0123456789abcdef".repeat(4);

    /** What the stand-in does with a request it has read. */
    @FunctionalInterface
    interface Behaviour {
        void answer(OutputStream out, Socket socket) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private final List<byte[]> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Socket> connections = Collections.synchronizedList(new ArrayList<>());
    private volatile Behaviour behaviour;

    private StandInAgent(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "stand-in-agent");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a stand-in that answers every request with {@code behaviour}. */
    static StandInAgent start(Behaviour behaviour) throws IOException {
        return new StandInAgent(behaviour);
    }

    /** Answers from now on with {@code next}. */
    void behave(Behaviour next) {
        this.behaviour = next;
    }

    /** The port it listens on. */
    int port() {
        return server.getLocalPort();
    }

    /** Every request it has read, in order of arrival. */
    List<byte[]> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** How many connections it accepted (a request or not). */
    int connectionCount() {
        return connections.size();
    }

    /**
     * The agent file's text as the protocol lays it out, for this stand-in: protocol 1, the
     * given version, the given pid (a live one: the test JVM's, unless the test wants another).
     */
    String agentFile(String version, long pid) {
        return "protocol=1\n"
                + "version=" + version + "\n"
                + "pid=" + pid + "\n"
                + "port=" + port() + "\n"
                + "token=" + TOKEN + "\n"
                + "config=/nonexistent/aws-sso/config.yaml\n";
    }

    /** Writes {@code text} as {@code dir/agent} with mode 0600 (dir created 0700), atomically. */
    static Path writeAgentFile(Path dir, String text) throws IOException {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path tmp = dir.resolve("agent.tmp");
        Files.writeString(tmp, text);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        return Files.move(tmp, dir.resolve("agent"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            connections.add(socket);
            Thread t = new Thread(() -> serve(socket), "stand-in-agent-connection");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            if (behaviour == RESET_ON_ACCEPT) {
                socket.setSoLinger(true, 0);
                return;
            }
            byte[] request = readRequest(socket.getInputStream());
            requests.add(request);
            behaviour.answer(socket.getOutputStream(), socket);
        } catch (SocketException e) {
            // the client went away (a timeout on its side): what some tests want
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The request's head and as many body bytes as its Content-Length says. */
    private static byte[] readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        head.write(in.readNBytes(length));
        return head.toByteArray();
    }

    // ---- behaviours

    /** {@code 200} with the protocol's result body. */
    static Behaviour success(int exit, byte[] out, byte[] err) {
        return (o, s) -> o.write(successBytes(exit, out, err));
    }

    /** The bytes of a {@code 200} answer. */
    static byte[] successBytes(int exit, byte[] out, byte[] err) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("exit " + exit + "\nout " + out.length + "\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(out);
        body.writeBytes(("err " + err.length + "\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(err);
        return response("200 OK", "application/x-aws-sso-result", body.toByteArray());
    }

    /** A response with this status, content type and body (and the length and {@code Connection: close}). */
    static byte[] response(String status, String type, byte[] body) {
        ByteArrayOutputStream r = new ByteArrayOutputStream();
        r.writeBytes(("HTTP/1.1 " + status + "\r\n"
                + (type == null ? "" : "Content-Type: " + type + "\r\n")
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        r.writeBytes(body);
        return r.toByteArray();
    }

    /** {@code 102 Processing} at once, then {@code then} after {@code millis}. */
    static Behaviour processingThen(long millis, Behaviour then) {
        return (o, s) -> {
            o.write("HTTP/1.1 102 Processing\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            o.flush();
            Thread.sleep(millis);
            then.answer(o, s);
        };
    }

    /** These bytes, then the connection closes. */
    static Behaviour raw(byte[] bytes) {
        return (o, s) -> o.write(bytes);
    }

    /** Waits {@code millis} before {@code then}. */
    static Behaviour after(long millis, Behaviour then) {
        return (o, s) -> {
            Thread.sleep(millis);
            then.answer(o, s);
        };
    }

    /** Never answers: holds the connection until the client closes it or the stand-in stops. */
    static Behaviour silence() {
        return (o, s) -> {
            InputStream in = s.getInputStream();
            while (in.read() >= 0) {
                // nothing: wait for the client to give up
            }
        };
    }

    /** Resets each connection (RST) as soon as it is accepted, before reading the request. */
    static final Behaviour RESET_ON_ACCEPT = (o, s) -> { };

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (connections) {
            for (Socket s : connections) {
                s.close();
            }
        }
    }
}
