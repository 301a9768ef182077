package io.awssso.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Requires.Modifier;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What the emulator adds to the module descriptor (ModuleDescriptorTest checks the exports): its
 * engine package is inside the module, and JUnit is optional for users of the module.
 */
class TestkitModuleTest {

    private static ModuleDescriptor descriptor() throws Exception {
        Path classes = Path.of(IdentityCenterEmulator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return ModuleFinder.of(classes).find("io.awssso.testkit").orElseThrow().descriptor();
    }

    @Test
    void packages_emulatorEngine_containedButNotExported() throws Exception {
        assertThat(descriptor().packages()).contains("io.awssso.testkit.internal.emulator");
        assertThat(descriptor().exports()).noneMatch(e -> e.source().contains(".internal"));
    }

    @Test
    void requires_junit_onlyStatically() throws Exception {
        assertThat(descriptor().requires()).filteredOn(r -> r.name().equals("org.junit.jupiter.api"))
                .singleElement().satisfies(r -> assertThat(r.modifiers()).contains(Modifier.STATIC));
        assertThat(descriptor().requires()).filteredOn(r -> r.name().equals("jdk.httpserver"))
                .singleElement().satisfies(r -> assertThat(r.modifiers()).doesNotContain(Modifier.STATIC));
    }
}
