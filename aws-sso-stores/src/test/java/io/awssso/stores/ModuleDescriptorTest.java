package io.awssso.stores;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Provides;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModuleDescriptorTest {
    private static final String MODULE = "io.awssso.stores";
    private static final String SERVICE = "io.awssso.api.spi.SecureStoreProvider";

    /** The compiled descriptor: from the running module, else from target/classes on the class path. */
    private static ModuleDescriptor descriptor() {
        Module module = ModuleDescriptorTest.class.getModule();
        if (module.isNamed()) {
            return module.getDescriptor();
        }
        return ModuleFinder.of(Path.of("target", "classes")).find(MODULE)
                .orElseThrow(() -> new AssertionError("no module " + MODULE + " in target/classes"))
                .descriptor();
    }

    @Test
    void descriptor_isTheExplicitStoresModule() {
        assertThat(descriptor().name()).isEqualTo(MODULE);
        assertThat(descriptor().isAutomatic()).isFalse();
        assertThat(descriptor().isOpen()).isFalse();
    }

    @Test
    void exports_areNone() {
        // Backends are reached only through ServiceLoader, never by type.
        assertThat(descriptor().exports()).isEmpty();
    }

    @Test
    void requires_ofOurModulesOnlyTheApi() {
        // the lock comes through StoreContext.locks(), not from an exported internal package
        assertThat(descriptor().requires()).extracting(java.lang.module.ModuleDescriptor.Requires::name)
                .filteredOn(name -> name.startsWith("io.awssso.")).containsExactly("io.awssso.api");
    }

    @Test
    void provides_onlySecureStoreProvidersIncludingJson() {
        assertThat(descriptor().provides()).extracting(Provides::service).containsExactly(SERVICE);
        assertThat(descriptor().provides()).singleElement()
                .satisfies(provides -> assertThat(provides.providers())
                        .contains("io.awssso.stores.json.JsonSecureStoreProvider"));
    }

    @Test
    void provides_everyBackendInRegistrationOrder() {
        assertThat(descriptor().provides()).singleElement()
                .satisfies(provides -> assertThat(provides.providers()).containsExactly(
                        "io.awssso.stores.json.JsonSecureStoreProvider",
                        "io.awssso.stores.file.EncryptedFileSecureStoreProvider",
                        "io.awssso.stores.pass.PassSecureStoreProvider",
                        "io.awssso.stores.secretservice.SecretServiceSecureStoreProvider",
                        "io.awssso.stores.wincred.WinCredSecureStoreProvider",
                        "io.awssso.stores.keychain.KeychainSecureStoreProvider",
                        "io.awssso.stores.kwallet.KWalletSecureStoreProvider",
                        "io.awssso.stores.onepassword.OnePasswordSecureStoreProvider"));
    }

    @Test
    void opens_onlyTheNativeAndDBusBackendsToTheirLibraries() {
        assertThat(descriptor().opens()).allSatisfy(o -> assertThat(o.isQualified()).isTrue());
        assertThat(descriptor().opens()).extracting(o -> o.source() + " to " + o.targets())
                .containsExactlyInAnyOrder(
                        "io.awssso.stores.secretservice to [org.freedesktop.dbus]",
                        "io.awssso.stores.kwallet to [org.freedesktop.dbus]",
                        "io.awssso.stores.wincred to [com.sun.jna]",
                        "io.awssso.stores.keychain to [com.sun.jna]");
    }
}
