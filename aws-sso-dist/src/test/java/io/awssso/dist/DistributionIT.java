package io.awssso.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.SecureStoreProvider;
import io.awssso.api.spi.StoreContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged zip and tar.gz, unpacked into a temporary directory (with the system's unzip and
 * tar, which keep the executable bit) and run as a user would: bin/aws-sso as a separate process
 * with a JAVA_HOME and nothing else of this build on hand.
 */
class DistributionIT {
    private static final Path TARGET = Path.of(System.getProperty("awssso.dist.directory", "target"));
    private static final String NAME = System.getProperty("awssso.dist.name", "aws-sso-0.1.0-SNAPSHOT");
    private static final String VERSION = System.getProperty("awssso.project.version", "0.1.0-SNAPSHOT");
    private static final String PLATFORM = System.getProperty("awssso.dist.platform", "linux-x64");

    private Path tmp;

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    @BeforeEach
    void createDirectory() throws IOException {
        tmp = Files.createTempDirectory("aws-sso-dist");
    }

    @AfterEach
    void deleteDirectory() throws IOException {
        try (Stream<Path> paths = Files.walk(tmp)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Result run(Path dir, Map<String, String> extra, String... command) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        return runIn(dir, env, command);
    }

    /** Runs with the test's environment minus AWS_* and JAVA_HOME, plus {@code extra}. */
    private static Result runIn(Path dir, Map<String, String> extra, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("JAVA_HOME"));
        pb.environment().put("HOME", dir.toString());
        // the JVM path is under test here, and no run may leave an agent behind (AgentClientTest
        // and AgentIT are the agent's tests)
        pb.environment().put("AWS_SSO_AGENT", "0");
        pb.environment().putAll(extra);
        Path out = Files.createTempFile("out", ".txt");
        Path err = Files.createTempFile("err", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("%s finished", List.of(command)).isTrue();
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    private Path unpack(String archive) throws Exception {
        Path file = TARGET.resolve(NAME + archive);
        String top = archive.startsWith("-") ? NAME + archive.substring(0, archive.indexOf('.')) : NAME;
        assertThat(file).isRegularFile();
        Result r = archive.endsWith(".zip")
                ? run(tmp, Map.of(), "unzip", "-q", file.toString(), "-d", tmp.toString())
                : run(tmp, Map.of(), "tar", "-xzf", file.toString(), "-C", tmp.toString());
        assertThat(r.exitCode()).as("%s", r).isZero();
        return tmp.resolve(top);
    }

    private static void assertRuns(Path install) throws Exception {
        Path bin = install.resolve("bin/aws-sso");
        assertThat(Files.isExecutable(bin)).as("bin/aws-sso is executable").isTrue();
        Result version = run(install.getParent(), Map.of(), bin.toString(), "version");
        assertThat(version.exitCode()).as("%s", version).isZero();
        // nothing but the version on stdout: a skipped CDS archive must not print warnings
        assertThat(version.out()).startsWith("aws-sso for Java " + VERSION).doesNotContain("[warning]");
        Result help = run(install.getParent(), Map.of(), bin.toString(), "--help");
        assertThat(help.exitCode()).as("%s", help).isZero();
        assertThat(help.out()).contains("Usage: aws-sso").contains("login").contains("setup");
    }

    @Test
    void tarGz_unpackedElsewhere_runsVersionAndHelp() throws Exception {
        assertRuns(unpack(".tar.gz"));
    }

    @Test
    void zip_unpackedElsewhere_runsVersionAndHelp_andHasTheWindowsLauncher() throws Exception {
        Path install = unpack(".zip");
        assertRuns(install);
        assertThat(install.resolve("bin/aws-sso.cmd")).content().contains("-m io.awssso.cli/io.awssso.cli.Main");
    }

    @Test
    void archive_holdsManPagesForTheCommands_andTheCompletionScripts() throws Exception {
        Path install = unpack(".tar.gz");
        Path man = install.resolve("man/man1");
        for (String page : List.of("aws-sso", "aws-sso-login", "aws-sso-logout", "aws-sso-version", "aws-sso-setup",
                "aws-sso-setup-completions", "aws-sso-list", "aws-sso-exec", "aws-sso-eval", "aws-sso-process")) {
            assertThat(man.resolve(page + ".1")).as(page).isRegularFile();
        }
        assertThat(man.resolve("aws-sso-login.1")).content().startsWith(".TH \"AWS-SSO-LOGIN\" \"1\"")
                .contains(".SH OPTIONS").contains("\\-\\-force");
        assertThat(man.resolve("aws-sso.1")).content().contains(".SH EXIT STATUS").contains(".SH COMMANDS");
        assertThat(man.resolve("aws-sso-__complete.1")).doesNotExist();
        Result rendered = run(tmp, Map.of("MANWIDTH", "100"), "sh", "-c",
                "command -v man >/dev/null || exit 77; man -l " + man.resolve("aws-sso-setup-completions.1"));
        if (rendered.exitCode() != 77) {
            assertThat(rendered.out()).as("%s", rendered).contains("NAME").contains("aws-sso-setup-completions");
        }
        assertThat(install.resolve("completions/aws-sso.bash")).content().contains("__aws_sso_exe='aws-sso'");
        assertThat(install.resolve("completions/aws-sso.zsh")).content().contains("compdef _aws_sso aws-sso");
        assertThat(install.resolve("completions/fish/completions/aws-sso.fish")).isRegularFile();
        assertThat(install.resolve("completions/fish/functions/aws-sso-profile.fish")).isRegularFile();
        List<String> jars = new ArrayList<>();
        try (Stream<Path> lib = Files.list(install.resolve("lib"))) {
            lib.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).forEach(jars::add);
        }
        assertThat(jars).anyMatch(n -> n.startsWith("aws-sso-cli-")).anyMatch(n -> n.startsWith("aws-sso-core-"))
                .anyMatch(n -> n.startsWith("picocli-")).noneMatch(n -> n.startsWith("aws-sso-testkit"));
    }

    @Test
    void jdkLessArchives_carryNoClassDataArchive() throws Exception {
        // such an archive fits one JVM build only, and these archives do not know the JVM they will
        // run on (the per-user cache of `process` serves them instead)
        for (String archive : List.of(".tar.gz", ".zip")) {
            Path install = unpack(archive);
            try (Stream<Path> files = Files.walk(install)) {
                assertThat(files.map(p -> p.getFileName().toString())).as(archive)
                        .isNotEmpty().noneMatch(n -> n.endsWith(".jsa") || n.endsWith(".aot") || n.endsWith(".classpath"));
            }
            deleteDirectory();
            createDirectory();
        }
    }

    @Test
    void process_withoutAConfig_runsTheFullToolFromTheFastPath_andKeepsStdoutClean() throws Exception {
        Path install = unpack(".tar.gz");

        Result r = run(tmp, Map.of(), install.resolve("bin/aws-sso").toString(), "process", "--profile", "nope");

        assertThat(r.exitCode()).as("%s", r).isNotZero().isNotEqualTo(127);
        assertThat(r.err()).startsWith("error: ");
        assertThat(r.out()).isEmpty();
    }

    /** A json store with valid credentials for {@code arn} in the test's HOME. */
    private void storeCredentials(String arn) throws IOException {
        Path config = tmp.resolve(".config/aws-sso");
        Files.createDirectories(config);
        Files.writeString(config.resolve("config.yaml"), "SSOConfig:\n  Default:\n    SSORegion: us-east-1\n"
                + "    StartUrl: https://d-1234567890.awsapps.com/start\nSecureStore: json\nLogLevel: error\n");
        long expires = System.currentTimeMillis() + 3_600_000L;
        Files.writeString(config.resolve("store.json"), "{\"RoleCredentials\":{\"" + arn + "\":{\"roleName\":\"Admin\","
                + "\"accountId\":12345678901,\"accessKeyId\":\"ASIADIST\",\"secretAccessKey\":\"s\","
                + "\"sessionToken\":\"t\",\"expiration\":" + expires + "}}}");
    }

    /**
     * {@code process} runs on {@code javaHome}: a miss records nothing, the first hit records the
     * per-user cache (named {@code cacheName}), the next must map ProcessFastPath from it; stdout
     * carries the JSON only.
     */
    private void assertProcessRecordsThenMapsItsCache(String javaHome, String cacheName) throws Exception {
        Path install = unpack(".tar.gz");
        String arn = "arn:aws:iam::012345678901:role/Admin";
        storeCredentials(arn);
        String bin = install.resolve("bin/aws-sso").toString();

        Result miss = run(tmp, Map.of("JAVA_HOME", javaHome), bin, "process", "--profile", "nope");
        assertThat(miss.exitCode()).as("%s", miss).isNotZero();
        assertThat(tmp.resolve(".cache/aws-sso")).as("no cache recorded from a miss").satisfies(dir -> {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    assertThat(files).isEmpty();
                }
            }
        });
        Result first = run(tmp, Map.of("JAVA_HOME", javaHome), bin, "process", "--arn", arn);
        Result second = run(tmp, Map.of("JAVA_HOME", javaHome,
                "AWS_SSO_JAVA_OPTS", "-Xlog:class+load=info:file=" + tmp.resolve("classes.log")),
                bin, "process", "--arn", arn);

