package io.awssso.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.testkit.IdentityCenterEmulator;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The namer installed, not given: this test runs in a surefire execution of its own whose class
 * path also holds {@code src/test/installed-namer}, a {@code META-INF/services} file naming
 * {@link DottedProfileNames}, as a plug-in jar would (see the pom).
 */
class InstalledProfileNamerTest {
    private SignedInUser user;

    @BeforeEach
    void start() {
        IdentityCenterEmulator emulator = IdentityCenterEmulator.create().start();
        emulator.addAccount("012345678901", "My Prod", "prod@example.com", "AdministratorAccess");
        user = new SignedInUser(emulator, "");
    }

    @AfterEach
    void stop() {
        user.close();
    }

    @Test
    void profiles_namerInstalledForServiceLoader_namesTheRolesWithoutBeingGiven() {
        assertThat(ListProfiles.profiles(null))
                .containsExactlyEntriesOf(Map.of("my-prod.AdministratorAccess",
                        "arn:aws:iam::012345678901:role/AdministratorAccess"));
    }
}
