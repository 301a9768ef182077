package io.awssso.core.internal.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.awssso.api.AwsSsoException;
import io.awssso.api.SsoInstance;
import io.awssso.api.spi.IdentityCenterClient;
import io.awssso.core.internal.aws.SdkClientOptions;
import io.awssso.core.internal.aws.SdkIdentityCenterClientFactory;
import io.awssso.core.internal.config.AuthWorkflow;
import io.awssso.core.internal.config.UrlAction;
import io.awssso.core.internal.url.UrlOpener;
import io.awssso.testkit.Approval;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.InMemorySecureStore;
import io.awssso.testkit.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A hostile Identity Center: the emulator behind a real HTTP proxy that rewrites one member of the
 * OIDC answers (the login URL it wants opened), read by the real AWS SDK client. Whatever the
 * URL, only https (or http to this machine) may reach the browser or {@code UrlExecCommand}.
 */
class LoginServiceHostileUrlTest {
    private static final Set<String> HOP_HEADERS = Set.of("content-length", "transfer-encoding", "connection",
            "host", "date");

    @TempDir
    Path home;

    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-11-26T10:00:00Z"));
    private final List<List<String>> launched = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream userOut = new ByteArrayOutputStream();
    private IdentityCenterEmulator emulator;
    private HttpServer proxy;
    private volatile String member = "";
    private volatile String hostileValue = "";

    @BeforeEach
    void start() throws IOException {
        emulator = IdentityCenterEmulator.builder().clock(clock).build().start();
        emulator.addAccount("012345678901", "prod", "prod@example.com", "AdministratorAccess");
        emulator.approval(Approval.afterPolls(1));
        HttpClient http = HttpClient.newHttpClient();
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> forward(http, exchange));
        proxy.start();
    }

    @AfterEach
    void stop() {
        proxy.stop(0);
        emulator.close();
    }

    private void forward(HttpClient http, HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create(emulator.endpoint() + exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(),
                            HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase())) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body().replaceAll("\"" + member + "\"\\s*:\\s*\"[^\"]*\"",
                    Matcher.quoteReplacement("\"" + member + "\":\"" + hostileValue + "\""));
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private AwsSsoException login(AuthWorkflow flow) {
        SsoInstance instance = new SsoInstance("Default", emulator.startUrl().toString(), "us-east-1", null);
        URI endpoint = URI.create("http://127.0.0.1:" + proxy.getAddress().getPort());
        try (IdentityCenterClient client = new SdkIdentityCenterClientFactory(SdkClientOptions.defaults()
                .withEndpoint(endpoint), clock).create(instance)) {
            PrintStream user = new PrintStream(userOut, true, StandardCharsets.UTF_8);
            UrlOpener opener = new UrlOpener(user, null, List.of("firefox", "%s"), "Linux", Map.of(), launched::add);
            LoginService service = new LoginService(client, InMemorySecureStore.create(), clock, clock::advance,
                    opener, user, new AwsCliTokenCache(home), new SecureRandom(), Map.of(), p -> null,
                    LoginService.loginLock(home.resolve("cfg")));
            LoginSettings settings = new LoginSettings(instance, flow, UrlAction.EXEC, false, null);
            try {
                service.login(settings, false);
                return null;
            } catch (AwsSsoException e) {
                return e;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "javascript:alert(document.cookie)",
        "http://attacker.example/device?user_code=X", "x-github-client://openRepo/x"})
    void deviceLogin_verificationUriNotHttps_isRefusedAndNothingIsStarted(String hostile) {
        member = "verificationUriComplete";
        hostileValue = hostile;

        AwsSsoException e = login(AuthWorkflow.DEVICE_CODE);

        assertThat(e).isNotNull();
        assertThat(e).hasMessageStartingWith("refusing to open the verification URL Identity Center returned")
                .hasMessageEndingWith("only https URLs, or http to this machine, are opened");
        assertThat(launched).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///tmp", "http://attacker.example"})
    void pkceLogin_authorizationEndpointNotHttps_isRefusedAndNothingIsStarted(String hostile) {
        member = "authorizationEndpoint";
        hostileValue = hostile;

        AwsSsoException e = login(AuthWorkflow.PKCE);

        assertThat(e).isNotNull();
        assertThat(e).hasMessageStartingWith(
                "refusing to open the authorization endpoint of the client registration");
        assertThat(launched).isEmpty();
    }

    @Test
    void deviceLogin_loopbackHttpOfTheEmulator_isOpened() {
        member = "nothing"; // rewrites nothing: the emulator's own http://127.0.0.1 URL is opened

        AwsSsoException e = login(AuthWorkflow.DEVICE_CODE);

        assertThat(e).isNull();
        assertThat(launched).singleElement().satisfies(cmd -> assertThat(cmd.get(1))
                .startsWith(emulator.endpoint() + "/device?user_code="));
        assertThat(Pattern.compile("Verify this code").matcher(userOut.toString(StandardCharsets.UTF_8)).find()).isTrue();
    }
}
