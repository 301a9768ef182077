package io.awssso.dist;

import static io.awssso.dist.StandInAgent.after;
import static io.awssso.dist.StandInAgent.processingThen;
import static io.awssso.dist.StandInAgent.raw;
import static io.awssso.dist.StandInAgent.response;
import static io.awssso.dist.StandInAgent.silence;
import static io.awssso.dist.StandInAgent.success;
import static io.awssso.dist.StandInAgent.successBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The launchers' agent client ({@code lib/aws-sso-agent-client.bash}), run through both real
 * launchers — the checkout's {@code ./aws-sso} and the installed {@code bin/aws-sso} — in copies of
 * their layouts, against a {@link StandInAgent}. The JVM is a fake {@code java} that says it ran:
 * a fallback shows as its line on stdout and nothing else, an answer from the agent as the agent's
 * bytes and no JVM at all.
 */
class AgentClientTest {
    private static final Path ROOT =
            Path.of(System.getProperty("awssso.repository.root", "..")).toAbsolutePath().normalize();
    private static final String VERSION = "9.8.7-TEST";
    private static final String ARN = "arn:aws:iam::012345678901:role/AdministratorAccess";
    private static final byte[] JVM_RAN = "JVM ran\n".getBytes(StandardCharsets.US_ASCII);

    /** The two launchers, each in a copy of its layout. */
    enum Launcher {
        CHECKOUT, INSTALLED
    }

    record Result(int exitCode, byte[] out, byte[] err) {
        String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }

        String errText() {
            return new String(err, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + outText() + "\n--- stderr\n" + errText();
        }
    }

    @TempDir
    Path tmp;
    private Path home;
    private Path runtimeDirectory;
    private Path jvmLog;
    private Path javaHome;
    private StandInAgent agent;

