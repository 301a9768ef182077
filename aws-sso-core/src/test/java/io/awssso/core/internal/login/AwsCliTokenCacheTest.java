package io.awssso.core.internal.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awssso.api.ClientRegistration;
import io.awssso.api.SsoInstance;
import io.awssso.api.SsoToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsCliTokenCacheTest {
    @TempDir
    Path home;

    private final SsoInstance instance =
            new SsoInstance("Default", "https://d-1.awsapps.com/start", "eu-west-1", null);
    private final ClientRegistration reg = new ClientRegistration("cid", "csecret",
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"), null, null,
            List.of(ClientRegistration.AUTHORIZATION_CODE, ClientRegistration.REFRESH_TOKEN));

    @Test
    void write_usesSha1OfSessionNameAndTheAwsCliFieldNames() throws Exception {
        AwsCliTokenCache cache = new AwsCliTokenCache(home);
        SsoToken token = new SsoToken("at", "Bearer", Duration.ofHours(1),
                Instant.parse("2026-01-01T10:00:00.123Z"), "rt", null);

        cache.write("my-sso", instance, token, reg);

        // sha1("my-sso") computed independently with Python's hashlib
        Path file = home.resolve(".aws/sso/cache/0ad374308c5a4e22f723adf10145eafad7c4031c.json");
        assertThat(cache.file("my-sso")).isEqualTo(file);
        JsonNode n = new ObjectMapper().readTree(file.toFile());
        assertThat(n.get("startUrl").asText()).isEqualTo("https://d-1.awsapps.com/start");
        assertThat(n.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(n.get("accessToken").asText()).isEqualTo("at");
        assertThat(n.get("refreshToken").asText()).isEqualTo("rt");
        assertThat(n.get("expiresAt").asText()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(n.get("clientId").asText()).isEqualTo("cid");
        assertThat(n.get("clientSecret").asText()).isEqualTo("csecret");
        assertThat(n.get("registrationExpiresAt").asText()).isEqualTo("2026-04-01T00:00:00Z");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temp files left
        }
    }

    @Test
    void write_withoutRefreshToken_leavesTheFieldOut_andDeleteRemovesTheFile() throws Exception {
        AwsCliTokenCache cache = new AwsCliTokenCache(home);
        cache.write("s", instance, new SsoToken("at", null, null, Instant.EPOCH, null, null), reg);

        assertThat(new ObjectMapper().readTree(cache.file("s").toFile()).has("refreshToken")).isFalse();

        cache.delete("s");
        assertThat(cache.file("s")).doesNotExist();
    }
}
