package io.awssso.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.TooManyRequestsException;

/** The standalone entry point: flags, the one-line JSON announcement, and SIGTERM. */
class EmulatorMainTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void start_flags_appliedAndAnnouncedAsOneJsonLine() throws Exception {
        try (IdentityCenterEmulator e = EmulatorMain.start(new String[] {
            "--accounts", "7", "--roles-per-account", "2", "--rate-limit", "1", "--burst", "2", "--region", "eu-central-1"})) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            EmulatorMain.announce(e, new PrintStream(buffer, true, StandardCharsets.UTF_8));

            String out = buffer.toString(StandardCharsets.UTF_8);
            assertThat(out).endsWith("\n").doesNotContain("\n\n");
            JsonNode line = json.readTree(out);
            assertThat(line.get("endpoint").asText()).isEqualTo(e.endpoint().toString()).startsWith("http://127.0.0.1:");
            assertThat(line.get("startUrl").asText()).isEqualTo(e.startUrl().toString());
            assertThat(line.get("region").asText()).isEqualTo("eu-central-1");
            assertThat(line.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
            assertThat(e.accounts()).hasSize(7).allSatisfy(a -> assertThat(a.roles()).hasSize(2));
            try (SsoClient portal = Sdk.portal(e.endpoint())) {
                String token = e.signIn().accessToken();
                // A burst of 2 refilled at 1/s by the system clock cannot let 50 calls in a row through.
                assertThatThrownBy(() -> {
                    for (int i = 0; i < 50; i++) {
                        portal.listAccounts(r -> r.accessToken(token));
                    }
                }).isInstanceOf(TooManyRequestsException.class);
            }
        }
    }

    @Test
    void start_unknownFlag_rejectedWithName() {
        assertThatThrownBy(() -> EmulatorMain.start(new String[] {"--bogus"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--bogus");
    }

    @Test
    void main_separateProcess_announcesServesAndStopsOnSigterm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmulatorMain.class.getName(), "--accounts", "2").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            JsonNode line = json.readTree(out.readLine());
            assertThat(line.get("pid").asLong()).isEqualTo(p.pid());
            URI start = URI.create(line.get("startUrl").asText());
            HttpClient http = HttpClient.newHttpClient();
            assertThat(http.send(HttpRequest.newBuilder(start).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);

            p.destroy();

            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(143);
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(start).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(ConnectException.class);
        } finally {
            p.destroyForcibly();
        }
    }
}
