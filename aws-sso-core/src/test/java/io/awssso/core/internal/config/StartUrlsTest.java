package io.awssso.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.core.internal.config.StartUrls.Severity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartUrlsTest {
    private static Optional<Severity> severity(String url) {
        return StartUrls.check(url).map(StartUrls.Problem::severity);
    }

    @Test
    void check_portalStartUrls_areGood() {
        assertThat(severity("https://d-1234567890.awsapps.com/start")).isEmpty();
        assertThat(severity("  https://d-1234567890.awsapps.com/start/  ")).isEmpty();
        assertThat(severity("https://start.us-gov-home.awsapps.com/start")).isEmpty();
    }

    @Test
    void check_plainHttpToLoopback_isGood_forLocalEmulators() {
        assertThat(severity("http://127.0.0.1:8443/start")).isEmpty();
        assertThat(severity("http://localhost:1/start")).isEmpty();
        assertThat(severity("http://[::1]:1/start")).isEmpty();
        assertThat(severity("http://[0:0:0:0:0:0:0:1]:1/start")).isEmpty();
    }

    @Test
    void check_notAnAbsoluteUrlWithAHost_isUnusable() {
        assertThat(severity("d-1234567890.awsapps.com/start")).contains(Severity.UNUSABLE);
        assertThat(severity("https:///start")).contains(Severity.UNUSABLE);
        assertThat(severity("mailto:a@b")).contains(Severity.UNUSABLE);
        assertThat(severity("https://bad host/start")).contains(Severity.UNUSABLE);
        assertThat(severity(null)).contains(Severity.UNUSABLE);
    }

    @Test
    void check_plainHttpElsewhereOrAnotherScheme_isInsecure() {
        assertThat(severity("http://d-1.awsapps.com/start")).contains(Severity.INSECURE);
        assertThat(severity("http://127.0.0.1.example.com/start")).contains(Severity.INSECURE);
        assertThat(severity("http://10.0.0.1/start")).contains(Severity.INSECURE);
        assertThat(severity("ftp://example.com/start")).contains(Severity.INSECURE);
    }

    @Test
    void check_otherPathQueryOrFragment_isUnusual() {
        assertThat(severity("https://start.us-gov-home.awsapps.com/directory/x")).contains(Severity.UNUSUAL);
        assertThat(severity("https://d-1.awsapps.com/")).contains(Severity.UNUSUAL);
        assertThat(severity("https://d-1.awsapps.com/start?x=1")).contains(Severity.UNUSUAL);
        assertThat(severity("https://d-1.awsapps.com/start#top")).contains(Severity.UNUSUAL);
    }

    @Test
    void check_message_quotesTheUrlWithControlsEscaped() {
        assertThat(StartUrls.check("http://d-1.awsapps.com/start")).get().extracting(StartUrls.Problem::message)
                .isEqualTo("must use https (plain http only to a loopback host), got 'http://d-1.awsapps.com/start'");
        assertThat(StartUrls.check("x\u001b]0;t\u0007")).get().extracting(StartUrls.Problem::message).asString()
                .doesNotContain("\u001b").contains("\\u001b");
    }
}