        assertThat(first.exitCode()).as("%s", first).isZero();
        assertThat(first.out()).startsWith("{\"Version\":1,\"AccessKeyId\":\"ASIADIST\"").endsWith("}");
        assertThat(first.err()).isEmpty();
        Path cache = tmp.resolve(".cache/aws-sso");
        assertThat(Files.getPosixFilePermissions(cache)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.matches(cacheName))
                    .noneMatch(n -> n.contains(".tmp"));
        }
        assertThat(second.exitCode()).as("%s", second).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(second.err()).isEmpty();
        assertThat(Files.readAllLines(tmp.resolve("classes.log")))
                .anyMatch(l -> l.contains("io.awssso.cli.command.ProcessFastPath source: shared objects file"));
    }

    @Test
    void process_cacheHit_recordsAPerUserClassArchive_andLaterRunsMapIt() throws Exception {
        assertProcessRecordsThenMapsItsCache(System.getProperty("java.home"), "process-jdk\\d+\\.(jsa|aot)");
    }

    @Test
    void process_onJava25_recordsAnAheadOfTimeCache_andLaterRunsMapIt() throws Exception {
        Path jdk25 = Path.of(System.getProperty("awssso.test.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        assumeTrue(Files.isExecutable(jdk25.resolve("bin/java")), "no JDK 25 at " + jdk25 + " (-Dawssso.test.jdk25)");

        assertProcessRecordsThenMapsItsCache(jdk25.toString(), "process-jdk25\\.aot");
    }

    /** A PATH with the tools the launcher uses and no java. */
    private Path pathWithoutJava() throws IOException {
        Path path = Files.createDirectories(tmp.resolve("path"));
        for (String tool : List.of("readlink", "cat")) {
            Files.createSymbolicLink(path.resolve(tool), Path.of("/usr/bin", tool));
        }
        return path;
    }

    @Test
    void platformTarGz_noJavaAnywhere_runsOnTheBundledRuntime_withoutRecordingIntoTheHome() throws Exception {
        Path install = unpack("-" + PLATFORM + ".tar.gz");
        String arn = "arn:aws:iam::012345678901:role/Admin";
        storeCredentials(arn);
        Map<String, String> env = Map.of("PATH", pathWithoutJava().toString());
        String bin = install.resolve("bin/aws-sso").toString();

        Result version = runIn(tmp, env, bin, "version");
        Result help = runIn(tmp, env, bin, "--help");
        Result process = runIn(tmp, env, bin, "process", "--arn", arn);

        assertThat(version.exitCode()).as("%s", version).isZero();
        assertThat(version.out()).startsWith("aws-sso for Java " + VERSION)
                .contains("Runtime: " + install.resolve("runtime").toRealPath() + " (bundled with aws-sso)");
        assertThat(version.err()).isEmpty();
        assertThat(help.exitCode()).as("%s", help).isZero();
        assertThat(help.out()).contains("Usage: aws-sso");
        assertThat(process.exitCode()).as("%s", process).isZero();
        assertThat(process.out()).startsWith("{\"Version\":1,\"AccessKeyId\":\"ASIADIST\"");
        assertThat(process.err()).isEmpty();
        assertThat(tmp.resolve(".cache")).as("nothing recorded for the bundled runtime").doesNotExist();
    }

    /** The feature version of the bundled runtime (17, 25...), from its release file. */
    private static int runtimeFeature(Path runtime) throws IOException {
        String version = Files.readAllLines(runtime.resolve("release")).stream()
                .filter(l -> l.startsWith("JAVA_VERSION=")).findFirst().orElseThrow();
        return Integer.parseInt(version.replaceAll("JAVA_VERSION=\"(\\d+).*", "$1"));
    }

    @Test
    void platformTarGz_mapsTheClassDataArchiveMadeAtBuildTime_afterTheMove_orHasNoneBeforeJava21() throws Exception {
        Path install = unpack("-" + PLATFORM + ".tar.gz");
        if (runtimeFeature(install.resolve("runtime")) < 21) {
            // a Java 17-20 dump is not deterministic: such a runtime ships no archive (README, Install)
            assertThat(install.resolve("lib/aws-sso.jsa")).doesNotExist();
            assertThat(install.resolve("runtime/lib/server/classes.jsa")).doesNotExist();
            return;
        }
        String arn = "arn:aws:iam::012345678901:role/Admin";
        storeCredentials(arn);
        String bin = install.resolve("bin/aws-sso").toString();
        String path = pathWithoutJava().toString();

        Result process = runIn(tmp, Map.of("PATH", path, "AWS_SSO_JAVA_OPTS",
                "-Xlog:class+load=info:file=" + tmp.resolve("process.log")), bin, "process", "--arn", arn);
        Result help = runIn(tmp, Map.of("PATH", path, "AWS_SSO_JAVA_OPTS",
                "-Xlog:class+load=info:file=" + tmp.resolve("help.log")), bin, "--help");

        assertThat(process.exitCode()).as("%s", process).isZero();
        assertThat(process.err()).isEmpty();
        assertThat(help.exitCode()).as("%s", help).isZero();
        assertThat(help.err()).isEmpty();
        assertThat(Files.readAllLines(tmp.resolve("process.log")))
                .anyMatch(l -> l.contains("io.awssso.cli.command.ProcessFastPath source: shared objects file"))
                .anyMatch(l -> l.contains("io.awssso.core.") && l.contains("source: shared objects file"));
        assertThat(Files.readAllLines(tmp.resolve("help.log")))
                .anyMatch(l -> l.contains("io.awssso.cli.Main source: shared objects file"))
                .anyMatch(l -> l.contains("java.lang.Object source: shared objects file"));
        // one archive for the JDK's classes and the tool's: the JDK's default one would be waste
        assertThat(install.resolve("runtime/lib/server/classes.jsa")).doesNotExist();
    }

    /**
     * Credentials in the {@code file} store of {@code tmp}'s config, written by the real backend with
     * {@code password}.
     */
    private void storeFileCredentials(String arn, String password) throws IOException {
        Path config = tmp.resolve(".config/aws-sso");
        Files.createDirectories(config);
        Files.writeString(config.resolve("config.yaml"), "SSOConfig:\n  Default:\n    SSORegion: us-east-1\n"
                + "    StartUrl: https://d-1234567890.awsapps.com/start\nSecureStore: file\nLogLevel: error\n");
        RoleArn role = RoleArn.parse(arn);
        RoleCredentials credentials = new RoleCredentials(role, "ASIADIST", "s", "t",
                java.time.Instant.now().plusSeconds(3600), false);
        SecureStoreProvider file = ServiceLoader.load(SecureStoreProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("file")).findFirst().orElseThrow();
        try (SecureStore store = file.create(new StoreContext(config, Map.of(),
                Map.of("AWS_SSO_FILE_PASSWORD", password), null))) {
            store.update(s -> s.withCredentials(role, credentials));
        }
    }

    @Test
    void platformTarGz_fileStoreHit_mapsTheKeyDerivationAndTheJdksCiphersFromTheArchive() throws Exception {
        Path install = unpack("-" + PLATFORM + ".tar.gz");
        assumeTrue(runtimeFeature(install.resolve("runtime")) >= 21, "a Java 17-20 runtime ships no archive");
        String arn = "arn:aws:iam::012345678901:role/Admin";
        storeFileCredentials(arn, "dist password");

        Result process = runIn(tmp, Map.of("PATH", pathWithoutJava().toString(), "AWS_SSO_FILE_PASSWORD", "dist password",
                "AWS_SSO_JAVA_OPTS", "-Xlog:class+load=info:file=" + tmp.resolve("file.log")),
                install.resolve("bin/aws-sso").toString(), "process", "--arn", arn);

        assertThat(process.exitCode()).as("%s", process).isZero();
        assertThat(process.out()).startsWith("{\"Version\":1,\"AccessKeyId\":\"ASIADIST\"");
        assertThat(process.err()).isEmpty();
        // the archive was trained on a file store hit too: its reader, the JCA and SunJCE's ciphers
        List<String> log = Files.readAllLines(tmp.resolve("file.log"));
        for (String name : List.of("io.awssso.core.internal.fastpath.Pbkdf2HmacSha256",
                "io.awssso.core.internal.fastpath.StoreCiphers", "javax.crypto.Cipher", "com.sun.crypto.provider.SunJCE",
                "com.sun.crypto.provider.GaloisCounterMode")) {
            assertThat(log).as(name).anyMatch(l -> l.contains(" " + name + " source: shared objects file"));
        }
    }

    @Test
    void platformTarGz_bundledRuntime_speaksTlsWithOnlyTheKeyExchangesAwsOffers() throws Exception {
        Path install = unpack("-" + PLATFORM + ".tar.gz");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path server = tmp.resolve("server.p12");
        Path trust = tmp.resolve("trust.p12");
        for (List<String> command : List.of(
                List.of(keytool.toString(), "-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1", "-alias", "tls",
                        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                        "-keystore", server.toString(), "-storepass", "changeit"),
                List.of(keytool.toString(), "-exportcert", "-rfc", "-alias", "tls", "-keystore", server.toString(),
                        "-storepass", "changeit", "-file", tmp.resolve("server.pem").toString()),
                List.of(keytool.toString(), "-importcert", "-noprompt", "-alias", "tls", "-file",
                        tmp.resolve("server.pem").toString(), "-storetype", "PKCS12", "-keystore", trust.toString(),
                        "-storepass", "changeit"))) {
            Result r = run(tmp, Map.of(), command.toArray(String[]::new));
            assertThat(r.exitCode()).as("%s", r).isZero();
        }
        Path probe = Path.of(TlsProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        try (TlsTestServer https = TlsTestServer.start(server, "changeit".toCharArray())) {
            // the groups AWS endpoints accept (ECDHE only, no finite-field DHE) and an ECDSA
            // certificate: both need the elliptic-curve code of the runtime
            Result r = runIn(tmp, Map.of(), install.resolve("runtime/bin/java").toString(),
                    "-Djavax.net.ssl.trustStore=" + trust, "-Djavax.net.ssl.trustStorePassword=changeit",
                    "-Djdk.tls.namedGroups=x25519,secp256r1,secp384r1", "-cp", probe.toString(),
                    TlsProbe.class.getName(), "https://127.0.0.1:" + https.port() + "/");

            assertThat(r.exitCode()).as("%s", r).isZero();
            // TLS_AES_* and TLS_CHACHA20_* are the TLS 1.3 suites (TLS 1.2's name their key exchange)
            assertThat(r.out()).matches("200 TLS_(AES|CHACHA20)_\\w+ " + TlsTestServer.BODY + "\\R");
        }
    }

    @Test
    void platformTarGz_javaHomeOrAwsSsoJavaHome_overrideTheBundledRuntime() throws Exception {
        Path install = unpack("-" + PLATFORM + ".tar.gz");
        String bin = install.resolve("bin/aws-sso").toString();
        String system = Path.of(System.getProperty("java.home")).toString();

        Result javaHome = run(tmp, Map.of("JAVA_HOME", system), bin, "version");
        Result own = runIn(tmp, Map.of("AWS_SSO_JAVA_HOME", system, "JAVA_HOME", "/nonexistent"), bin, "version");

        assertThat(javaHome.exitCode()).as("%s", javaHome).isZero();
        assertThat(javaHome.out()).contains("Runtime: " + system + "\n").doesNotContain("bundled");
        assertThat(own.exitCode()).as("%s", own).isZero();
        assertThat(own.out()).contains("Runtime: " + system + "\n");
    }

    @Test
    void platformTarGz_runtimeHasTheModulesTheToolNeeds_andNoDevelopmentFiles() throws Exception {
        Path install = unpack("-" + PLATFORM + ".tar.gz");
        Path runtime = install.resolve("runtime");

        String modules = Files.readAllLines(runtime.resolve("release")).stream()
                .filter(l -> l.startsWith("MODULES=")).findFirst().orElseThrow();
        assertThat(modules).contains("java.base", "java.xml", "jdk.httpserver", "jdk.net", "jdk.unsupported")
                .doesNotContain("java.desktop", "jdk.compiler", "java.sql");
        assertThat(runtime.resolve("bin/javac")).doesNotExist();
        assertThat(runtime.resolve("include")).doesNotExist();
        assertThat(runtime.resolve("man")).doesNotExist();
        assertThat(runtime.resolve("legal/java.base")).isDirectory();
        // HTTPS to AWS needs the CA certificates in the runtime itself (a JDK may only link to the system's)
        assertThat(runtime.resolve("lib/security/cacerts")).isRegularFile()
                .satisfies(p -> assertThat(Files.size(p)).isGreaterThan(50_000));
        assertThat(install.resolve("THIRD-PARTY-LICENSES.txt")).content().contains("info.picocli:picocli:");
        assertThat(install.resolve("LICENSE")).content().contains("Apache License");
        assertThat(install.resolve("bin/aws-sso.cmd")).doesNotExist();
        long bytes;
        try (Stream<Path> files = Files.walk(install)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf("DistributionIT: %s unpacked: %.1f MB%n", install.getFileName(), bytes / 1e6);
    }

    @Test
    void launcher_javaTooOld_refusesWithAClearMessage() throws Exception {
        Path fake = tmp.resolve("jdk11");
        Files.createDirectories(fake.resolve("bin"));
        Files.writeString(fake.resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");
        Files.writeString(fake.resolve("bin/java"), "#!/bin/sh\nexit 0\n");
        fake.resolve("bin/java").toFile().setExecutable(true);
        Path install = unpack(".tar.gz");

        Result r = run(tmp, Map.of("JAVA_HOME", fake.toString()), install.resolve("bin/aws-sso").toString(), "version");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("Java 17 or newer is needed");
        assertThat(r.out()).isEmpty();
    }
}
