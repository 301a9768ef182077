package io.awssso.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModuleDescriptorTest {
    private static final String MODULE = "io.awssso.testkit";

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
    void descriptor_isTheExplicitTestkitModule() {
        assertThat(descriptor().name()).isEqualTo(MODULE);
        assertThat(descriptor().isAutomatic()).isFalse();
        assertThat(descriptor().isOpen()).isFalse();
    }

    @Test
    void exports_areExactlyTheTestkitPackageToEveryone() {
        // The emulator's engine lives in io.awssso.testkit.internal.*, which must never be exported.
        assertThat(descriptor().exports()).extracting(Exports::source).containsExactly("io.awssso.testkit");
        assertThat(descriptor().exports()).noneMatch(Exports::isQualified);
    }

    @Test
    void provides_nothing() {
        assertThat(descriptor().provides()).isEmpty();
    }
}
