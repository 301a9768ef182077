package io.awssso.core.internal.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
    private static final Path HOME = Path.of("/home/tester");

    @Test
    void get_setUnsetAndEmpty_emptyCountsAsUnset() {
        Environment env = Environment.of(Map.of("A", "1", "EMPTY", ""), HOME);

        assertThat(env.get("A")).contains("1");
        assertThat(env.get("EMPTY")).isEmpty();
        assertThat(env.get("MISSING")).isEmpty();
    }

    @Test
    void variables_areEveryVariableAndUnmodifiable() {
        Environment env = Environment.of(Map.of("A", "1", "EMPTY", ""), HOME);

        assertThat(env.variables()).containsOnly(Map.entry("A", "1"), Map.entry("EMPTY", ""));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> env.variables().put("B", "2"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void expandTilde_leadingTildeOnly_isTheHome() {
        Environment env = Environment.of(Map.of(), HOME);

        assertThat(env.expandTilde("~")).isEqualTo("/home/tester");
        assertThat(env.expandTilde("~/a/b")).isEqualTo("/home/tester/a/b");
        assertThat(env.expandTilde("~/")).isEqualTo("/home/tester");
        assertThat(env.expandTilde("~bob/x")).isEqualTo("~bob/x");
        assertThat(env.expandTilde("/x/~/y")).isEqualTo("/x/~/y");
        assertThat(env.expandTilde("relative")).isEqualTo("relative");
        assertThat(env.expandPath("~/c")).isEqualTo(HOME.resolve("c"));
    }

    @Test
    void isRemoteHost_sshOrWsl_isRemote() {
        assertThat(Environment.of(Map.of(), HOME).isRemoteHost()).isFalse();
        assertThat(Environment.of(Map.of("SSH_TTY", "/dev/pts/0"), HOME).isRemoteHost()).isTrue();
        assertThat(Environment.of(Map.of("SSH_CONNECTION", "1 2 3 4"), HOME).isRemoteHost())
                .isTrue();
        assertThat(Environment.of(Map.of("WSL_DISTRO_NAME", "Ubuntu"), HOME).isRemoteHost())
                .isTrue();
        assertThat(Environment.of(Map.of("SSH_TTY", ""), HOME).isRemoteHost()).isFalse();
    }

    @Test
    void osName_windowsAndMac_areRecognised() {
        assertThat(Environment.of(Map.of(), HOME, "Windows 11").isWindows()).isTrue();
        assertThat(Environment.of(Map.of(), HOME, "Mac OS X").isMacOs()).isTrue();
        assertThat(Environment.of(Map.of(), HOME).isWindows()).isFalse();
        assertThat(Environment.of(Map.of(), HOME).isMacOs()).isFalse();
    }

    @Test
    void toString_secretValues_areNotPrinted() {
        Environment env = Environment.of(Map.of("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI"), HOME);

        assertThat(env.toString()).doesNotContain("wJalrXUtnFEMI").doesNotContain("AWS_SECRET");
    }

    @Test
    void system_homeFollowsTheHomeVariableOrUserHome() {
        Environment env = Environment.system();

        String expected = System.getenv("HOME") == null || System.getenv("HOME").isBlank()
                ? System.getProperty("user.home") : System.getenv("HOME");
        assertThat(env.home()).isEqualTo(Path.of(expected));
    }
}
