package io.awssso.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.core.RoleEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellSyntaxTest {
    private static final Map<String, String> SET = new LinkedHashMap<>();

    static {
        SET.put("A", "plain");
        SET.put("B", "q\"u$o`te\\'s");
    }

    private static final RoleEnvironment ENV = new RoleEnvironment(SET, List.of("C"));

    @Test
    void render_posix_doubleQuotedWithEscapes() {
        assertThat(ShellSyntax.POSIX.render(ENV))
                .isEqualTo("export A=\"plain\"\nexport B=\"q\\\"u\\$o\\`te\\\\'s\"\nunset C\n");
    }

    @Test
    void render_fish_setGlobalExported() {
        assertThat(ShellSyntax.FISH.render(ENV))
                .isEqualTo("set -gx A 'plain';\nset -gx B 'q\"u$o`te\\\\\\'s';\nset -e C;\n");
    }

    @Test
    void render_powershell_crlfAndNull() {
        assertThat(ShellSyntax.POWERSHELL.render(ENV))
                .isEqualTo("$Env:A = 'plain'\r\n$Env:B = 'q\"u$o`te\\''s'\r\n$Env:C = $null\r\n");
    }

    @Test
    void render_xonsh_delForUnset() {
        assertThat(ShellSyntax.XONSH.render(ENV)).endsWith("del $C\n").startsWith("$A = 'plain'\n");
    }

    @Test
    void detect_byShellNameAndXonsh() {
        assertThat(ShellSyntax.detect(Map.of("SHELL", "/usr/local/bin/zsh"), false)).contains(ShellSyntax.POSIX);
        assertThat(ShellSyntax.detect(Map.of("SHELL", "/usr/bin/fish"), false)).contains(ShellSyntax.FISH);
        assertThat(ShellSyntax.detect(Map.of("SHELL", "C:\\git\\bash.exe"), true)).contains(ShellSyntax.POSIX);
        assertThat(ShellSyntax.detect(Map.of(), true)).contains(ShellSyntax.POWERSHELL);
        assertThat(ShellSyntax.detect(Map.of("SHELL", "/bin/bash", "XONSH_VERSION", "1"), false))
                .contains(ShellSyntax.XONSH);
        assertThat(ShellSyntax.detect(Map.of("SHELL", "/bin/tcsh"), false)).isEmpty();
    }
}
