package io.awssso.core.internal.ecs;

import static io.awssso.core.internal.ecs.EcsTestSupport.TOKEN;
import static io.awssso.core.internal.ecs.EcsTestSupport.credentials;
import static io.awssso.core.internal.ecs.EcsTestSupport.loadBody;
import static io.awssso.core.internal.ecs.EcsTestSupport.raw;
import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.api.RoleCredentials;
import io.awssso.core.internal.ecs.EcsTestSupport.Client;
import io.awssso.core.internal.ecs.EcsTestSupport.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Attacks an adversarial review demonstrated (issue 13, items 1 and 3), reproduced against a real
 * server: a DNS-rebinding page on a server that is not bound to loopback, and slow-loris clients.
 */
class EcsHostileClientsTest {
    private final RoleCredentials admin = credentials("012345678901", "AdministratorAccess",
            Instant.now().plus(Duration.ofHours(1)));
    private final List<Socket> sockets = new ArrayList<>();
    private EcsCredentialsServer server;

    @AfterEach
    void stop() {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // already closed by the server
            }
        }
        if (server != null) {
            server.close();
        }
    }

    /**
     * The one test bound to 0.0.0.0 (as {@code ecs server --docker} is; the attack needs a bind
     * address other than loopback). It is reached only through 127.0.0.1, serves fake credentials,
     * and lives for a fraction of a second.
     */
    @Test
    void dnsRebinding_anyAddressBindWithoutToken_foreignHostGetsNoCredentials() throws Exception {
        server = EcsCredentialsServer.start(new EcsCredentialsServer.Settings(InetAddress.getByName("0.0.0.0"), 0,
                null, false, null, Clock.systemUTC(), List.of()));
        new Client(server, null).put("/", loadBody("prod-admin", admin));

        String attacker = raw(server.port(), ("GET / HTTP/1.1\r\nHost: attacker.example:" + server.port()
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String docker = raw(server.port(), ("GET / HTTP/1.1\r\nHost: host.docker.internal:" + server.port()
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

        assertThat(attacker).startsWith("HTTP/1.1 403").contains("Invalid Host header")
                .doesNotContain(admin.accessKeyId(), admin.secretAccessKey(), admin.sessionToken());
        assertThat(docker).startsWith("HTTP/1.1 200").contains(admin.accessKeyId());
    }

    @Test
    void dnsRebinding_userAllowedName_served_otherNamesStillRefused() throws Exception {
        server = EcsCredentialsServer.start(new EcsCredentialsServer.Settings(InetAddress.getLoopbackAddress(), 0,
                TOKEN, false, null, Clock.systemUTC(), List.of("ecs-server")));
        new Client(server, "Bearer " + TOKEN).put("/", loadBody("prod-admin", admin));

        String allowed = get("ecs-server:" + server.port());
        String other = get("ecs-server.attacker.example");

        assertThat(allowed).startsWith("HTTP/1.1 200").contains(admin.accessKeyId());
        assertThat(other).startsWith("HTTP/1.1 403").doesNotContain(admin.accessKeyId());
    }

    private String get(String host) throws IOException {
        return raw(server.port(), ("GET / HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + TOKEN
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * 32 connections stalled inside their headers and 32 inside a body are held open while an
     * authorised client asks for the credentials. On the JDK server four such connections held
     * every handler thread for 30 s; the client's 10 s timeout turns that into a failure.
     */
    @Test
    void slowLoris_64StalledConnections_authorisedRequestStillAnswered() throws Exception {
        server = EcsTestSupport.start(TOKEN, false, null, Clock.systemUTC());
        Client client = new Client(server, "Bearer " + TOKEN);
        client.put("/", loadBody("prod-admin", admin));
        byte[] body = loadBody("other", admin).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 32; i++) {
            send(open(), "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN + "\r\nX-Slow: ");
            send(open(), "PUT /slot/other HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n" + "{\"ProfileName\":");
        }

        Reply r = client.get("/");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("AccessKeyId").asText()).isEqualTo(admin.accessKeyId());
        for (Socket s : sockets) {
            assertThat(s.isClosed()).isFalse(); // still held by this test: the answer came while they stalled
        }
    }

    @Test
    void slowLoris_tricklingHeaders_closedAtTheHeadDeadline() throws Exception {
        server = EcsCredentialsServer.start(new EcsCredentialsServer.Settings(InetAddress.getLoopbackAddress(), 0,
                TOKEN, false, null, Clock.systemUTC(), List.of()),
                new ConnectionServer.Limits(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30),
                        128, 1024));
        Socket s = open();
        s.setSoTimeout(200);
        send(s, "GET / HTTP/1.1\r\n");
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        boolean closed = false;
        while (!closed && System.nanoTime() < giveUp) {
            try {
                send(s, "X-Slow-" + System.nanoTime() + ": a\r\n"); // a header line every 200 ms, never the end
                closed = s.getInputStream().read() < 0;
            } catch (SocketTimeoutException e) {
                // still open: keep trickling
            } catch (IOException e) {
                closed = true; // reset by the server
            }
        }

        assertThat(closed).as("the server closed a connection that never finished its headers").isTrue();
    }

    @Test
    void connectionCap_perPeerFull_oldestStalledConnectionMakesRoom() throws Exception {
        server = EcsCredentialsServer.start(new EcsCredentialsServer.Settings(InetAddress.getLoopbackAddress(), 0,
                TOKEN, false, null, Clock.systemUTC(), List.of()),
                new ConnectionServer.Limits(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30),
                        8, 16));
        new Client(server, "Bearer " + TOKEN).put("/", loadBody("prod-admin", admin));
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Socket s = open();
            send(s, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            stalled.add(s);
        }

        String answer = raw(server.port(), ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

        assertThat(answer).startsWith("HTTP/1.1 200").contains(admin.accessKeyId());
        Socket oldest = stalled.get(0);
        oldest.setSoTimeout(10_000);
        int read;
        try {
            read = oldest.getInputStream().read();
        } catch (IOException e) {
            read = -1;
        }
        assertThat(read).as("the oldest stalled connection was closed to make room").isEqualTo(-1);
    }

    @Test
    void pipelinedAndExpectContinue_answeredInOrderOnOneConnection() throws Exception {
        server = EcsTestSupport.start(TOKEN, false, null, Clock.systemUTC());
        byte[] body = loadBody("prod-admin", admin).getBytes(StandardCharsets.UTF_8);
        Socket s = open();
        s.setSoTimeout(10_000);
        send(s, "PUT / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN + "\r\nContent-Length: "
                + body.length + "\r\nExpect: 100-continue\r\n\r\n");
        String interim = readUntil(s.getInputStream(), "\r\n\r\n");
        s.getOutputStream().write(body);
        send(s, "GET /profile HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN + "\r\n\r\n"
                + "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN + "\r\nConnection: close\r\n\r\n");
        String rest = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

        assertThat(interim).startsWith("HTTP/1.1 100 Continue");
        assertThat(rest.split("HTTP/1.1 200 OK", -1)).hasSize(4);
        assertThat(rest.indexOf("\"ProfileName\":\"prod-admin\"")).isLessThan(rest.indexOf(admin.accessKeyId()));
    }

    @Test
    void http10_keepAliveAskedFor_keptAndSaid_otherwiseClosed() throws Exception {
        server = EcsTestSupport.start(TOKEN, false, null, Clock.systemUTC());
        Socket s = open();
        s.setSoTimeout(10_000);
        send(s, "GET /healthcheck HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        String first = readUntil(s.getInputStream(), "}");
        send(s, "GET /healthcheck HTTP/1.0\r\n\r\n");
        String second = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

        assertThat(first).startsWith("HTTP/1.1 503").contains("Connection: keep-alive");
        assertThat(second).startsWith("HTTP/1.1 503").contains("Connection: close");
    }

    private Socket open() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
        sockets.add(s);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        StringBuilder b = new StringBuilder();
        while (b.indexOf(end) < 0) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            b.append((char) c);
        }
        return b.toString();
    }
}
