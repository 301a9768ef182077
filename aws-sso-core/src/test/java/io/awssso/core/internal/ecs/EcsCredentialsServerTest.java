package io.awssso.core.internal.ecs;

import static io.awssso.core.internal.ecs.EcsTestSupport.TOKEN;
import static io.awssso.core.internal.ecs.EcsTestSupport.credentials;
import static io.awssso.core.internal.ecs.EcsTestSupport.loadBody;
import static io.awssso.core.internal.ecs.EcsTestSupport.raw;
import static io.awssso.core.internal.ecs.EcsTestSupport.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.awssso.api.RoleCredentials;
import io.awssso.core.internal.ecs.EcsTestSupport.Client;
import io.awssso.core.internal.ecs.EcsTestSupport.Reply;
import io.awssso.testkit.MutableClock;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every route over real HTTP on 127.0.0.1, with the bodies and status codes of the reference. */
class EcsCredentialsServerTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final MutableClock clock = MutableClock.startingAt(NOW);
    private final RoleCredentials admin = credentials("012345678901", "AdministratorAccess",
            NOW.plus(Duration.ofMinutes(65)).plusMillis(500));
    private final RoleCredentials readOnly = credentials("000000000042", "ReadOnly", NOW.plus(Duration.ofHours(2)));
    private EcsCredentialsServer server;
    private Client client;

    private void startWithToken(String token) {
        server = start(token, false, null, clock);
        client = new Client(server, token == null ? null : "Bearer " + token);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void getRoot_afterPut_servesEveryKeyTheSdksRead() throws Exception {
        startWithToken(TOKEN);

        Reply put = client.put("/", loadBody("prod-admin", admin));
        Reply get = client.get("/");

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json()).isEqualTo(EcsTestSupport.JSON.readTree("{\"code\":\"200\",\"message\":\"OK\"}"));
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.contentType()).isEqualTo("application/json; charset=utf-8");
        JsonNode body = get.json();
        assertThat(body.get("AccessKeyId").asText()).isEqualTo(admin.accessKeyId());
        assertThat(body.get("SecretAccessKey").asText()).isEqualTo(admin.secretAccessKey());
        assertThat(body.get("Token").asText()).isEqualTo(admin.sessionToken());
        assertThat(body.get("Expiration").asText()).isEqualTo("2026-03-01T11:05:00Z");
        assertThat(body.get("AccountId").asText()).isEqualTo("012345678901");
        assertThat(body.get("RoleArn").asText()).isEqualTo("arn:aws:iam::012345678901:role/AdministratorAccess");
        assertThat(body.has("SecretAccessKeyId")).isFalse();
    }

    @Test
    void getRoot_nothingLoaded_404CredentialsExpired() throws Exception {
        startWithToken(TOKEN);

        Reply r = client.get("/");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json()).isEqualTo(EcsTestSupport.JSON.readTree(
                "{\"code\":\"404\",\"message\":\"Credentials expired\"}"));
    }

    @Test
    void getRoot_clockPassesExpiration_404CredentialsExpired() throws Exception {
        startWithToken(TOKEN);
        client.put("/", loadBody("prod-admin", admin));
        clock.advance(Duration.ofMinutes(64));
        assertThat(client.get("/").status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(2));
        Reply r = client.get("/");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("message").asText()).isEqualTo("Credentials expired");
        assertThat(client.get("/profile").json().get("message").asText()).isEqualTo("Credentials expired");
        assertThat(client.get("/healthcheck").status()).isEqualTo(503);
        assertThat(client.get("/healthcheck").json().get("status").asText()).isEqualTo("credentials expired");
    }

    @Test
    void putRoot_expiredCredentials_404AndNothingStored() throws Exception {
        startWithToken(TOKEN);

        Reply r = client.put("/", loadBody("old", credentials("012345678901", "Old", NOW.minusSeconds(1))));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("message").asText()).isEqualTo("Credentials expired");
        assertThat(client.get("/profile").status()).isEqualTo(404);
        assertThat(client.get("/profile").json().get("message").asText()).isEqualTo("Credentials unavailable");
    }

    @Test
    void putRoot_invalidRequest_500NamingEveryProblemButNoValue() throws Exception {
        startWithToken(TOKEN);

        Reply r = client.put("/", "{\"ProfileName\":\"p\",\"Creds\":{\"roleName\":\"R\",\"accountId\":0,"
                + "\"accessKeyId\":\"AKIDVALUE\",\"secretAccessKey\":\"\",\"expiration\":1}}");

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().get("code").asText()).isEqualTo("500");
        assertThat(r.json().get("message").asText()).contains("Creds.secretAccessKey is missing",
                "Creds.sessionToken is missing", "Creds.accountId must not be 0").doesNotContain("AKIDVALUE");
    }

    @Test
    void putRoot_malformedJson_500WithoutEchoingTheBody() throws Exception {
        startWithToken(TOKEN);

        Reply r = client.put("/", "{\"ProfileName\": SECRETISH-TOKEN");

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().get("message").asText()).startsWith("request body is not valid JSON")
                .doesNotContain("SECRETISH");
        assertThat(client.get("/").status()).isEqualTo(404);
    }

    @Test
    void putRoot_accountIdAsString_500MustBeInteger() throws Exception {
        startWithToken(TOKEN);
        String body = loadBody("p", admin).replace("\"accountId\":12345678901", "\"accountId\":\"012345678901\"");

        Reply r = client.put("/", body);

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().get("message").asText()).contains("Creds.accountId must be an integer");
    }

    @Test
    void putRoot_oversizedBody_413ThenKeepsServing() throws Exception {
        startWithToken(TOKEN);
        client.put("/", loadBody("prod-admin", admin));

        Reply r = client.put("/", "{\"x\":\"" + "a".repeat(EcsCredentialsServer.MAX_BODY) + "\"}");

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("code").asText()).isEqualTo("413");
        assertThat(client.get("/").status()).isEqualTo(200);
    }

    @Test
    void putRoot_chunkedOversizedBody_413() throws Exception {
        startWithToken(TOKEN);
        StringBuilder req = new StringBuilder("PUT / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        for (int i = 0; i < 20; i++) {
            req.append("1000\r\n").append("b".repeat(0x1000)).append("\r\n");
        }
        req.append("0\r\n\r\n");

        String reply = raw(server.port(), req.toString().getBytes(StandardCharsets.US_ASCII));

        assertThat(reply).startsWith("HTTP/1.1 413");
        assertThat(client.get("/healthcheck").status()).isEqualTo(503);
    }

    @Test
    void anyRoute_garbageOnTheWire_serverKeepsServing() throws Exception {
        startWithToken(TOKEN);
        client.put("/", loadBody("prod-admin", admin));

        try {
            raw(server.port(), "\u0000\u0001 NOT HTTP\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } catch (java.io.IOException e) {
            // the server may reset the connection; what matters is that it still serves
        }
        try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), server.port())) {
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
            // left half-sent: a stalled client must not block others
            assertThat(client.get("/").status()).isEqualTo(200);
        }
    }

    @Test
    void badMethod_onRootProfileAndSlots_400BadRequest() throws Exception {
        startWithToken(TOKEN);

        for (String[] mp : new String[][] {{"POST", "/"}, {"PATCH", "/"}, {"PUT", "/profile"},
                {"POST", "/slot"}, {"POST", "/slot/x"}, {"POST", "/healthcheck"}}) {
            Reply r = client.send(mp[0], mp[1], "{}");
            assertThat(r.status()).as("%s %s", mp[0], mp[1]).isEqualTo(400);
            assertThat(r.json().get("message").asText()).isEqualTo("Bad request");
        }
    }

    @Test
    void unknownPath_404CredentialsUnavailable() throws Exception {
        startWithToken(TOKEN);

        Reply r = client.get("/latest/meta-data");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("message").asText()).isEqualTo("Credentials unavailable");
    }

    @Test
    void deleteRoot_loaded_clearsDefaultSlot_thenSecondDelete404() throws Exception {
        startWithToken(TOKEN);
        client.put("/", loadBody("prod-admin", admin));

        Reply first = client.delete("/");
        Reply second = client.delete("/");

        assertThat(first.status()).isEqualTo(200);
        assertThat(client.get("/").status()).isEqualTo(404);
        assertThat(second.status()).isEqualTo(404);
        assertThat(second.json().get("message").asText()).isEqualTo("Credentials expired");
    }

    @Test
    void getProfile_loaded_listProfilesResponseWithPaddedAccountAndSeconds() throws Exception {
        startWithToken(TOKEN);
        client.put("/", loadBody("prod-admin", admin));

        JsonNode p = client.get("/profile").json();

        assertThat(p.get("ProfileName").asText()).isEqualTo("prod-admin");
        assertThat(p.get("AccountId").isTextual()).isTrue();
        assertThat(p.get("AccountId").asText()).isEqualTo("012345678901");
        assertThat(p.get("RoleName").asText()).isEqualTo("AdministratorAccess");
        assertThat(p.get("Expiration").isIntegralNumber()).isTrue();
        assertThat(p.get("Expiration").asLong()).isEqualTo(admin.expiration().getEpochSecond());
        assertThat(p.get("Expires").asText()).isEqualTo(" 1h  5m");
    }

    @Test
    void slots_putUnderBodyProfileName_getListDelete() throws Exception {
        startWithToken(TOKEN);

        // stored under the body's ProfileName, not the path's
        assertThat(client.put("/slot/ignored", loadBody("000000000042:ReadOnly", readOnly)).status()).isEqualTo(200);
        assertThat(client.put("/slot/prod-admin", loadBody("prod-admin", admin)).status()).isEqualTo(200);

        Reply slot = client.get("/slot/000000000042%3AReadOnly");
        assertThat(slot.status()).isEqualTo(200);
        assertThat(slot.json().get("AccessKeyId").asText()).isEqualTo(readOnly.accessKeyId());
        assertThat(client.get("/slot/ignored").status()).isEqualTo(404);
        assertThat(client.get("/slot/ignored").json().get("message").asText()).isEqualTo("Credentials unavailable");
        assertThat(client.get("/").status()).as("the default slot stays empty").isEqualTo(404);

        JsonNode list = client.get("/slot").json();
        assertThat(list).extracting(n -> n.get("ProfileName").asText())
                .containsExactly("000000000042:ReadOnly", "prod-admin");
        assertThat(list.get(0).get("AccountId").asText()).isEqualTo("000000000042");

        assertThat(client.delete("/slot/prod-admin").status()).isEqualTo(200);
        assertThat(client.delete("/slot/prod-admin").status()).isEqualTo(404);
        assertThat(client.get("/slot").json()).hasSize(1);
    }

    @Test
    void slotList_expiredSlot_leftOutAndItsGet404Expired() throws Exception {
        startWithToken(TOKEN);
        client.put("/slot/a", loadBody("admin", admin));
        client.put("/slot/r", loadBody("readonly", readOnly));

        clock.advance(Duration.ofMinutes(90));

        assertThat(client.get("/slot").json()).extracting(n -> n.get("ProfileName").asText())
                .containsExactly("readonly");
        assertThat(client.get("/slot/admin").status()).isEqualTo(404);
        assertThat(client.get("/slot/admin").json().get("message").asText()).isEqualTo("Credentials expired");
        assertThat(client.get("/healthcheck/slot/admin").json().get("status").asText())
                .isEqualTo("credentials expired");
    }

    @Test
    void putSlot_expiredCredentials_500() throws Exception {
        startWithToken(TOKEN);

        Reply r = client.put("/slot/old", loadBody("old", credentials("012345678901", "Old", NOW)));

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().get("message").asText()).isEqualTo("Credentials expired");
    }

    @Test
    void deleteSlotListing_documentedButNotImplemented_404() throws Exception {
        startWithToken(TOKEN);
        client.put("/slot/a", loadBody("admin", admin));

        Reply r = client.delete("/slot");

        assertThat(r.status()).isEqualTo(404);
        assertThat(client.get("/slot").json()).hasSize(1);
    }

    @Test
    void healthcheck_withoutToken_statusOfDefaultSlotAndOfSlots() throws Exception {
        startWithToken(TOKEN);
        Client anonymous = client.withAuthorization(null);
        assertThat(anonymous.get("/healthcheck").status()).isEqualTo(503);
        assertThat(anonymous.get("/healthcheck").json().get("status").asText()).isEqualTo("no credentials loaded");
        assertThat(anonymous.get("/healthcheck/slot/prod-admin").json().get("status").asText())
                .isEqualTo("slot not found");

        client.put("/", loadBody("prod-admin", admin));
        client.put("/slot/x", loadBody("prod-admin", admin));

        Reply health = anonymous.get("/healthcheck");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json()).isEqualTo(EcsTestSupport.JSON.readTree(
                "{\"status\":\"ok\",\"profile\":\"prod-admin\",\"expires\":\"2026-03-01T11:05:00Z\"}"));
        assertThat(anonymous.get("/healthcheck/slot/prod-admin").status()).isEqualTo(200);
        assertThat(health.body()).doesNotContain(admin.accessKeyId(), admin.secretAccessKey());
    }

    @Test
    void auth_wrongOrMissingOrLowercaseOrRawToken_403OnEveryProtectedRoute() throws Exception {
        startWithToken(TOKEN);
        client.put("/", loadBody("prod-admin", admin));

        for (String header : new String[] {null, "Bearer wrong", "bearer " + TOKEN, TOKEN, "Bearer  " + TOKEN,
                "Bearer " + TOKEN.substring(1)}) {
            Client other = client.withAuthorization(header);
            for (String path : new String[] {"/", "/profile", "/slot", "/slot/x", "/nowhere"}) {
                Reply r = other.get(path);
                assertThat(r.status()).as("%s with %s", path, header).isEqualTo(403);
                assertThat(r.json()).isEqualTo(EcsTestSupport.JSON.readTree(
                        "{\"code\":\"403\",\"message\":\"Invalid authorization token\"}"));
            }
            assertThat(other.put("/", loadBody("evil", readOnly)).status()).isEqualTo(403);
            assertThat(other.delete("/").status()).isEqualTo(403);
        }
        assertThat(client.get("/").json().get("AccessKeyId").asText()).isEqualTo(admin.accessKeyId());
    }

    @Test
    void auth_noTokenConfigured_servesRequestsWithoutHeaderAndRefusesAnyHeader() throws Exception {
        startWithToken(null);
        client.put("/", loadBody("prod-admin", admin));

        assertThat(client.get("/").status()).isEqualTo(200);
        assertThat(client.withAuthorization("Bearer anything").get("/").status()).isEqualTo(403);
    }

    @Test
    void auth_disabled_acceptsAnyHeader() throws Exception {
        server = start(TOKEN, true, null, clock);
        client = new Client(server, "Bearer wrong");

        assertThat(client.put("/", loadBody("prod-admin", admin)).status()).isEqualTo(200);
        assertThat(client.get("/").status()).isEqualTo(200);
        assertThat(client.withAuthorization(null).get("/").status()).isEqualTo(200);
        assertThat(server.authEnabled()).isFalse();
    }

    @Test
    void foreignHostHeader_dnsRebinding_403() throws Exception {
        startWithToken(null);
        client.put("/", loadBody("prod-admin", admin));

        String reply = raw(server.port(), ("GET / HTTP/1.1\r\nHost: attacker.example:" + server.port()
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String local = raw(server.port(), ("GET / HTTP/1.1\r\nHost: localhost:" + server.port()
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

        assertThat(reply).startsWith("HTTP/1.1 403").contains("Invalid Host header").doesNotContain("ASIA");
        assertThat(local).startsWith("HTTP/1.1 200").contains(admin.accessKeyId());
    }

    @Test
    void hostCheck_localhostIpLiteralsDockerHostAndAddedNames_acceptedOtherNamesRefused() {
        HostCheck check = HostCheck.allowing(List.of("ecs.compose.internal", "Build-Box."));

        assertThat(check.accepts("127.0.0.1:4144")).isTrue();
        assertThat(check.accepts("127.1.2.3")).isTrue();
        assertThat(check.accepts("[::1]:4144")).isTrue();
        assertThat(check.accepts("LOCALHOST:4144")).isTrue();
        assertThat(check.accepts("10.0.0.1:4144")).isTrue();
        assertThat(check.accepts("[fe80::1%25eth0]")).isTrue();
        assertThat(check.accepts("host.docker.internal:4144")).isTrue();
        assertThat(check.accepts("ecs.compose.internal:4144")).isTrue();
        assertThat(check.accepts("build-box")).isTrue();
        assertThat(check.accepts(null)).isTrue();
        assertThat(check.accepts("attacker.example:4144")).isFalse();
        assertThat(check.accepts("127.0.0.1.evil.example")).isFalse();
        assertThat(check.accepts("localhost.evil.example")).isFalse();
        assertThat(check.accepts("host.docker.internal.evil.example")).isFalse();
        assertThat(check.accepts("[::2:evil]")).isFalse();
        assertThat(check.accepts("127.0.0.1:4144@evil.example")).isFalse();
        assertThat(check.accepts("")).isFalse();
    }

    @Test
    void hostCheck_allowedNameThatIsNoHostName_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HostCheck.allowing(List.of("evil example")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'evil example'");
    }

    @Test
    void keepAlive_manyRequestsFromParallelClients_allServed() throws Exception {
        startWithToken(TOKEN);
        client.put("/", loadBody("prod-admin", admin));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> jobs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                jobs.add(() -> {
                    Client c = new Client(server, "Bearer " + TOKEN);
                    int ok = 0;
                    for (int j = 0; j < 50; j++) {
                        ok += c.get("/").status() == 200 ? 1 : 0;
                    }
                    return ok;
                });
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(jobs)) {
                total += f.get();
            }
            assertThat(total).isEqualTo(400);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void close_forgetsCredentialsAndStopsListening() throws Exception {
        startWithToken(TOKEN);
        client.put("/", loadBody("prod-admin", admin));
        int port = server.port();

        server.close();
        server.close();

        assertThat(server.slots().defaultSlot()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new Socket(java.net.InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void start_portInUse_errorSaysWhatToDo() {
        startWithToken(TOKEN);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EcsCredentialsServer.start(
                new EcsCredentialsServer.Settings(java.net.InetAddress.getLoopbackAddress(), server.port(), null,
                        false, null, clock, List.of())))
                .isInstanceOf(io.awssso.api.AwsSsoException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + server.port())
                .hasMessageContaining("--port");
    }

    @Test
    void requestLog_oneLinePerRequest_withoutTokenOrSecrets() throws Exception {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            startWithToken(TOKEN);
            client.put("/", loadBody("prod-admin", admin));
            client.get("/");
            client.withAuthorization("Bearer guessed-token").get("/slot/prod-admin");
            server.close();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(log).containsPattern("127\\.0\\.0\\.1 PUT / 200 \\d+ms")
                .containsPattern("127\\.0\\.0\\.1 GET / 200 \\d+ms")
                .containsPattern("127\\.0\\.0\\.1 GET /slot/prod-admin 403 \\d+ms");
        assertThat(log).doesNotContain(TOKEN, "guessed-token", admin.accessKeyId(), admin.secretAccessKey(),
                admin.sessionToken());
    }

    @Test
    void decode_percentEscapes_plusStaysPlus_badEscapeEmpty() {
        assertThat(EcsRoutes.decode("a%3Ab+c%2Fd")).contains("a:b+c/d");
        assertThat(EcsRoutes.decode("%E2%82%AC")).contains("\u20ac");
        assertThat(EcsRoutes.decode("bad%zz")).isEmpty();
        assertThat(EcsRoutes.decode("")).isEmpty();
        assertThat(EcsHttpClient.escape("000000000042:Read Only/x")).isEqualTo("000000000042%3ARead%20Only%2Fx");
    }
}
