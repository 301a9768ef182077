package io.awssso.core.internal.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.AwsSsoException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OpenableUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH",
        "HTTPS://oidc.eu-west-1.amazonaws.com/authorize",
        "http://127.0.0.1:4144/device?user_code=X",
        "http://127.1.2.3/authorize",
        "http://localhost:8080/authorize",
        "http://[::1]:9000/authorize",
    })
    void require_httpsOrLoopbackHttp_isReturnedUnchanged(String url) {
        assertThat(OpenableUrl.require(url, "the URL")).isEqualTo(url);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "file:///etc/passwd                          | its file URL names no host",
        "javascript:alert(1)                         | its javascript URL names no host",
        "http://attacker.example/device              | it is plain http to attacker.example",
        "http://127.0.0.1.attacker.example/x         | it is plain http to 127.0.0.1.attacker.example",
        "ftp://example.com/x                         | its scheme is ftp",
        "ms-settings://host/x                        | its scheme is ms-settings",
        "--help                                      | it has no scheme",
        "https:opaque                                | its https URL names no host",
        "'https://a.example/x y'                     | it is not a valid URL",
        "''                                          | it is empty",
    })
    void require_anythingElse_isRefusedSayingWhy(String url, String why) {
        assertThatThrownBy(() -> OpenableUrl.require(url, "the verification URL"))
                .isInstanceOf(AwsSsoException.class)
                .hasMessage("refusing to open the verification URL (" + why
                        + "): only https URLs, or http to this machine, are opened");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://a.example/\u001b]0;x\u0007", "https://a.example/\nfake", "https://a.example/\u0000"})
    void require_controlCharacters_areRefused(String url) {
        assertThatThrownBy(() -> OpenableUrl.require(url, "the URL"))
                .isInstanceOf(AwsSsoException.class)
                .hasMessageContaining("it is not a valid URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example/?SigninToken=SECRET", "ftp://h/SECRET"})
    void require_refusal_quotesNeitherPathNorQuery(String url) {
        assertThatThrownBy(() -> OpenableUrl.require(url, "the console URL"))
                .hasMessageNotContaining("SECRET");
    }
}
