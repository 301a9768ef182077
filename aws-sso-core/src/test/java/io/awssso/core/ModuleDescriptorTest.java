package io.awssso.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModuleDescriptorTest {
    private static final String MODULE = "io.awssso.core";

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
    void descriptor_isTheExplicitCoreModule() {
        assertThat(descriptor().name()).isEqualTo(MODULE);
        assertThat(descriptor().isAutomatic()).isFalse();
        assertThat(descriptor().isOpen()).isFalse();
    }

    @Test
    void exports_areExactlyTheFacadePackageToEveryone() {
        // The engine lives in io.awssso.core.internal.*, which must never be exported.
        assertThat(descriptor().exports()).extracting(Exports::source).containsExactly("io.awssso.core");
        assertThat(descriptor().exports()).noneMatch(Exports::isQualified);
    }

    @Test
    void requires_theApiTransitively() {
        // Callers of the facade see API types in its signatures, so they must read io.awssso.api.
        assertThat(descriptor().requires())
                .filteredOn(requires -> requires.name().equals("io.awssso.api"))
                .singleElement()
                .satisfies(requires -> assertThat(requires.modifiers()).contains(Requires.Modifier.TRANSITIVE));
    }

    @Test
    void provides_onlyTheCrossProcessFileLocks() {
        assertThat(descriptor().provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo("io.awssso.api.spi.FileLocks");
            assertThat(p.providers()).containsExactly("io.awssso.core.internal.lock.CrossProcessFileLocks");
        });
    }

    @Test
    void requires_theSdkTypesOfTheProviderTransitively() {
        // AwsSsoCredentialsProvider is an AwsCredentialsProvider and an SdkAutoCloseable
        assertThat(descriptor().requires()).filteredOn(r -> r.modifiers().contains(Requires.Modifier.TRANSITIVE))
                .extracting(Requires::name).contains("software.amazon.awssdk.auth", "software.amazon.awssdk.utils");
    }

    @Test
    void uses_exactlyTheStoreAndProfileNamerSpis() {
        // ServiceLoader finds implementations on the module path only for services the module uses.
        assertThat(descriptor().uses()).containsExactlyInAnyOrder("io.awssso.api.spi.SecureStoreProvider",
                "io.awssso.api.spi.ProfileNamerFactory");
    }
}
