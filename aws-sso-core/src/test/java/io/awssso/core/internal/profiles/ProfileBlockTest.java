package io.awssso.core.internal.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.ConfigurationException;
import io.awssso.api.RoleArn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileBlockTest {
    private static final RoleArn ADMIN = RoleArn.parse("arn:aws:iam::012345678901:role/AdministratorAccess");
    private static final RoleArn READ = RoleArn.parse("arn:aws:iam::000000000002:role/ReadOnly");

    @TempDir
    Path dir;

    @Test
    void lines_twoRoles_sortedProfilesWithOnlyCredentialProcessRegionAndVariables() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("output", "json");
        ProfileBlock block = new ProfileBlock("Default", "/opt/aws-sso/aws-sso", vars);

        List<String> lines = block.lines(List.of(new ProfileEntry("prod:Admin", ADMIN, "eu-west-1"),
                new ProfileEntry("dev:Read", READ, "")));

        assertThat(lines).containsExactly(
                "# BEGIN_AWS_SSO_CLI",
                "",
                "[profile dev:Read]",
                "credential_process = /opt/aws-sso/aws-sso -S \"Default\" process --arn "
                        + "arn:aws:iam::000000000002:role/ReadOnly",
                "output = json",
                "",
                "[profile prod:Admin]",
                "credential_process = /opt/aws-sso/aws-sso -S \"Default\" process --arn "
                        + "arn:aws:iam::012345678901:role/AdministratorAccess",
                "region = eu-west-1",
                "output = json",
                "",
                "# END_AWS_SSO_CLI");
        assertThat(lines).noneMatch(l -> l.startsWith("sso_"));
    }

    @Test
    void lines_nonDefaultInstance_markersCarryItsName() {
        List<String> lines = new ProfileBlock("Sandbox", "aws-sso", Map.of()).lines(List.of());

        assertThat(lines).containsExactly("# BEGIN_AWS_SSO_CLI_Sandbox", "", "# END_AWS_SSO_CLI_Sandbox");
    }

    @Test
    void lines_duplicateProfileName_isAnErrorNamingBothRoles() {
        ProfileBlock block = new ProfileBlock("Default", "aws-sso", Map.of());

        assertThatThrownBy(() -> block.lines(List.of(new ProfileEntry("same", ADMIN, ""),
                new ProfileEntry("same", READ, ""))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("duplicate profile name 'same'")
                .hasMessageContaining(ADMIN.toString()).hasMessageContaining(READ.toString());
    }

    @Test
    void writable_badNamesAmongGoodOnes_leavesOutOnlyTheBadWithEscapedWarnings() {
        ProfileBlock block = new ProfileBlock("Default", "aws-sso", Map.of());
        RoleArn broken = RoleArn.of(ADMIN.accountId(), "Bad\nRole");
        List<String> warnings = new ArrayList<>();

        List<ProfileEntry> kept = block.writable(List.of(new ProfileEntry("prod:Admin", ADMIN, ""),
                new ProfileEntry("prod:Bad\nRole", broken, ""),
                new ProfileEntry("fine-name", broken, ""),
                new ProfileEntry("a]b", READ, ""), new ProfileEntry("a b", READ, ""),
                new ProfileEntry("a;b", READ, ""), new ProfileEntry("\u001b]0;x\u0007", READ, ""),
                new ProfileEntry("$(x)`y`*:Z\u00fc\uD83D\uDE80", READ, "")), warnings::add);

        assertThat(kept).extracting(ProfileEntry::name).containsExactly("prod:Admin", "$(x)`y`*:Z\u00fc\uD83D\uDE80");
        assertThat(warnings).hasSize(6).allMatch(w -> w.codePoints().noneMatch(c -> c < 0x20))
                .anyMatch(w -> w.contains("'prod:Bad\\nRole'")).anyMatch(w -> w.contains("'\\e]0;x\\x07'"))
                .anyMatch(w -> w.startsWith("skipping the profile 'fine-name'") && w.contains("control character"));
    }

    @Test
    void credentialProcess_blankThenHashOrSemicolonInARoleName_isNotCutAsAComment() throws Exception {
        // the AWS SDK for Java ends a value at " #" or " ;"; sh and shlex must still see the whole ARN
        RoleArn odd = RoleArn.of(ADMIN.accountId(), "a #b ;c\t#d");
        String line = new ProfileBlock("Default", "/bin/echo", Map.of()).credentialProcess(odd);

        assertThat(line).doesNotContain(" #").doesNotContain(" ;").doesNotContain("\t#");
        assertThat(run(List.of("/bin/sh", "-c", line))).endsWith(" " + odd + "\n");
        assertThat(run(List.of("python3", "-c",
                "import shlex, subprocess, sys; subprocess.run(shlex.split(sys.argv[1]), check=True)", line)))
                .endsWith(" " + odd + "\n");
    }

    @Test
    void create_configVariableWithSsoKey_isRefused() {
        assertThatThrownBy(() -> new ProfileBlock("Default", "aws-sso", Map.of("sso_region", "us-east-1")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("credential_process");
    }

    /**
     * The same credential_process line, run by {@code sh -c} (the Java SDK) and split by Python's
     * shlex without a shell (botocore), reaches the program with the same arguments, even with a
     * program path and instance name full of characters the two treat differently.
     */
    @Test
    void credentialProcess_awkwardPathAndName_shAndShlexRunTheSameArguments() throws Exception {
        Path awkward = Files.createDirectories(dir.resolve("my tools/it's $HOME `x` \"q\" \\b"));
        Path program = awkward.resolve("aws sso");
        Files.writeString(program, "#!/bin/sh\nfor a in \"$@\"; do printf '<%s>\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        String sso = "My $SSO \"x\"";
        String line = new ProfileBlock(sso, program.toString(), Map.of()).credentialProcess(ADMIN);
        String expected = "<-S>\n<" + sso + ">\n<process>\n<--arn>\n<" + ADMIN + ">\n";

        String viaShell = run(List.of("/bin/sh", "-c", line));
        String viaShlex = run(List.of("python3", "-c",
                "import shlex, subprocess, sys; subprocess.run(shlex.split(sys.argv[1]), check=True)", line));

        assertThat(viaShell).isEqualTo(expected);
        assertThat(viaShlex).isEqualTo(expected);
    }

    @Test
    void credentialProcess_plainValues_lookLikeAwsSsoClis() {
        String line = new ProfileBlock("Default", "/usr/local/bin/aws-sso", Map.of()).credentialProcess(ADMIN);

        assertThat(line).isEqualTo("/usr/local/bin/aws-sso -S \"Default\" process --arn " + ADMIN);
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
