package io.awssso.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awssso.cli.e2e.CliHarness.Result;
import io.awssso.testkit.HostileDirectory;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every output path of {@code ./aws-sso} against an Identity Center that serves a
 * {@link HostileDirectory}: account names, e-mails and role names (and config tags) built to run
 * code in a shell, to inject rows and INI sections, and to reprogram the terminal. After each
 * test the canary file must not exist (nothing ran a payload); tables and listings have exactly
 * one line per role and no raw control character; JSON gives every string back byte for byte;
 * {@code eval} sourced by bash, zsh, fish and xonsh leaves the same environment that
 * {@code exec} gives its command; {@code setup profiles} writes exactly the expected profiles
 * with exactly the expected keys, as botocore and the AWS SDK for Java read them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileDirectoryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIRST = HostileDirectory.FIRST_ACCOUNT_ID;
    private static final String PLAIN_ARN = "arn:aws:iam::" + FIRST + ":role/" + HostileDirectory.PLAIN_ROLE;
    /** The Java SDK's profile-name rule; names outside it are ignored by that SDK (with its own warning). */
    private static final Pattern JAVA_SDK_NAME = Pattern.compile("[A-Za-z0-9_\\-/.%@:+]+");

    private CliHarness h;
    private HostileDirectory hostile;
    private Path dir;
    /** The cached roles as list --output json gives them: Profile, Arn, AccountName, RoleName. */
    private List<Map<String, String>> roles;

    @BeforeAll
    void loginToAHostileDirectory() throws Exception {
        dir = Files.createTempDirectory("hostile-e2e");
        hostile = HostileDirectory.withCanary(dir.resolve("pwned"));
        h = CliHarness.start(b -> b.hostileDirectory(hostile));
        h.env("AWS_SSO_FEDERATION_URL", h.emulator().endpoint() + "/federation");
        StringBuilder tags = new StringBuilder();
        List<String> envVarTags = new ArrayList<>();
        hostile.tags().forEach((k, v) -> {
            if (k.length() < 1000) { // YAML's limit for a plain mapping key
                tags.append("          ").append(yaml(k)).append(": ").append(yaml(v)).append('\n');
                envVarTags.add(yaml(k));
            }
        });
        h.writeConfig(h.instanceBlock("Default")
                + "    Accounts:\n"
                + "      \"" + FIRST + "\":\n"
                + "        Tags:\n" + tags
                + h.commonSettings()
                + "EnvVarTags: [" + String.join(", ", envVarTags) + "]\n");
        Result login = h.run("login");
        assertThat(login.exitCode()).as("%s", login).isZero();
        Result list = h.run("list", "--output", "json", "Profile", "Arn", "AccountAlias", "RoleName", "AccountId");
        assertThat(list.exitCode()).as("%s", list).isZero();
        roles = new ArrayList<>();
        for (JsonNode row : JSON.readTree(list.out())) {
            Map<String, String> r = new LinkedHashMap<>();
            row.properties().forEach(e -> r.put(e.getKey(), e.getValue().asText()));
            roles.add(r);
        }
    }

    @AfterEach
    void nothingRan() {
        assertThat(hostile.canary()).as("a hostile payload ran").doesNotExist();
    }

    @AfterAll
    void stop() throws Exception {
        h.close();
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A YAML double-quoted scalar holding exactly {@code s}. */
    static String yaml(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                b.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x2000 && c <= 0x206f)) {
                b.append(String.format("\\u%04X", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append('"').toString();
    }

    /** Fails on any character a terminal acts on; only line feeds end lines. */
    static void assertNoRawControls(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || c == 0x200e || c == 0x200f
                    || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            assertThat(control).as("%s holds a raw U+%04X at %d", what, (int) c, i).isFalse();
        }
    }

    private Result run(String... args) throws Exception {
        Result r = h.run(args);
        assertNoRawControls("stdout of " + String.join(" ", args), r.out());
        assertNoRawControls("stderr of " + String.join(" ", args), r.err());
        return r;
    }

    @Test
    void directory_isServedWhole() {
        assertThat(roles).extracting(r -> r.get("AccountAlias")).containsAll(hostile.strings());
        assertThat(roles).extracting(r -> r.get("RoleName")).containsAll(hostile.roleNames());
    }

    @Test
    void listTable_oneLinePerRole_noRawControls() throws Exception {
        Result r = run("list", "AccountIdPad", "AccountAlias", "RoleName", "EmailAddress", "Profile");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out().lines().count()).isEqualTo(2 + roles.size());
        assertThat(r.out().lines().skip(2)).allMatch(l -> l.startsWith("0000000666"));
    }

    @Test
    void listCsv_oneRfc4180RecordPerRole_withEveryField() throws Exception {
        Result r = run("list", "--csv", "AccountIdPad", "AccountAlias", "RoleName");

        assertThat(r.exitCode()).as("%s", r).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(roles.size());
        for (String line : lines) {
            assertThat(csvFields(line)).as(line).hasSize(3).first().asString().startsWith("0000000666");
        }
    }

    /** Splits one RFC 4180 record (no line breaks inside: they are escaped). */
    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"' && f.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                assertThat(c).as("a bare quote in %s", line).isNotEqualTo('"');
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields;
    }

    @Test
    void listJson_givesEveryStringBackByteForByte() throws Exception {
        Result r = run("list", "--output", "json", "AccountAlias", "EmailAddress", "RoleName");

        assertThat(r.exitCode()).as("%s", r).isZero();
        Set<String> names = new TreeSet<>();
        Set<String> emails = new TreeSet<>();
        for (JsonNode row : JSON.readTree(r.out())) {
            names.add(row.path("AccountAlias").asText());
            emails.add(row.path("EmailAddress").asText());
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(new TreeSet<>(hostile.strings()));
        assertThat(emails).containsExactlyInAnyOrderElementsOf(new TreeSet<>(hostile.strings()));
    }

    @Test
    void tags_plainAndJson_noRawControls_andJsonRoundTrips() throws Exception {
        Result plain = run("tags", "-A", FIRST, "-R", HostileDirectory.PLAIN_ROLE);
        Result json = run("tags", "-A", FIRST, "-R", HostileDirectory.PLAIN_ROLE, "--output", "json");

        assertThat(plain.exitCode()).as("%s", plain).isZero();
        List<String> lines = plain.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(PLAIN_ARN);
        assertThat(lines.subList(1, lines.size() - 1)).allMatch(l -> l.startsWith("  "));
        assertThat(lines.get(lines.size() - 1)).isEmpty();
        JsonNode got = JSON.readTree(json.out()).get(0).path("Tags");
        hostile.tags().forEach((k, v) -> {
            if (k.length() < 1000) {
                assertThat(got.path(k).asText()).as("tag %s", k).isEqualTo(v);
            }
        });
    }

    /** The AWS_* variables {@code exec} gives its command: the reference for eval. */
    private Map<String, String> execEnvironment(String arn) throws Exception {
        Result r = h.run("exec", "--arn", arn, "--", "python3", "-c",
                "import os, json; print(json.dumps({k: v for k, v in os.environ.items() if k.startswith('AWS_')}))");
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertNoRawControls("stderr of exec", r.err());
        Map<String, String> env = new TreeMap<>();
        JSON.readTree(r.out()).properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    @Test
    void exec_hostileTagsAndNames_reachTheCommandByteForByte() throws Exception {
        Map<String, String> env = execEnvironment(PLAIN_ARN);

        assertThat(env.get("AWS_SSO_ROLE_ARN")).isEqualTo(PLAIN_ARN);
        assertThat(env.get("AWS_SSO_PROFILE")).isEqualTo(profileOf(PLAIN_ARN));
        List<String> strings = hostile.strings();
        for (int i = 0; i < strings.size(); i++) {
            if (strings.get(i).indexOf('\0') < 0) {
                assertThat(env.get(String.format("AWS_SSO_TAG_H%02d", i))).isEqualTo(strings.get(i));
            }
        }
    }

    private String profileOf(String arn) {
        return roles.stream().filter(r -> r.get("Arn").equals(arn)).findFirst().orElseThrow().get("Profile");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish", "xonsh"})
    void eval_sourcedInTheRealShell_leavesExactlyExecsEnvironment(String shell) throws Exception {
        for (String role : List.of(HostileDirectory.PLAIN_ROLE, hostile.roleNames().get(0),
                hostile.roleNames().get(hostile.roleNames().size() - 1))) {
            String arn = "arn:aws:iam::" + FIRST + ":role/" + role;
            Map<String, String> expected = execEnvironment(arn);

            Map<String, String> got = sourced(shell, arn);

            assertThat(got).as("%s, role %s", shell, role).isEqualTo(expected);
        }
    }

    private Map<String, String> sourced(String shell, String arn) throws Exception {
        String exe = CliHarness.ROOT.resolve("aws-sso").toString();
        Path arnFile = dir.resolve("arn");
        Files.writeString(arnFile, arn);
        String dump = "python3 -c \"import os, json; print(json.dumps({k: v for k, v in os.environ.items()"
                + " if k.startswith('AWS_')}))\"";
        String a = "\"$(cat " + arnFile + ")\"";
        List<String> command = switch (shell) {
            case "bash" -> List.of("bash", "--noprofile", "--norc", "-c",
                    "eval \"$(" + exe + " eval --arn " + a + ")\" && " + dump);
            case "zsh" -> List.of("zsh", "-f", "-c", "eval \"$(" + exe + " eval --arn " + a + ")\" && " + dump);
            case "fish" -> List.of("fish", "--no-config", "-c",
                    exe + " eval --arn (cat " + arnFile + " | string collect) | source; and " + dump);
            case "xonsh" -> List.of("xonsh", "--no-rc", "-c",
                    "execx($(" + exe + " eval --arn @($(cat " + arnFile + "))))\n" + dump);
            default -> throw new IllegalArgumentException(shell);
        };
        ProcessBuilder pb = new ProcessBuilder(command).directory(h.home().toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.putAll(h.environment());
        env.put("AWS_SSO_NO_BUILD", "1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("SHELL", "/usr/bin/" + shell);
        if (shell.equals("xonsh")) {
            env.put("XONSH_VERSION", "test"); // what xonsh sets for its children; eval detects xonsh by it
        }
        env.put("LANG", "C.UTF-8");
        Path err = dir.resolve(shell + ".err");
        Process p = pb.redirectError(err.toFile()).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String errText = Files.readString(err);
        Files.delete(err);
        assertThat(p.exitValue()).as("%s: %s", shell, errText).isZero();
        assertNoRawControls("stderr of eval in " + shell, errText);
        Map<String, String> vars = new TreeMap<>();
        JSON.readTree(out.toString(StandardCharsets.UTF_8)).properties()
                .forEach(e -> vars.put(e.getKey(), e.getValue().asText()));
        return vars;
    }

    @Test
    void credentials_profileNameThatWouldBreakTheFile_isRefused_othersWrittenAsOneSection() throws Exception {
        String fine = profileOf(PLAIN_ARN); // $(touch...) without blanks: harmless in a section name
        String broken = profileOf("arn:aws:iam::000000066602:role/" + HostileDirectory.PLAIN_ROLE); // holds ; and #
        Path fineFile = dir.resolve("credentials-fine");
        Path brokenFile = dir.resolve("credentials-broken");

        Result ok = run("credentials", "-p", fine, "-f", fineFile.toString());
        Result refused = run("credentials", "-p", broken, "-f", brokenFile.toString());

        assertThat(ok.exitCode()).as("%s", ok).isZero();
        assertThat(Files.readString(fineFile)).startsWith("[" + fine + "]\n").hasLineCount(6);
        assertThat(refused.exitCode()).as("%s", refused).isNotZero();
        assertThat(refused.err()).contains("error:").contains("cannot");
        assertThat(brokenFile).doesNotExist();
        Files.delete(fineFile);
    }

    @Test
    void setupProfiles_botocoreAndJavaSdk_readExactlyTheExpectedProfilesAndKeys() throws Exception {
        Result r = run("setup", "profiles", "--force");
        assertThat(r.exitCode()).as("%s", r).isZero();

        Map<String, String> expected = new TreeMap<>(); // profile -> ARN
        for (Map<String, String> role : roles) {
            String p = role.get("Profile");
            boolean writable = !p.isEmpty() && p.codePoints().noneMatch(c -> Character.isWhitespace(c)
                    || Character.isSpaceChar(c) || Character.getType(c) == Character.CONTROL
                    || Character.getType(c) == Character.FORMAT || "[]#;'\"\\".indexOf(c) >= 0)
                    && role.get("Arn").codePoints().noneMatch(c -> Character.getType(c) == Character.CONTROL
                    || Character.getType(c) == Character.FORMAT || c == 0x2028 || c == 0x2029);
            if (writable) {
                expected.put(p, role.get("Arn"));
            } else {
                assertThat(r.err()).contains("skipping the profile");
            }
        }
        assertThat(expected).isNotEmpty();

        Map<String, Map<String, String>> boto = botocoreProfiles();
        assertThat(boto.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<String, Map<String, String>> p : boto.entrySet()) {
            assertThat(p.getValue()).as(p.getKey()).containsOnlyKeys("credential_process", "region")
                    .containsEntry("region", "us-east-1");
            assertThat(shlexLast(p.getValue().get("credential_process"))).as(p.getKey())
                    .isEqualTo(expected.get(p.getKey()));
        }

        Map<String, Map<String, String>> java = javaSdkProfiles();
        Map<String, Map<String, String>> javaExpected = new TreeMap<>();
        boto.forEach((name, keys) -> {
            if (JAVA_SDK_NAME.matcher(name).matches()) {
                javaExpected.put(name, keys);
            }
        });
        assertThat(java).isEqualTo(javaExpected);
    }

    private String shlexLast(String commandLine) throws Exception {
        return runJson(List.of("python3", "-c", "import json, shlex, sys; print(json.dumps(shlex.split(sys.argv[1])[-1]))",
                commandLine)).asText();
    }

    private Map<String, Map<String, String>> botocoreProfiles() throws Exception {
        JsonNode profiles = runJson(List.of("python3", "-c", "import json, botocore.session\n"
                + "p = botocore.session.Session().full_config['profiles']\n"
                + "print(json.dumps(p))\n"));
        return nested(profiles);
    }

    private Map<String, Map<String, String>> javaSdkProfiles() throws Exception {
        Path check = dir.resolve("Profiles.java");
        Files.writeString(check, "import software.amazon.awssdk.profiles.*;\n"
                + "public class Profiles { public static void main(String[] a) {\n"
                + "  ProfileFile f = ProfileFile.builder().content(java.nio.file.Path.of(a[0]))"
                + ".type(ProfileFile.Type.CONFIGURATION).build();\n"
                + "  StringBuilder b = new StringBuilder(\"{\");\n"
                + "  f.profiles().forEach((n, p) -> { if (b.length() > 1) b.append(','); b.append(q(n)).append(\":{\");\n"
                + "    final boolean[] first = {true};\n"
                + "    p.properties().forEach((k, v) -> { if (!first[0]) b.append(','); first[0] = false;"
                + " b.append(q(k)).append(':').append(q(v)); }); b.append('}'); });\n"
                + "  System.out.println(b.append('}')); }\n"
                + "  static String q(String s) { StringBuilder b = new StringBuilder(\"\\\"\");"
                + " for (char c : s.toCharArray()) { if (c == '\"' || c == '\\\\') b.append('\\\\');"
                + " if (c < 0x20) b.append(String.format(\"\\\\u%04x\", (int) c)); else b.append(c); }"
                + " return b.append('\"').toString(); } }\n");
        JsonNode profiles = runJson(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", CliHarness.ROOT.resolve("aws-sso-cli/target/lib") + "/*", check.toString(),
                h.home().resolve(".aws/config").toString()));
        Files.delete(check);
        return nested(profiles);
    }

    private static Map<String, Map<String, String>> nested(JsonNode profiles) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        profiles.properties().forEach(p -> {
            Map<String, String> keys = new TreeMap<>();
            p.getValue().properties().forEach(k -> keys.put(k.getKey(), k.getValue().asText()));
            out.put(p.getKey(), keys);
        });
        return out;
    }

    private JsonNode runJson(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(h.home().toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().putAll(h.environment());
        Path err = dir.resolve("client.err");
        Process p = pb.redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String errText = Files.readString(err);
        Files.delete(err);
        assertThat(p.exitValue()).as("%s\n%s", out, errText).isZero();
        return JSON.readTree(out);
    }

    @Test
    void console_hostileRole_urlIsOneInertLine() throws Exception {
        for (String role : List.of(HostileDirectory.PLAIN_ROLE, hostile.roleNames().get(0))) {
            Result r = run("console", "--arn", "arn:aws:iam::" + FIRST + ":role/" + role, "-u", "print");

            assertThat(r.exitCode()).as("%s", r).isZero();
            String url = (r.out() + r.err()).lines().filter(l -> l.contains("http")).findFirst().orElseThrow();
            URI uri = URI.create(url.substring(url.indexOf("http")).strip());
            assertThat(uri.getScheme()).isEqualTo("http");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void complete_profiles_oneWholeProfilePerLine(String shell) throws Exception {
        Result r = run("__complete", "--shell=" + shell, "--line=aws-sso eval -p ");

        assertThat(r.exitCode()).as("%s", r).isZero();
        Set<String> profiles = new TreeSet<>();
        roles.forEach(role -> profiles.add(role.get("Profile")));
        List<String> offered = r.out().lines().map(l -> l.contains("\t") ? l.substring(0, l.indexOf('\t')) : l).toList();
        Set<String> offerable = new TreeSet<>();
        profiles.stream().filter(p -> p.codePoints().noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f))
                .forEach(offerable::add);
        assertThat(offered).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(offerable);
    }
}
