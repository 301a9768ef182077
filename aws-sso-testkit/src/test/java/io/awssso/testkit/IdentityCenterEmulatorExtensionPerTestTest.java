package io.awssso.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sso.SsoClient;

/** An instance extension field: every test gets a fresh emulator, so call logs never mix. */
class IdentityCenterEmulatorExtensionPerTestTest {

    @RegisterExtension
    final IdentityCenterEmulatorExtension emulator = IdentityCenterEmulatorExtension.configure(b -> b.generateAccounts(1, 1));

    private void callOnce(IdentityCenterEmulator e) {
        try (SsoClient portal = Sdk.portal(e.endpoint())) {
            portal.listAccounts(r -> r.accessToken(e.signIn().accessToken()));
        }
    }

    @Test
    void firstTest_oneCall_logHasOne(IdentityCenterEmulator e) {
        callOnce(e);

        assertThat(e.callLog()).hasSize(1);
    }

    @Test
    void secondTest_oneCall_logHasOne(IdentityCenterEmulator e) {
        callOnce(e);

        assertThat(e.callLog()).hasSize(1);
        assertThat(e).isSameAs(emulator.emulator());
    }
}