    @BeforeEach
    void layouts() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        runtimeDirectory = Files.createDirectory(tmp.resolve("run"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        jvmLog = tmp.resolve("jvm.log");
        javaHome = Files.createDirectories(tmp.resolve("jdk/bin")).getParent();
        Files.writeString(javaHome.resolve("release"), "JAVA_VERSION=\"17.0.2\"\n");
        // It records its arguments and environment, NUL-separated (an argument may hold a line break).
        executable(javaHome.resolve("bin/java"), "#!/usr/bin/env bash\n"
                + "{ printf '%s\\0' \"$@\" '--- environment'; env -0; } >'" + jvmLog + "'\n"
                + "printf 'JVM ran\\n'\n");
        Path client = ROOT.resolve("aws-sso-dist/src/main/dist/lib/aws-sso-agent-client.bash");

        Path checkout = tmp.resolve("checkout");
        Files.createDirectories(checkout.resolve("aws-sso-cli/target/lib"));
        Files.createFile(checkout.resolve("aws-sso-cli/target/aws-sso-cli-" + VERSION + ".jar"));
        Files.copy(ROOT.resolve("aws-sso"), checkout.resolve("aws-sso"));
        Files.setPosixFilePermissions(checkout.resolve("aws-sso"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path checkoutLib = Files.createDirectories(checkout.resolve("aws-sso-dist/src/main/dist/lib"));
        Files.copy(client, checkoutLib.resolve("aws-sso-agent-client.bash"));

        Path install = tmp.resolve("install");
        Files.createDirectories(install.resolve("bin"));
        Files.createDirectories(install.resolve("lib"));
        Files.copy(ROOT.resolve("aws-sso-dist/src/main/dist/bin/aws-sso"), install.resolve("bin/aws-sso"));
        Files.setPosixFilePermissions(install.resolve("bin/aws-sso"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.copy(client, install.resolve("lib/aws-sso-agent-client.bash"));
        Files.createFile(install.resolve("lib/aws-sso-cli-" + VERSION + ".jar"));
    }

    @AfterEach
    void stopAgent() throws IOException {
        if (agent != null) {
            agent.close();
        }
    }

    private static void executable(Path path, String text) throws IOException {
        Files.writeString(path, text);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Path launcherPath(Launcher launcher) {
        return launcher == Launcher.CHECKOUT ? tmp.resolve("checkout/aws-sso") : tmp.resolve("install/bin/aws-sso");
    }

    /** The agent directory under $XDG_RUNTIME_DIR, which every run gets unless it says otherwise. */
    private Path agentDirectory() {
        return runtimeDirectory.resolve("aws-sso");
    }

    /** Starts the stand-in with {@code behaviour} and writes its agent file where the client looks. */
    private StandInAgent startAgent(StandInAgent.Behaviour behaviour) throws IOException {
        agent = StandInAgent.start(behaviour);
        StandInAgent.writeAgentFile(agentDirectory(), agent.agentFile(VERSION, ProcessHandle.current().pid()));
        return agent;
    }

    private Result run(Launcher launcher, String... args) throws Exception {
        return run(launcher, Map.of(), args);
    }

    /**
     * Runs the launcher with a clean environment (no AWS_* or XDG_* of the build's), HOME and
     * XDG_RUNTIME_DIR in the temporary directory, the fake java, and {@code extra} (a null value
     * removes the variable).
     */
    private Result run(Launcher launcher, Map<String, String> extra, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(launcherPath(launcher).toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("XDG_") || k.startsWith("_AWS_SSO")
                || k.startsWith("JAVA"));
        env.put("HOME", home.toString());
        env.put("XDG_RUNTIME_DIR", runtimeDirectory.toString());
        env.put("JAVA_HOME", javaHome.toString());
        env.put("AWS_SSO_NO_BUILD", "1");
        extra.forEach((k, v) -> {
            if (v == null) {
                env.remove(k);
            } else {
                env.put(k, v);
            }
        });
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(launcher + " " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The fallback: the JVM ran with the caller's arguments, and the failed attempt printed nothing. */
    private void assertFellBack(Result r, String... args) throws IOException {
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).as("%s", r).isEqualTo(JVM_RAN);
        assertThat(r.err()).as("%s", r).isEmpty();
        List<String> jvmArgs = List.of(Files.readString(jvmLog).split("\0"));
        List<String> passed = jvmArgs.subList(0, jvmArgs.indexOf("--- environment"));
        assertThat(passed.subList(passed.size() - args.length, passed.size())).containsExactly(args);
        assertThat(jvmArgs).noneMatch(l -> l.startsWith("_AWS_SSO_AGENT_TRIED="));
        Files.delete(jvmLog);
    }

    // ---- answers from the agent

    @ParameterizedTest
    @EnumSource(Launcher.class)
    void process_agentAnswers_printsItsStdoutAndStderrByteForByteAndStartsNoJvm(Launcher launcher) throws Exception {
        byte[] out = bytes("{\"Version\":1,\"AccessKeyId\":\"ASIA\\\\%s%d\",\"SessionToken\":\"-n -e \\t\"}");
        byte[] err = bytes("  warning: céline ✓ %s\r\n\n\n");
        startAgent(success(0, out, err));

        Result r = run(launcher, "process", "--arn", ARN);

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).isEqualTo(out);
        assertThat(r.err()).isEqualTo(err);
        assertThat(jvmLog).doesNotExist();
        assertThat(agent.requests()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Launcher.class)
    void process_agentAnswersAnError_exitsWithItsCodeAndPrintsItsStderr(Launcher launcher) throws Exception {
        startAgent(success(4, new byte[0], bytes("error: login required: run `aws-sso login`\n")));

        Result r = run(launcher, "process", "--arn", ARN);

        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.out()).isEmpty();
        assertThat(r.errText()).isEqualTo("error: login required: run `aws-sso login`\n");
        assertThat(jvmLog).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(Launcher.class)
    void process_outputWithEveryByteButNul_arrivesUnchanged(Launcher launcher) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 20_000; i++) {
            out.write(1 + i % 255);
        }
        byte[] err = new byte[255];
        for (int i = 0; i < err.length; i++) {
            err[i] = (byte) (255 - i);
        }
        startAgent(success(255, out.toByteArray(), err));

        Result r = run(launcher, Map.of("LANG", "C.UTF-8"), "process", "--arn", ARN);

        assertThat(r.exitCode()).isEqualTo(255);
        assertThat(r.out()).isEqualTo(out.toByteArray());
        assertThat(r.err()).isEqualTo(err);
    }

    @ParameterizedTest
    @EnumSource(Launcher.class)
    void process_fetchAnnouncedWith102_waitsPastTheFirstDeadlineForTheAnswer(Launcher launcher) throws Exception {
        byte[] out = bytes("{\"Version\":1}");
        startAgent(processingThen(1_000, success(0, out, new byte[0])));

        Result r = run(launcher, "process", "--arn", ARN);

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).isEqualTo(out);
        assertThat(jvmLog).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(Launcher.class)
    void process_request_isTheProtocolsPostWithWorkingDirectoryVariablesAndArgumentsCountedInBytes(Launcher launcher)
            throws Exception {
        startAgent(success(0, bytes("{}"), new byte[0]));
        Map<String, String> env = new HashMap<>();
        env.put("LANG", "C.UTF-8");
        env.put("AWS_PROFILE", "prod café");
        env.put("AWS_SSO_FILE_PASSWORD", "p=a s\\s");
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("NOT_AWS", "left out");

        Result r = run(launcher, env, "-L", "warn", "process", "--profile", "naïve ✓", "", "two  spaces");

        assertThat(r.exitCode()).as("%s", r).isZero();
        byte[] request = agent.requests().get(0);
        String text = new String(request, StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String body = text.substring(split + 4);
        assertThat(text.substring(0, split + 4)).isEqualTo("POST /v1/process HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + agent.port() + "\r\n"
                + "Authorization: Bearer " + StandInAgent.TOKEN + "\r\n"
                + "Content-Type: application/x-aws-sso-request\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(body.length()); // bytes, not characters
        assertThat(body).isEqualTo("cwd " + home + "\n"
                + "env AWS_PROFILE=prod café\n"
                + "env AWS_SSO_FILE_PASSWORD=p=a s\\s\n"
                + "env AWS_SSO_NO_BUILD=1\n"
                + "env HOME=" + home + "\n"
                + "env XDG_CONFIG_HOME=" + home.resolve(".config") + "\n"
                + "env XDG_RUNTIME_DIR=" + runtimeDirectory + "\n"
                + "arg -L\narg warn\narg process\narg --profile\narg naïve ✓\narg \narg two  spaces\n");
    }

    // ---- the agent cannot answer: the JVM does, and the attempt printed nothing

    static Stream<Arguments> unservedAnswers() {
        byte[] ok = successBytes(0, bytes("{\"Version\":1}"), new byte[0]);
        String okText = new String(ok, StandardCharsets.ISO_8859_1);
        List<Object[]> cases = new ArrayList<>();
        for (String status : List.of("400 Bad Request", "401 Unauthorized", "404 Not Found", "409 Conflict",
                "421 Misdirected Request", "428 Precondition Required", "503 Service Unavailable",
                "500 Internal Server Error", "204 No Content")) {
            cases.add(new Object[] {status, raw(response(status, "text/plain", bytes("no\n")))});
        }
        cases.add(new Object[] {"not HTTP", raw(bytes("HELLO\r\n\r\n"))});
        cases.add(new Object[] {"LF-only lines", raw(bytes(okText.replace("\r\n", "\n")))});
        cases.add(new Object[] {"HTTP/2 status line", raw(bytes(okText.replace("HTTP/1.1", "HTTP/2")))});
        cases.add(new Object[] {"another content type",
                raw(bytes(okText.replace("application/x-aws-sso-result", "application/json")))});
        cases.add(new Object[] {"no content length",
                raw(bytes(okText.replaceFirst("Content-Length: \\d+\r\n", "")))});
        cases.add(new Object[] {"content length beyond the end",
                raw(bytes(okText.replaceFirst("Content-Length: \\d+", "Content-Length: 999")))});
        cases.add(new Object[] {"only the status line, then closed", raw(bytes("HTTP/1.1 200 OK\r\n"))});
        cases.add(new Object[] {"half the answer, then closed", raw(Arrays.copyOf(ok, ok.length - 5))});
        cases.add(new Object[] {"102, then closed (the agent killed while fetching)",
                raw(bytes("HTTP/1.1 102 Processing\r\n\r\n"))});
        cases.add(new Object[] {"nothing, closed", raw(new byte[0])});
        cases.add(new Object[] {"exit code above 255", raw(resultBody("exit 256\nout 2\n{}err 0\n"))});
        cases.add(new Object[] {"negative exit code", raw(resultBody("exit -1\nout 2\n{}err 0\n"))});
        cases.add(new Object[] {"out longer than the body", raw(resultBody("exit 0\nout 20\n{}err 0\n"))});
        cases.add(new Object[] {"out shorter than its bytes", raw(resultBody("exit 0\nout 1\n{}err 0\n"))});
        cases.add(new Object[] {"err missing", raw(resultBody("exit 0\nout 2\n{}"))});
        cases.add(new Object[] {"bytes after err", raw(resultBody("exit 0\nout 2\n{}err 1\nxy"))});
        cases.add(new Object[] {"no exit line", raw(resultBody("out 2\n{}err 0\n"))});
        cases.add(new Object[] {"a NUL in out", raw(resultBody("exit 0\nout 3\n{\0}err 0\n"))});
        cases.add(new Object[] {"silence (timeout)", silence()});
        cases.add(new Object[] {"the answer after 1 s without 102 (timeout)", after(1_000, raw(ok))});
        List<Arguments> all = new ArrayList<>();
        for (Launcher l : Launcher.values()) {
            for (Object[] c : cases) {
                all.add(Arguments.of(l, c[0], c[1]));
            }
        }
        return all.stream();
    }

    private static byte[] resultBody(String body) {
        return response("200 OK", "application/x-aws-sso-result", body.getBytes(StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("unservedAnswers")
    void process_agentDoesNotServe_fallsBackToTheJvmPrintingNothing(Launcher launcher, String what,
            StandInAgent.Behaviour behaviour) throws Exception {
        startAgent(behaviour);

        Result r = run(launcher, "process", "--arn", ARN);

        assertFellBack(r, "process", "--arn", ARN);
        assertThat(agent.requests()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Launcher.class)
    void process_connectionResetWhileSendingALargeRequest_fallsBackInsteadOfDyingOfSigpipe(Launcher launcher)
            throws Exception {
        startAgent(StandInAgent.RESET_ON_ACCEPT);

        Result r = run(launcher, Map.of("AWS_SSO_LARGE", "x".repeat(100_000)), "process", "--arn", ARN);

        assertFellBack(r, "process", "--arn", ARN);
    }

    @ParameterizedTest
    @EnumSource(Launcher.class)
    void process_nothingListensOnThePort_fallsBack(Launcher launcher) throws Exception {
        startAgent(silence()).close();

        Result r = run(launcher, "process", "--arn", ARN);

        assertFellBack(r, "process", "--arn", ARN);
    }

    @ParameterizedTest
    @EnumSource(Launcher.class)
    void process_debugVariableOrLevel_saysWhyTheAgentWasNotUsed_stdoutStillOnlyTheJvms(Launcher launcher)
            throws Exception {
        startAgent(raw(response("409 Conflict", "text/plain", bytes("other config\n"))));

        Result byVariable = run(launcher, Map.of("AWS_SSO_AGENT_DEBUG", "1"), "process", "--arn", ARN);
        Result byLevel = run(launcher, "-L", "debug", "process", "--arn", ARN);
        Result byLongLevel = run(launcher, "process", "--arn", ARN, "--level=trace");

        for (Result r : List.of(byVariable, byLevel, byLongLevel)) {
            assertThat(r.out()).as("%s", r).isEqualTo(JVM_RAN);
            assertThat(r.errText()).isEqualTo(
                    "aws-sso: agent not used: the agent answered: HTTP/1.1 409 Conflict; running the JVM\n");
        }
    }

    // ---- an agent file the client must not trust, or no agent call at all: no connection

    @ParameterizedTest
    @EnumSource(Launcher.class)
    void process_agentFileReadableByOthers_isIgnored(Launcher launcher) throws Exception {
        startAgent(success(0, bytes("{}"), new byte[0]));
        for (String mode : List.of("rw-r--r--", "rw-rw----", "r--------", "rw----rw-", "rwx------")) {
            Files.setPosixFilePermissions(agentDirectory().resolve("agent"), PosixFilePermissions.fromString(mode));

            assertFellBack(run(launcher, "process", "--arn", ARN), "process", "--arn", ARN);
        }
        assertThat(agent.connectionCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Launcher.class)
    void process_agentFileOfAnotherUser_isIgnored(Launcher launcher) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a file away");
        startAgent(success(0, bytes("{}"), new byte[0]));
        Files.setAttribute(agentDirectory().resolve("agent"), "unix:uid", 65534);

        assertFellBack(run(launcher, "process", "--arn", ARN), "process", "--arn", ARN);
        assertThat(agent.connectionCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Launcher.class)
    void process_agentFileIsASymbolicLink_isIgnored(Launcher launcher) throws Exception {
        startAgent(success(0, bytes("{}"), new byte[0]));
        Path real = Files.move(agentDirectory().resolve("agent"), agentDirectory().resolve("real"));
        Files.createSymbolicLink(agentDirectory().resolve("agent"), real);

        assertFellBack(run(launcher, "process", "--arn", ARN), "process", "--arn", ARN);
        assertThat(agent.connectionCount()).isZero();
    }

    static Stream<Arguments> untrustedContents() {
        List<Arguments> all = new ArrayList<>();
        for (Launcher l : Launcher.values()) {
            all.add(Arguments.of(l, "another version", (FileEdit) f -> f.replace("version=" + VERSION, "version=9.8.6")));
            all.add(Arguments.of(l, "protocol 2", (FileEdit) f -> f.replace("protocol=1", "protocol=2")));
            all.add(Arguments.of(l, "no token", (FileEdit) f -> f.replaceFirst("token=.*\n", "")));
            all.add(Arguments.of(l, "a short token", (FileEdit) f -> f.replaceFirst("token=(.*)..\n", "token=$1\n")));
            all.add(Arguments.of(l, "no config", (FileEdit) f -> f.replaceFirst("config=.*\n", "")));
            all.add(Arguments.of(l, "no version", (FileEdit) f -> f.replaceFirst("version=.*\n", "")));
            all.add(Arguments.of(l, "a port out of range", (FileEdit) f -> f.replaceFirst("port=\\d+", "port=70000")));
            all.add(Arguments.of(l, "the last line unterminated", (FileEdit) f -> f.substring(0, f.length() - 1)));
            all.add(Arguments.of(l, "empty", (FileEdit) f -> ""));
        }
        return all.stream();
    }

    /** A change to the agent file's text. */
    @FunctionalInterface
    interface FileEdit {
        String apply(String text);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("untrustedContents")
    void process_agentFileNotForThisClient_isIgnored(Launcher launcher, String what, FileEdit edit) throws Exception {
        startAgent(success(0, bytes("{}"), new byte[0]));
        StandInAgent.writeAgentFile(agentDirectory(), edit.apply(agent.agentFile(VERSION, ProcessHandle.current().pid())));

        assertFellBack(run(launcher, "process", "--arn", ARN), "process", "--arn", ARN);
        assertThat(agent.connectionCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Launcher.class)
    void process_agentFileOfADeadProcess_isIgnored(Launcher launcher) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        agent = StandInAgent.start(success(0, bytes("{}"), new byte[0]));
        StandInAgent.writeAgentFile(agentDirectory(), agent.agentFile(VERSION, gone.pid()));

        assertFellBack(run(launcher, "process", "--arn", ARN), "process", "--arn", ARN);
        assertThat(agent.connectionCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Launcher.class)
    void process_agentTurnedOffOrArgumentWithALineBreak_neverAsksTheAgent(Launcher launcher) throws Exception {
        startAgent(success(0, bytes("{}"), new byte[0]));

        for (String off : List.of("0", "false", "OFF", "No")) {
            assertFellBack(run(launcher, Map.of("AWS_SSO_AGENT", off), "process", "--arn", ARN), "process", "--arn", ARN);
        }
        assertFellBack(run(launcher, "process", "--profile", "a\nb"), "process", "--profile", "a\nb");
        assertFellBack(run(launcher, "process", "--profile", "a\rb"), "process", "--profile", "a\rb");
        assertFellBack(run(launcher, Map.of("AWS_REGION", "eu\nwest"), "process", "--arn", ARN), "process", "--arn", ARN);
        assertThat(agent.connectionCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Launcher.class)
    void otherCommands_evenWithProcessAsAValue_neverAskTheAgent(Launcher launcher) throws Exception {
        startAgent(success(0, bytes("{}"), new byte[0]));

        assertThat(run(launcher, "exec", "--profile", "process").out()).isEqualTo(JVM_RAN);
        assertThat(run(launcher, "--bogus", "process").out()).isEqualTo(JVM_RAN);
        assertThat(run(launcher, "version").out()).isEqualTo(JVM_RAN);
        assertThat(agent.connectionCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Launcher.class)
    void process_afterGlobalOptions_isAskedOfTheAgent(Launcher launcher) throws Exception {
        startAgent(success(0, bytes("{}"), new byte[0]));

        for (List<String> args : List.of(List.of("-L", "warn", "--lines", "process"), List.of("-Lwarn", "process"),
                List.of("--config", "/x/c.yaml", "-S", "Default", "process"), List.of("--sso=Default", "-b", "x", "process"))) {
            Result r = run(launcher, args.toArray(String[]::new));
            assertThat(r.outText()).as("%s", args).isEqualTo("{}");
        }
        assertThat(agent.requests()).hasSize(4);
    }

    // ---- where the agent file is

    @ParameterizedTest
    @EnumSource(Launcher.class)
    void process_withoutRuntimeDirectory_findsTheFileInTheConfigDirectorysRun(Launcher launcher) throws Exception {
        agent = StandInAgent.start(success(0, bytes("{\"from\":\"xdg\"}"), new byte[0]));
        String file = agent.agentFile(VERSION, ProcessHandle.current().pid());
        Path xdg = tmp.resolve("xdg-config");
        StandInAgent.writeAgentFile(xdg.resolve("aws-sso/run"), file);
        StandInAgent.writeAgentFile(home.resolve(".config/aws-sso/run"), file);
        StandInAgent.writeAgentFile(tmp.resolve("elsewhere/run"), file);
        Map<String, String> noRuntime = new HashMap<>();
        noRuntime.put("XDG_RUNTIME_DIR", null);

        Map<String, String> withXdg = new HashMap<>(noRuntime);
        withXdg.put("XDG_CONFIG_HOME", xdg.toString());
        assertThat(run(launcher, withXdg, "process").outText()).isEqualTo("{\"from\":\"xdg\"}");
        Files.delete(xdg.resolve("aws-sso/run/agent"));
        assertThat(run(launcher, withXdg, "process").out()).isEqualTo(JVM_RAN);

        assertThat(run(launcher, noRuntime, "process").outText()).isEqualTo("{\"from\":\"xdg\"}"); // ~/.config
        Map<String, String> notADirectory = Map.of("XDG_RUNTIME_DIR", tmp.resolve("missing").toString());
        assertThat(run(launcher, notADirectory, "process").outText()).isEqualTo("{\"from\":\"xdg\"}");
        Map<String, String> relative = Map.of("XDG_RUNTIME_DIR", "run"); // the cwd holds run/aws-sso/agent
        StandInAgent.writeAgentFile(home.resolve("run/aws-sso"), "protocol=1\n"); // must not be read
        assertThat(run(launcher, relative, "process").outText()).isEqualTo("{\"from\":\"xdg\"}");
        Map<String, String> tilde = new HashMap<>(noRuntime);
        tilde.put("XDG_CONFIG_HOME", "~/../xdg-config");
        Files.delete(home.resolve(".config/aws-sso/run/agent"));
        StandInAgent.writeAgentFile(xdg.resolve("aws-sso/run"), file);
        assertThat(run(launcher, tilde, "process").outText()).isEqualTo("{\"from\":\"xdg\"}");
        StandInAgent.writeAgentFile(home.resolve(".config/aws-sso/run"), file);

        Map<String, String> withConfig = new HashMap<>(noRuntime);
        withConfig.put("AWS_SSO_CONFIG", tmp.resolve("elsewhere/config.yaml").toString());
        assertThat(run(launcher, withConfig, "process").outText()).isEqualTo("{\"from\":\"xdg\"}");
        assertThat(run(launcher, noRuntime, "--config", "../elsewhere/config.yaml", "process").outText())
                .isEqualTo("{\"from\":\"xdg\"}"); // relative to the working directory
        assertThat(run(launcher, noRuntime, "process", "--config=" + tmp.resolve("elsewhere/c.yaml")).outText())
                .isEqualTo("{\"from\":\"xdg\"}");
        Files.delete(tmp.resolve("elsewhere/run/agent"));
        assertThat(run(launcher, withConfig, "process").out()).isEqualTo(JVM_RAN);
        assertThat(run(launcher, noRuntime, "--config", "../elsewhere/config.yaml", "process").out())
                .isEqualTo(JVM_RAN);

        // ~/.aws-sso wins when it holds config.yaml, or when the XDG directory holds none
        Files.createDirectories(home.resolve(".aws-sso"));
        Files.writeString(home.resolve(".config/aws-sso/config.yaml"), "SSOConfig: {}\n");
        assertThat(run(launcher, noRuntime, "process").outText()).isEqualTo("{\"from\":\"xdg\"}");
        Files.delete(home.resolve(".config/aws-sso/config.yaml"));
        assertThat(run(launcher, noRuntime, "process").out()).isEqualTo(JVM_RAN); // ~/.aws-sso/run/agent: none
        Files.writeString(home.resolve(".config/aws-sso/config.yaml"), "SSOConfig: {}\n");
        Files.writeString(home.resolve(".aws-sso/config.yaml"), "SSOConfig: {}\n");
        assertThat(run(launcher, noRuntime, "process").out()).isEqualTo(JVM_RAN);
        StandInAgent.writeAgentFile(home.resolve(".aws-sso/run"), file);
        assertThat(run(launcher, noRuntime, "process").outText()).isEqualTo("{\"from\":\"xdg\"}");
        assertThat(agent.requests()).hasSize(10);
    }
}
