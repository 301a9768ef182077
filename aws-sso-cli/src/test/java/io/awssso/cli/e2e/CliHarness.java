package io.awssso.cli.e2e;

import io.awssso.cli.Main;
import io.awssso.testkit.IdentityCenterEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * End-to-end harness for CLI tests: a running {@link IdentityCenterEmulator}, a throwaway HOME
 * with a config pointing at it, and two ways to run the tool — as users do, through
 * {@code ./aws-sso} in a separate process (launch-time module resolution included), or in-process
 * through {@link Main#run} for speed.
 *
 * <p>The AWS SDK inside the tool reaches the emulator only through the standard endpoint settings
 * ({@code AWS_ENDPOINT_URL_SSO}, {@code _SSO_OIDC}, {@code _STS} in the child's environment; the
 * matching {@code aws.endpointUrl*} system properties for in-process runs). Tests using it are
 * {@code *IT} classes, run by failsafe after {@code package} with {@code AWS_SSO_NO_BUILD=1}.
 */
public final class CliHarness implements AutoCloseable {
    /** The repository root, where {@code ./aws-sso} lives. */
    public static final Path ROOT =
            Path.of(System.getProperty("awssso.repository.root", "..")).toAbsolutePath().normalize();

    /** The password of the {@code file} store the default config uses. */
    public static final String STORE_PASSWORD = "harness-password";

    /**
     * What a run produced.
     *
     * @param exitCode the process exit status
     * @param out stdout (data)
     * @param err stderr (messages)
     */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private final IdentityCenterEmulator emulator;
    private final Path home;
    private final Map<String, String> environment = new HashMap<>();

    private CliHarness(IdentityCenterEmulator emulator, Path home) {
        this.emulator = emulator;
        this.home = home;
    }

    /**
     * Starts an emulator (auto-approving logins, one account {@code 012345678901} with
     * {@code AdministratorAccess} and {@code ReadOnlyAccess}) and writes the default config.
     *
     * @param emulatorSettings changes to the emulator's builder before it starts
     */
    public static CliHarness start(Consumer<IdentityCenterEmulator.Builder> emulatorSettings) throws IOException {
        IdentityCenterEmulator.Builder b = IdentityCenterEmulator.builder();
        emulatorSettings.accept(b);
        IdentityCenterEmulator emulator = b.build().start();
        if (emulator.accounts().isEmpty()) {
            emulator.addAccount("012345678901", "prod", "prod@example.com", "AdministratorAccess", "ReadOnlyAccess");
        }
        Path home = Files.createTempDirectory("aws-sso-e2e");
        CliHarness h = new CliHarness(emulator, home);
        h.environment.put("HOME", home.toString());
        h.environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        h.environment.put("AWS_ENDPOINT_URL_SSO", emulator.endpoint().toString());
        h.environment.put("AWS_ENDPOINT_URL_SSO_OIDC", emulator.endpoint().toString());
        h.environment.put("AWS_ENDPOINT_URL_STS", emulator.endpoint().toString());
        h.environment.put("AWS_SSO_FILE_PASSWORD", STORE_PASSWORD);
        // no test leaves an agent running unless it turns the agent on itself (and stops it by pid)
        h.environment.put("AWS_SSO_AGENT", "0");
        h.environment.put("AWS_CONFIG_FILE", home.resolve(".aws/config").toString());
        h.environment.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString());
        h.writeConfig(h.defaultConfig());
        return h;
    }

    /** {@link #start(Consumer)} with the emulator's defaults. */
    public static CliHarness start() throws IOException {
        return start(b -> { });
    }

    /** The emulator. */
    public IdentityCenterEmulator emulator() {
        return emulator;
    }

    /** The throwaway HOME. */
    public Path home() {
        return home;
    }

    /** The config directory ({@code $XDG_CONFIG_HOME/aws-sso}). */
    public Path configDirectory() {
        return home.resolve(".config/aws-sso");
    }

    /** The config file. */
    public Path configFile() {
        return configDirectory().resolve("config.yaml");
    }

    /**
     * The default config: instance {@code Default} at the emulator, the {@code file} store, the
     * PKCE flow with curl as the browser (it follows the authorize URL and its redirects).
     */
    public String defaultConfig() {
        return instanceBlock("Default") + commonSettings();
    }

    /** An {@code SSOConfig} block with one or more instances, all served by the emulator. */
    public String instanceBlock(String... names) {
        StringBuilder b = new StringBuilder("SSOConfig:\n");
        for (String name : names) {
            b.append("  ").append(name).append(":\n")
                    .append("    SSORegion: us-east-1\n")
                    .append("    StartUrl: ").append(emulator.startUrl()).append('\n');
        }
        return b.toString();
    }

    /** The settings below {@code SSOConfig} that the default config uses. */
    public String commonSettings() {
        return "SecureStore: file\n"
                + "AuthWorkflow: pkce\n"
                + "UrlAction: exec\n"
                + "UrlExecCommand: [curl, -fsSL, -o, /dev/null, \"%s\"]\n";
    }

    /** Replaces the config file. */
    public CliHarness writeConfig(String yaml) throws IOException {
        Files.createDirectories(configDirectory());
        Files.writeString(configFile(), yaml);
        return this;
    }

    /** Sets (or, with null, removes) a variable for every later run. */
    public CliHarness env(String name, String value) {
        if (value == null) {
            environment.remove(name);
        } else {
            environment.put(name, value);
        }
        return this;
    }

    /** The environment later runs get (a copy). */
    public Map<String, String> environment() {
        return new HashMap<>(environment);
    }

    /** Runs {@code ./aws-sso args...} as a separate process. */
    public Result run(String... args) throws Exception {
        return run(Map.of(), args);
    }

    /** Runs {@code ./aws-sso args...} as a separate process with extra variables. */
    public Result run(Map<String, String> extra, String... args) throws Exception {
        return start(extra, args).await();
    }

    /**
     * Runs {@code ./aws-sso args...} {@code callers} times at once, each JVM with a small heap and
     * stack (fifty JVMs share the machine), and returns the results in start order.
     */
    public List<Result> runConcurrently(int callers, String... args) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
        try {
            List<java.util.concurrent.Future<Result>> runs = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                runs.add(pool.submit(() -> run(Map.of("AWS_SSO_JAVA_OPTS", "-Xmx64m -Xss512k"), args)));
            }
            List<Result> results = new ArrayList<>();
            for (java.util.concurrent.Future<Result> run : runs) {
                results.add(run.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Put before a command whose test sends it SIGINT (Ctrl-C): the disposition of SIGINT is
     * inherited, and a build started in the background of a script ({@code mvnw verify &}) ignores
     * it, as would every JVM it starts, so the command would never see the signal. {@code env}
     * resets it to the default, as an interactive shell does for what it runs, and then executes the
     * command in its own place (same pid).
     */
    public static final List<String> WITH_DEFAULT_SIGINT = List.of("/usr/bin/env", "--default-signal=INT");

    /**
     * Starts {@code ./aws-sso args...} as a separate process with extra variables, without waiting
     * for it: for tests that look at runs while they are still going.
     */
    public Running start(Map<String, String> extra, String... args) throws IOException {
        List<String> command = new ArrayList<>(WITH_DEFAULT_SIGINT);
        command.add(ROOT.resolve("aws-sso").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("SSH_") || k.equals("WSL_DISTRO_NAME"));
        env.put("AWS_SSO_NO_BUILD", "1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putAll(environment);
        env.putAll(extra);
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            return new Running(p, out, err, String.join(" ", args));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            throw e;
        }
    }

    /** A run of {@code ./aws-sso} that {@link #start} started. */
    public static final class Running {
        private final Process process;
        private final Path out;
        private final Path err;
        private final String args;

        private Running(Process process, Path out, Path err, String args) {
            this.process = process;
            this.out = out;
            this.err = err;
            this.args = args;
        }

        /** Whether it is still running. */
        public boolean isAlive() {
            return process.isAlive();
        }

        /** Its process id (the JVM's: the launcher execs it). */
        public long pid() {
            return process.pid();
        }

        /** Kills it (SIGKILL) with every process it started. */
        public void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        /** What it has written to stderr so far. */
        public String errSoFar() throws IOException {
            return Files.readString(err);
        }

        /** Waits (at most 3 minutes) until it has finished, and what it produced. */
        public Result await() throws Exception {
            try {
                if (!process.waitFor(3, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError("./aws-sso " + args + " did not finish");
                }
                return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }
    }

    /**
     * Runs the tool in this JVM through {@link Main#run}. The SDK reads endpoint overrides from the
     * process, so they are set as {@code aws.endpointUrl*} system properties for the run.
     */
    public synchronized Result runInJvm(String... args) {
        Map<String, String> props = Map.of("aws.endpointUrlSso", emulator.endpoint().toString(),
                "aws.endpointUrlSsoOidc", emulator.endpoint().toString(),
                "aws.endpointUrlSts", emulator.endpoint().toString());
        Map<String, String> saved = new HashMap<>();
        props.forEach((k, v) -> saved.put(k, System.setProperty(k, v)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), environment(), args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    /** Stops the emulator and deletes the throwaway HOME. */
    @Override
    public void close() throws IOException {
        emulator.close();
        try (var paths = Files.walk(home)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
