package io.awssso.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.awssso.dist.ThirdPartyLicenses.Component;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThirdPartyLicensesTest {
    private static final String BOM = """
            {"components":[
              {"group":"io.awssso","name":"aws-sso-core","version":"1.0"},
              {"group":"org.b","name":"lib-b","version":"2.0","licenses":[{"expression":"LGPL-2.1-or-later OR Apache-2.0"}]},
              {"group":"org.a","name":"lib-a","version":"1.0","licenses":[
                {"license":{"id":"Apache-2.0","url":"https://www.apache.org/licenses/LICENSE-2.0"}}]},
              {"group":"org.c","name":"lib-c","version":"3.0","licenses":[{"license":{"name":"The MIT License"}}]},
              {"group":"org.d","name":"lib-d","version":"4.0"}
            ]}""";

    @Test
    void components_leaveOurOwnOut_sortByCoordinates_andKeepEveryKindOfLicence() throws Exception {
        List<Component> components = ThirdPartyLicenses.components(new ObjectMapper().readTree(BOM));

        assertThat(components).extracting(Component::coordinates)
                .containsExactly("org.a:lib-a:1.0", "org.b:lib-b:2.0", "org.c:lib-c:3.0", "org.d:lib-d:4.0");
        assertThat(components.get(0).licenses()).containsExactly("Apache-2.0 <https://www.apache.org/licenses/LICENSE-2.0>");
        assertThat(components.get(1).licenses()).containsExactly("LGPL-2.1-or-later OR Apache-2.0");
        assertThat(components.get(2).licenses()).containsExactly("The MIT License");
        assertThat(components.get(3).licenses()).containsExactly("UNKNOWN (no licence in its POM)");
    }

    @Test
    void debianCopyright_namesEachJarItsLicence_andPointsAtTheRuntimesNotices() throws Exception {
        String copyright = ThirdPartyLicenses.debianCopyright(
                ThirdPartyLicenses.components(new ObjectMapper().readTree(BOM)));

        assertThat(copyright).startsWith("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n")
                .contains("Files: usr/lib/aws-sso/lib/lib-a-1.0.jar\nComment: org.a:lib-a:1.0\n")
                .contains("License: Apache-2.0\n Apache-2.0 <https://www.apache.org/licenses/LICENSE-2.0>\n")
                .contains("Files: usr/lib/aws-sso/runtime/*\n")
                .contains("/usr/lib/aws-sso/runtime/legal/")
                .doesNotContain("aws-sso-core-1.0.jar");
    }
}
