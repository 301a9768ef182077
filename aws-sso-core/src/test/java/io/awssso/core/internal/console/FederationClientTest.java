package io.awssso.core.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.awssso.api.AccountId;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact getSigninToken request, as a recording loopback server sees it. */
class FederationClientTest {
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private FederationClient client;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/federation", ex -> {
            queries.add(ex.getRequestURI().getRawQuery());
            byte[] body = "{\"SigninToken\":\"tok+/=\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        client = new FederationClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/federation"),
                Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static RoleCredentials creds(boolean chained) {
        return new RoleCredentials(RoleArn.of(AccountId.parse("012345678901"), "R"), "ASIAEXAMPLE", "se\"cret/+",
                "to&ken=", Instant.parse("2030-01-01T00:00:00Z"), chained);
    }

    private Map<String, String> lastQuery() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : queries.get(queries.size() - 1).split("&")) {
            int eq = kv.indexOf('=');
            out.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void signinToken_ssoCredentials_sendsSessionJsonAndDurationInSeconds() throws Exception {
        String token = client.signinToken(creds(false), 90);

        Map<String, String> q = lastQuery();
        assertThat(token).isEqualTo("tok+/=");
        assertThat(q).containsEntry("Action", "getSigninToken").containsEntry("SessionDuration", "5400");
        assertThat(new ObjectMapper().readTree(q.get("Session")).toString())
                .isEqualTo("{\"sessionId\":\"ASIAEXAMPLE\",\"sessionKey\":\"se\\\"cret/+\",\"sessionToken\":\"to&ken=\"}");
    }

    @Test
    void signinToken_roleChained_sendsNoSessionDuration() {
        client.signinToken(creds(true), 90);

        assertThat(lastQuery()).containsKey("Session").doesNotContainKey("SessionDuration");
    }

    @Test
    void loginUrl_escapesEveryValue() {
        String url = client.loginUrl("https://d-1.awsapps.com/start", "https://console.aws.amazon.com/console/home?region=us-east-1",
                "tok+/=");

        assertThat(url).endsWith("/federation?Action=login&Issuer=https%3A%2F%2Fd-1.awsapps.com%2Fstart"
                + "&Destination=https%3A%2F%2Fconsole.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Dus-east-1"
                + "&SigninToken=tok%2B%2F%3D");
    }

    @Test
    void endpoint_partitions_followTheSsoRegion() {
        assertThat(FederationClient.endpoint("us-east-1", java.util.Optional.empty()))
                .hasToString("https://us-east-1.signin.aws.amazon.com/federation");
        assertThat(FederationClient.endpoint("cn-north-1", java.util.Optional.empty()))
                .hasToString("https://cn-north-1.signin.amazonaws.cn/federation");
        assertThat(FederationClient.endpoint("us-gov-west-1", java.util.Optional.empty()))
                .hasToString("https://us-gov-west-1.signin.amazonaws-us-gov.com/federation");
        assertThat(FederationClient.endpoint("eusc-de-east-1", java.util.Optional.empty()))
                .hasToString("https://eusc-de-east-1.signin.amazonaws-eusc.eu/federation");
        assertThat(ConsoleEndpoints.of("cn-northwest-1").consoleUrl("cn-northwest-1"))
                .isEqualTo("https://console.amazonaws.cn/console/home?region=cn-northwest-1");
        assertThat(ConsoleEndpoints.of("us-gov-east-1").consoleUrl("us-gov-east-1"))
                .isEqualTo("https://console.amazonaws-us-gov.com/console/home?region=us-gov-east-1");
    }

    @Test
    void endpoint_override_wins() {
        assertThat(FederationClient.endpoint("us-east-1", java.util.Optional.of("http://127.0.0.1:9/federation")))
                .hasToString("http://127.0.0.1:9/federation");
    }
}
