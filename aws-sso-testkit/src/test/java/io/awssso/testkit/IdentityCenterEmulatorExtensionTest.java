package io.awssso.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A static extension field: one running emulator for the class, injected as a parameter. */
class IdentityCenterEmulatorExtensionTest {

    @RegisterExtension
    static final IdentityCenterEmulatorExtension EMULATOR =
            IdentityCenterEmulatorExtension.configure(b -> b.generateAccounts(3, 2).region("eu-west-1"));

    @Test
    void parameter_resolved_isTheRunningConfiguredEmulator(IdentityCenterEmulator emulator) throws Exception {
        assertThat(emulator).isSameAs(EMULATOR.emulator());
        assertThat(emulator.region()).isEqualTo("eu-west-1");
        assertThat(emulator.accounts()).hasSize(3);

        HttpResponse<String> start = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(emulator.startUrl()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(200);
    }

    @Test
    void endpoint_loopbackEphemeralPort() {
        URI endpoint = EMULATOR.endpoint();

        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
        assertThat(endpoint.getPort()).isPositive();
        assertThat(endpoint.getScheme()).isEqualTo("http");
    }
}
