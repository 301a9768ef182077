package io.awssso.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.core.RoleEnvironment;
import io.awssso.testkit.HostileDirectory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code eval} prints, sourced by the real bash, zsh, fish and xonsh: afterwards the shell's
 * environment (read back with {@code env -0} as a child process) holds every value byte for byte,
 * no payload ran (the canary file does not exist), and only the values no variable can hold
 * (a NUL) were refused. PowerShell is checked against its grammar in {@link ShellSyntaxTest}.
 */
class ShellSyntaxRoundTripIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish", "xonsh"})
    void render_hostileValues_sourcedInTheRealShell_roundTripByteForByte(String shell) throws Exception {
        HostileDirectory hostile = HostileDirectory.withCanary(dir.resolve("pwned"));
        Map<String, String> set = new LinkedHashMap<>();
        List<String> strings = hostile.strings();
        for (int i = 0; i < strings.size(); i++) {
            set.put(String.format("AWS_SSO_TAG_H%02d", i), strings.get(i));
        }
        set.put("AWS_SSO_TAG_EMPTY", "");
        ShellSyntax syntax = switch (shell) {
            case "fish" -> ShellSyntax.FISH;
            case "xonsh" -> ShellSyntax.XONSH;
            default -> ShellSyntax.POSIX;
        };
        List<String> refused = new ArrayList<>();
        Path script = dir.resolve("eval." + shell);
        Files.writeString(script, syntax.render(new RoleEnvironment(set, List.of()), refused::add));

        Map<String, String> env = environmentAfterSourcing(shell, script);

        for (Map.Entry<String, String> e : set.entrySet()) {
            if (e.getValue().indexOf('\0') >= 0) {
                assertThat(env).as("%s holds a NUL", e.getKey()).doesNotContainKey(e.getKey());
            } else {
                assertThat(env.get(e.getKey())).as("%s in %s", e.getKey(), shell).isEqualTo(e.getValue());
            }
        }
        assertThat(refused).hasSize((int) strings.stream().filter(s -> s.indexOf('\0') >= 0).count());
        assertThat(hostile.canary()).doesNotExist();
    }

    private Map<String, String> environmentAfterSourcing(String shell, Path script) throws Exception {
        String s = script.toString();
        List<String> command = switch (shell) {
            case "bash" -> List.of("bash", "--noprofile", "--norc", "-c", "eval \"$(cat '" + s + "')\" && env -0");
            case "zsh" -> List.of("zsh", "-f", "-c", "eval \"$(cat '" + s + "')\" && env -0");
            case "fish" -> List.of("fish", "--no-config", "-c", "cat '" + s + "' | source; and env -0");
            case "xonsh" -> List.of("xonsh", "--no-rc", "-c", "execx($(cat '" + s + "'))\nenv -0");
            default -> throw new IllegalArgumentException(shell);
        };
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Path err = dir.resolve(shell + ".err");
        pb.redirectError(err.toFile());
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", shell, Files.readString(err)).isZero();
        Map<String, String> env = new HashMap<>();
        for (String entry : out.toString(StandardCharsets.UTF_8).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }
}
