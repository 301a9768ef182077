package io.awssso.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.core.RoleEnvironment;
import java.util.ArrayList;
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
    private final List<String> RENDER_WARNINGS = new ArrayList<>();

    /** Values that once broke out of a shell's quoting or made its output unreadable. */
    static final List<String> HOSTILE = List.of("c\u2019; New-Item x; \u2019", "c\u2018; New-Item x; \u2018",
            "c\u201a; New-Item x; \u201b", "it''s", "line\nbreak", "cr\r\nlf", "\u001b]0;t\u0007", "\u009b",
            "tab\t", "$(touch x) `touch x` ; * \\ \\' '\"", "\u202e\u2028", "\n", "", "\uD83D\uDE80");

    @Test
    void render_posix_doubleQuotedWithEscapes() {
        assertThat(ShellSyntax.POSIX.render(ENV, RENDER_WARNINGS::add))
                .isEqualTo("export A=\"plain\"\nexport B=\"q\\\"u\\$o\\`te\\\\'s\"\nunset C\n");
    }

    @Test
    void render_fish_setGlobalExported() {
        assertThat(ShellSyntax.FISH.render(ENV, RENDER_WARNINGS::add))
                .isEqualTo("set -gx A 'plain';\nset -gx B 'q\"u$o`te\\\\\\'s';\nset -e C;\n");
    }

    @Test
    void render_powershell_crlfAndNull() {
        assertThat(ShellSyntax.POWERSHELL.render(ENV, RENDER_WARNINGS::add))
                .isEqualTo("$Env:A = 'plain'\r\n$Env:B = 'q\"u$o`te\\''s'\r\n$Env:C = $null\r\n");
    }

    @Test
    void render_xonsh_delForUnset() {
        assertThat(ShellSyntax.XONSH.render(ENV, RENDER_WARNINGS::add)).endsWith("del $C\n").startsWith("$A = 'plain'\n");
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

    @Test
    void render_powershell_doublesEveryCharacterPowerShellEndsASingleQuotedStringAt() {
        // PowerShell's grammar: a single-quote-character is ' or U+2018..U+201B (see PowerShellVerbatim)
        for (String value : HOSTILE) {
            String statement = ShellSyntax.POWERSHELL.render(new RoleEnvironment(Map.of("K", value), List.of()),
                    RENDER_WARNINGS::add);

            assertThat(statement).as("%s", value).endsWith("\r\n");
            String line = statement.substring(0, statement.length() - 2);
            assertThat(line).as("one line for iex").doesNotContain("\n").doesNotContain("\r");
            assertThat(PowerShellVerbatim.assignedValue(line, "K")).as("%s", line).isEqualTo(value);
        }
        assertThat(RENDER_WARNINGS).isEmpty();
    }

    @Test
    void render_xonsh_lineBreakInATag_staysOneLineAndRoundTrips() {
        String out = ShellSyntax.XONSH.render(new RoleEnvironment(Map.of("AWS_SSO_TAG_X", "a\nb\r'\\"),
                List.of()), RENDER_WARNINGS::add);

        assertThat(out).isEqualTo("$AWS_SSO_TAG_X = 'a\\nb\\r\\'\\\\'\n");
    }

    @Test
    void render_nulOrUnpairedSurrogateOrBadName_leftOutWithAWarningNamingOnlyTheVariable() {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("GOOD", "ok");
        set.put("NUL", "secret\u0000value");
        set.put("HALF", "x\uD800");
        set.put("BAD;NAME", "v");
        for (ShellSyntax syntax : ShellSyntax.values()) {
            List<String> warnings = new ArrayList<>();

            String out = syntax.render(new RoleEnvironment(set, List.of("ALSO;BAD")), warnings::add);

            assertThat(out).as("%s", syntax).contains("GOOD").doesNotContain("NUL").doesNotContain("HALF")
                    .doesNotContain("BAD");
            assertThat(warnings).hasSize(4).anyMatch(w -> w.contains("NUL") && w.contains("NUL character"))
                    .anyMatch(w -> w.contains("HALF")).anyMatch(w -> w.contains("BAD;NAME"))
                    .anyMatch(w -> w.contains("ALSO;BAD")).noneMatch(w -> w.contains("secret"));
        }
    }
}
