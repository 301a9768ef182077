package io.awssso.stores;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.api.spi.SecureStoreProvider;
import io.awssso.api.spi.StoreContext;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProvidersTest {

    private static final List<String> EXPECTED = List.of("1password", "file", "json", "keychain", "kwallet", "pass", "secret-service", "wincred");

    static {
        // On the module path these tests are patched into io.awssso.stores, which provides the
        // service but (rightly) does not use it; declare the use for the test run only.
        ProvidersTest.class.getModule().addUses(SecureStoreProvider.class);
    }

    @Test
    void serviceLoader_always_findsEveryBackendByName() {
        List<String> names = ServiceLoader.load(SecureStoreProvider.class).stream()
                .map(p -> p.get().name()).sorted().collect(Collectors.toList());

        assertThat(names).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void jsonProvider_always_isSupported() {
        SecureStoreProvider json = ServiceLoader.load(SecureStoreProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("json")).findFirst().orElseThrow();

        assertThat(json.isSupported(new StoreContext(Path.of("/nonexistent"), Map.of(), Map.of(), null))).isTrue();
    }

    @Test
    void moduleDescriptor_exportsNothingAndProvidesEachBackend() {
        Module module = io.awssso.stores.json.JsonSecureStoreProvider.class.getModule();
        org.junit.jupiter.api.Assumptions.assumeTrue(module.isNamed(), "tests run on the class path");
        ModuleDescriptor d = module.getDescriptor();

        assertThat(d.name()).isEqualTo("io.awssso.stores");
        assertThat(d.exports()).isEmpty();
        assertThat(d.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo(SecureStoreProvider.class.getName());
            assertThat(p.providers()).containsExactly("io.awssso.stores.json.JsonSecureStoreProvider",
                    "io.awssso.stores.file.EncryptedFileSecureStoreProvider",
                    "io.awssso.stores.pass.PassSecureStoreProvider",
                    "io.awssso.stores.secretservice.SecretServiceSecureStoreProvider",
                    "io.awssso.stores.wincred.WinCredSecureStoreProvider",
                    "io.awssso.stores.keychain.KeychainSecureStoreProvider",
                    "io.awssso.stores.kwallet.KWalletSecureStoreProvider",
                    "io.awssso.stores.onepassword.OnePasswordSecureStoreProvider");
        });
    }
}
