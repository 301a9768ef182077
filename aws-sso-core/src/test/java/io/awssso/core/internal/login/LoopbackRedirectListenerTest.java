package io.awssso.core.internal.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.AwsSsoException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoopbackRedirectListenerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final Pkce pkce = Pkce.create(new SecureRandom());

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void redirectUri_isLoopbackWithCallbackPath() {
        try (LoopbackRedirectListener l = LoopbackRedirectListener.start(pkce)) {
            assertThat(l.redirectUri()).matches("http://127\\.0\\.0\\.1:\\d+/oauth/callback");
        }
    }

    @Test
    void awaitCode_matchingState_returnsCodeAndShowsSuccessPage() throws Exception {
        try (LoopbackRedirectListener l = LoopbackRedirectListener.start(pkce)) {
            HttpResponse<String> r = get(l.redirectUri() + "?code=the-code&state=" + pkce.state());

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("Authentication complete");
            assertThat(l.awaitCode(Duration.ofSeconds(5))).isEqualTo("the-code");
        }
    }

    @Test
    void awaitCode_wrongState_failsTheLoginAndAnswers400() throws Exception {
        try (LoopbackRedirectListener l = LoopbackRedirectListener.start(pkce)) {
            HttpResponse<String> r = get(l.redirectUri() + "?code=c&state=forged");

            assertThat(r.statusCode()).isEqualTo(400);
            assertThatThrownBy(() -> l.awaitCode(Duration.ofSeconds(5)))
                    .isInstanceOf(AwsSsoException.class).hasMessageContaining("state mismatch");
        }
    }

    @Test
    void awaitCode_errorAnswer_failsWithTheError() throws Exception {
        try (LoopbackRedirectListener l = LoopbackRedirectListener.start(pkce)) {
            get(l.redirectUri() + "?error=access_denied&state=" + pkce.state());

            assertThatThrownBy(() -> l.awaitCode(Duration.ofSeconds(5)))
                    .hasMessageContaining("access_denied");
        }
    }

    @Test
    void handle_otherPath_is404AndDoesNotEndTheWait() throws Exception {
        try (LoopbackRedirectListener l = LoopbackRedirectListener.start(pkce)) {
            String base = l.redirectUri().replace("/oauth/callback", "");
            assertThat(get(base + "/favicon.ico").statusCode()).isEqualTo(404);

            get(l.redirectUri() + "?code=later&state=" + pkce.state());
            assertThat(l.awaitCode(Duration.ofSeconds(5))).isEqualTo("later");
        }
    }

    @Test
    void awaitCode_noAnswer_timesOutWithAdvice() {
        try (LoopbackRedirectListener l = LoopbackRedirectListener.start(pkce)) {
            assertThatThrownBy(() -> l.awaitCode(Duration.ofMillis(50)))
                    .hasMessageContaining("device_code");
        }
    }
}
