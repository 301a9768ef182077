package io.awssso.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.testkit.IdentityCenterEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example against the emulator, with its namer given to the builder and without one. */
class ListProfilesTest {
    private SignedInUser user;

    @BeforeEach
    void start() {
        IdentityCenterEmulator emulator = IdentityCenterEmulator.create().start();
        emulator.addAccount("012345678901", "My Prod", "prod@example.com", "AdministratorAccess", "ReadOnly");
        emulator.addAccount("000000000042", "Dev & Test", "dev@example.com", "ReadOnly");
        user = new SignedInUser(emulator, """
                    Accounts:
                      "012345678901":
                        Roles:
                          ReadOnly: {Profile: prod-ro}
                """);
    }

    @AfterEach
    void stop() {
        user.close();
    }

    @Test
    void profiles_dottedNamer_namesRolesWithoutAnExplicitProfile() {
        assertThat(ListProfiles.profiles(new DottedProfileNames())).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "my-prod.AdministratorAccess", "arn:aws:iam::012345678901:role/AdministratorAccess",
                "prod-ro", "arn:aws:iam::012345678901:role/ReadOnly",
                "dev-test.ReadOnly", "arn:aws:iam::000000000042:role/ReadOnly"));
    }

    @Test
    void profiles_noNamerInstalledOrGiven_usesTheDefaultProfileFormat() {
        // this test JVM has no namer installed (see InstalledProfileNamerTest for one that does)
        assertThat(ListProfiles.profiles(null)).containsOnlyKeys("MyProd:AdministratorAccess", "prod-ro",
                "Dev&Test:ReadOnly");
    }
}
