package io.awssso.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModuleDescriptorTest {
    private static final String MODULE = "io.awssso.api";

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
    void descriptor_isTheExplicitApiModule() {
        assertThat(descriptor().name()).isEqualTo(MODULE);
        assertThat(descriptor().isAutomatic()).isFalse();
        assertThat(descriptor().isOpen()).isFalse();
    }

    @Test
    void exports_areExactlyTheApiAndSpiPackagesToEveryone_andTheInternalOnesOnlyToTheirUsers() {
        Map<String, Set<String>> internal = Map.of(
                "io.awssso.api.internal.io", Set.of("io.awssso.core", "io.awssso.stores"),
                "io.awssso.api.internal.text", Set.of("io.awssso.core", "io.awssso.cli"));
        assertThat(descriptor().exports()).filteredOn(e -> !e.isQualified()).extracting(Exports::source)
                .containsExactlyInAnyOrder("io.awssso.api", "io.awssso.api.spi");
        assertThat(descriptor().exports()).filteredOn(Exports::isQualified)
                .extracting(Exports::source).containsExactlyInAnyOrderElementsOf(internal.keySet());
        descriptor().exports().stream().filter(Exports::isQualified).forEach(e ->
                assertThat(e.targets()).as(e.source()).containsExactlyInAnyOrderElementsOf(internal.get(e.source())));
    }

    @Test
    void uses_theStoreAndLockSpis() {
        assertThat(descriptor().uses()).contains("io.awssso.api.spi.SecureStoreProvider",
                "io.awssso.api.spi.FileLocks");
    }

    @Test
    void requires_nothingButTheJdkBase() {
        // The contract carries no third-party types, so it needs no third-party module.
        assertThat(descriptor().requires()).extracting(Requires::name).containsExactly("java.base");
    }

    @Test
    void provides_nothing() {
        assertThat(descriptor().provides()).isEmpty();
    }
}
