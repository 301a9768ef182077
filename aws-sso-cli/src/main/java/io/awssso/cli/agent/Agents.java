package io.awssso.cli.agent;

import io.awssso.core.AwsSso;
import io.awssso.core.ConfigSetup;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the {@code agent} commands and the {@code process} path ask of the agent: run one, start one
 * in the background, report on it, stop it.
 */
public final class Agents {
    /** The variable that turns the agent off ({@code AWS_SSO_AGENT=0}). */
    public static final String SWITCH_VARIABLE = "AWS_SSO_AGENT";
    static final String LOCK = "agent.lock";

    private Agents() {
    }

    /** Whether the environment turns the agent off. */
    public static boolean switchedOff(Map<String, String> env) {
        return AgentAutoStart.switchedOff(env);
    }

    /** The absolute config file a run with these options and variables uses. */
    static Path configFile(Optional<String> configFlag, Map<String, String> env, Path home) {
        return ConfigSetup.locate(configFlag, env, home).file().toAbsolutePath().normalize();
    }

    /** A live agent of this version for this config's runtime directory, if the agent file names one. */
    static Optional<AgentFile> live(Path dir, String version) {
        if (AgentFile.read(dir) instanceof AgentFile.Found.Usable u && u.file().version().equals(version)
                && ProcessHandle.of(u.file().pid()).map(ProcessHandle::isAlive).orElse(false)) {
            return Optional.of(u.file());
        }
        return Optional.empty();
    }

