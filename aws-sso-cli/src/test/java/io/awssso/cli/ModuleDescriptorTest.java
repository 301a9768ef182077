package io.awssso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Opens;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModuleDescriptorTest {
    private static final String MODULE = "io.awssso.cli";

    /** The compiled descriptor: from the running module, else from target/classes on the class path. */
    private static ModuleDescriptor descriptor() {
        Module module = Main.class.getModule();
        if (module.isNamed()) {
            return module.getDescriptor();
        }
        return ModuleFinder.of(Path.of("target", "classes")).find(MODULE)
                .orElseThrow(() -> new AssertionError("no module " + MODULE + " in target/classes"))
                .descriptor();
    }

    @Test
    void descriptor_isTheExplicitCliModule() {
        ModuleDescriptor descriptor = descriptor();

        assertThat(descriptor.name()).isEqualTo(MODULE);
        assertThat(descriptor.isAutomatic()).isFalse();
        assertThat(descriptor.packages()).contains("io.awssso.cli", "io.awssso.cli.command",
                "io.awssso.cli.options", "io.awssso.cli.internal");
    }

    @Test
    void exports_areNone() {
        assertThat(descriptor().exports()).extracting(Exports::source).isEmpty();
    }

    @Test
    void opens_areOnlyTheCommandAndOptionPackagesAndOnlyToPicocli() {
        assertThat(descriptor().opens()).extracting(Opens::source)
                .containsExactlyInAnyOrder("io.awssso.cli.command", "io.awssso.cli.options");
        assertThat(descriptor().opens()).allSatisfy(opens ->
                assertThat(opens.targets()).isEqualTo(Set.of("info.picocli")));
        assertThat(descriptor().isOpen()).isFalse();
    }

    @Test
    void requires_namesTheModulesOnlyAutomaticModulesUse() {
        // Automatic modules declare no requires, so without these the launcher would not resolve
        // SLF4J or jakarta.inject (see NOTES.md, "JPMS with this stack").
        assertThat(descriptor().requires()).extracting(Requires::name)
                .contains("io.awssso.core", "info.picocli", "org.slf4j", "jakarta.inject", "dagger")
                .doesNotContain("javax.inject");
    }

    @Test
    void provides_nothing() {
        assertThat(descriptor().provides()).isEmpty();
    }
}