    /**
     * Runs the agent in this JVM until it stops ({@code agent start --foreground}).
     *
     * @return the exit code
     */
    public static int runForeground(Optional<String> configFlag, Map<String, String> env, Path home, String version,
            PrintStream err) {
        if (switchedOff(env)) {
            err.println("error: the agent is turned off (" + SWITCH_VARIABLE + "=" + env.get(SWITCH_VARIABLE) + ")");
            return 1;
        }
        Path config = configFile(configFlag, env, home);
        if (!Files.isRegularFile(config)) {
            err.println("error: there is no config file at " + config + "; the agent serves an existing config");
            return 3;
        }
        AgentSettings agentSettings;
        Set<String> instances;
        try (AwsSso sso = AwsSso.builder().configFile(config.toString()).environment(env, home).build()) {
            agentSettings = AgentSettings.of(sso);
            instances = Set.of(sso.instanceName());
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 3;
        }
        if (!agentSettings.enabled()) {
            err.println("error: the agent is turned off in " + config + " (Agent: false)");
            return 1;
        }
        Path dir;
        try {
            dir = RuntimeDirectory.prepare(RuntimeDirectory.locate(env, config));
        } catch (IOException e) {
            err.println("error: cannot use the agent's runtime directory: " + e.getMessage());
            return 1;
        }
        try (FileChannel lockFile = FileChannel.open(dir.resolve(LOCK), Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")))) {
            FileLock lock;
            try {
                lock = lockFile.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                err.println("an agent is already starting or running for " + dir);
                return 0;
            }
            Optional<AgentFile> running = live(dir, version);
            if (running.isPresent() && running.get().config().equals(config)) {
                err.println("an agent is already running (pid " + running.get().pid() + ")");
                return 0;
            }
            return serve(new Agent.Settings(config, env, dir, agentSettings.idleTimeout(),
                    agentSettings.autoLogin(), version, watchedFiles(),
                    Clock.systemUTC()), instances, err);
        } catch (IOException e) {
            err.println("error: cannot start the agent: " + e.getMessage());
            return 1;
        }
    }

    private static int serve(Agent.Settings settings, Set<String> instances, PrintStream err) throws IOException {
        RoutedStream out = RoutedStream.over(System.out);
        RoutedStream errors = RoutedStream.over(System.err);
        System.setOut(out.printStream());
        System.setErr(errors.printStream());
        Agent agent = Agent.start(settings, new ProcessRunner(out, errors), instances);
        try {
            Files.deleteIfExists(settings.runtimeDirectory().resolve(AgentAutoStart.SPAWN_MARKER));
        } catch (IOException e) {
            // it ages out
        }
        Thread hook = new Thread(() -> agent.stop("terminated by a signal"), "aws-sso-agent-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        err.println("aws-sso agent " + agent.file().pid() + " serving " + settings.configFile()
                + " on 127.0.0.1:" + agent.file().port() + " (idle timeout " + settings.idleTimeout() + ")");
        err.flush();
        try {
            String why = agent.awaitStop();
            err.println("aws-sso agent " + agent.file().pid() + " stopped: " + why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            agent.stop("interrupted");
        }
        return 0;
    }

    /** The jar (or classes directory) this code runs from and the JDK's release file: their change is an upgrade. */
    static List<Path> watchedFiles() {
        List<Path> watched = new ArrayList<>();
        try {
            watched.add(Path.of(Agents.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // no code source (an unusual class loader): upgrades of the jar go unnoticed
        }
        watched.add(Path.of(System.getProperty("java.home"), "release"));
        return watched;
    }

    /**
     * Starts an agent in the background and waits until its file is there ({@code agent start}).
     *
     * @return the exit code
     */
    public static int startDetached(Optional<String> configFlag, Map<String, String> env, Path home, String version,
            PrintStream err) {
        if (switchedOff(env)) {
            err.println("error: the agent is turned off (" + SWITCH_VARIABLE + "=" + env.get(SWITCH_VARIABLE) + ")");
            return 1;
        }
        Path config = configFile(configFlag, env, home);
        Path dir;
        try {
            dir = RuntimeDirectory.prepare(RuntimeDirectory.locate(env, config));
        } catch (IOException e) {
            err.println("error: cannot use the agent's runtime directory: " + e.getMessage());
            return 1;
        }
        Optional<AgentFile> running = live(dir, version);
        if (running.isPresent() && running.get().config().equals(config)) {
            err.println("an agent is already running (pid " + running.get().pid() + ")");
            return 0;
        }
        Process child;
        try {
            child = AgentLauncher.spawn(config, dir);
        } catch (IOException e) {
            err.println("error: cannot start the agent: " + e.getMessage());
            return 1;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<AgentFile> started = live(dir, version);
            if (started.isPresent() && started.get().config().equals(config)) {
                // its pid, not the child's: a setsid that had to fork has exited by now
                err.println("aws-sso agent started (pid " + started.get().pid() + ", log "
                        + dir.resolve(AgentLauncher.LOG) + ")");
                return 0;
            }
            if (!child.isAlive() && child.exitValue() != 0) {
                err.println("error: the agent exited with status " + child.exitValue() + "; see "
                        + dir.resolve(AgentLauncher.LOG));
                return 1;
            }
            sleep(20);
        }
        err.println("error: the agent did not start within 30 s; see " + dir.resolve(AgentLauncher.LOG));
        return 1;
    }

    /**
     * Prints the running agent's status to {@code out} ({@code agent status}).
     *
     * @return 0, or 1 when no agent runs
     */
    public static int status(Optional<String> configFlag, Map<String, String> env, Path home, String version,
            boolean json, PrintWriter out, PrintStream err) {
        Path config = configFile(configFlag, env, home);
        Path dir = RuntimeDirectory.locate(env, config);
        Optional<AgentFile> running = live(dir, version);
        if (running.isEmpty()) {
            err.println("no agent is running (" + dir.resolve(AgentFile.NAME) + ")");
            return 1;
        }
        AgentClient.Response response;
        try {
            response = AgentClient.send(running.get(), "GET", "/v1/status", new byte[0]);
        } catch (IOException e) {
            err.println("error: the agent (pid " + running.get().pid() + ") does not answer: " + e.getMessage());
            return 1;
        }
        if (response.status() != 200) {
            err.println("error: the agent answered HTTP " + response.status());
            return 1;
        }
        out.print(json ? response.text() : StatusText.of(response.text()));
        out.flush();
        return 0;
    }

    /**
     * Stops the agent of this config's runtime directory, if one runs: POST /v1/stop, else SIGTERM.
     *
     * @return whether an agent was running
     */
    public static boolean stopRunning(Optional<String> configFlag, Map<String, String> env, Path home) {
        return stopFor(configFile(configFlag, env, home), env);
    }

    /**
     * Stops the agent serving {@code configFile}, if one runs ({@code logout}, {@code login --force}:
     * the agent must not outlive the session it served). Never fails.
     *
     * @return whether an agent was running
     */
    public static boolean stopFor(Path configFile, Map<String, String> env) {
        try {
            return stop(RuntimeDirectory.locate(env, configFile.toAbsolutePath().normalize()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean stop(Path dir) {
        if (!(AgentFile.read(dir) instanceof AgentFile.Found.Usable u)) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(u.file().pid()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        try {
            AgentClient.send(u.file(), "POST", "/v1/stop", new byte[0]);
        } catch (IOException | RuntimeException e) {
            // not answering: the signal below
        }
        if (!waitForExit(process.get(), 3000)) {
            // only a JVM: the pid of a long-dead agent may belong to another program by now
            if (process.get().info().command().map(c -> c.endsWith("java")).orElse(false)) {
                process.get().destroy();
                waitForExit(process.get(), 3000);
            }
        }
        return true;
    }

    private static boolean waitForExit(ProcessHandle process, long millis) {
        try {
            process.onExit().get(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
