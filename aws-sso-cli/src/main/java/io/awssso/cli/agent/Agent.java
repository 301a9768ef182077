package io.awssso.cli.agent;

import io.awssso.core.AwsSso;
import io.awssso.core.ConfigSetup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running agent: the HTTP endpoint, the agent file, and the reasons to exit (idle timeout, a
 * changed config file, an upgraded jar or JDK, another agent's file in place of ours, a stop
 * request). It serves only requests whose environment and {@code --config} select the config and
 * settings it was started with; any other request gets 409 and the caller runs its own JVM.
 */
public final class Agent implements AgentServer.Service, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
    /** Variables that only choose the role or region of one call: they may differ per request. */
    static final Set<String> PER_REQUEST = Set.of("AWS_SSO_ROLE_ARN", "AWS_SSO_ACCOUNT_ID", "AWS_SSO_ROLE_NAME",
            "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_SSO_AGENT",
            "AWS_SSO_PROFILE", "AWS_SSO_SESSION_EXPIRATION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_CREDENTIAL_EXPIRATION", "AWS_SSO_JAVA_OPTS",
            "AWS_SSO_NO_BUILD", "AWS_SSO_AGENT_DEBUG");
    private static final long INTERIM_AFTER_MILLIS = 50;
    /** More than the engine's own token margin (1 minute), so a token is never judged differently. */
    private static final Duration SESSION_MARGIN = Duration.ofMinutes(2);

    /**
     * What the agent was started with.
     *
     * @param configFile the absolute config file it serves
     * @param environment its own environment (requests must agree on the variables a client sends)
     * @param runtimeDirectory where its agent file goes (checked 0700)
     * @param idleTimeout how long it waits for a request before it exits
     * @param autoLogin the config's {@code AutoLogin}: a request that may need a login is then
     *     checked first, so that the agent never starts a browser login
     * @param version the aws-sso version
     * @param watched files whose change means an upgrade (the jar, the JDK's release file)
     * @param clock decides idleness
     */
    public record Settings(Path configFile, Map<String, String> environment, Path runtimeDirectory,
            Duration idleTimeout, boolean autoLogin, String version, List<Path> watched, Clock clock) {
        /** Copies the collections. */
        public Settings {
            environment = Map.copyOf(environment);
            watched = List.copyOf(watched);
        }
    }

    private final Settings settings;
    private final ProcessRunner runner;
    /**
     * Requests answered at once: one per core, first come first served. Fifty callers at once
     * otherwise all build an engine together and wait on the store's lock, and the unlucky ones
     * waited seconds (p99 16 s for 50 callers on 2 cores).
     */
    private final Semaphore working = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);
    private final AgentServer server;
    private final AgentFile file;
    private final Instant startedAt;
    private final Map<Path, Fingerprint> fingerprints = new HashMap<>();
    private final Fingerprint configFingerprint;
    private final AtomicLong served = new AtomicLong();
    private final Set<String> instances = new TreeSet<>();
    private final ScheduledExecutorService timers;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Instant lastRequest;
    private volatile boolean stopping;
    private volatile String stopReason = "";

    private Agent(Settings settings, ProcessRunner runner, String token, Set<String> instances) throws IOException {
        this.settings = settings;
        this.runner = runner;
        this.startedAt = settings.clock().instant();
        this.lastRequest = startedAt;
        this.instances.addAll(instances);
        this.configFingerprint = Fingerprint.of(settings.configFile());
        for (Path p : settings.watched()) {
            fingerprints.put(p, Fingerprint.quick(p)); // a jar is large: its size and time tell a replacement
        }
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "aws-sso-agent-timer");
            t.setDaemon(true);
            return t;
        });
        this.server = AgentServer.start(token, this);
        this.file = new AgentFile(settings.version(), ProcessHandle.current().pid(), server.port(), token,
                settings.configFile());
    }

    /**
     * Starts serving and writes the agent file; the caller then {@linkplain #awaitStop waits}.
     *
     * @param runner runs {@code process}
     * @param instances the SSO instances of the config, for {@code status}
     * @throws IOException when the endpoint cannot be bound or the file not written
     */
    static Agent start(Settings settings, ProcessRunner runner, Set<String> instances) throws IOException {
        Agent agent = new Agent(settings, runner, Tokens.random(), instances);
        try {
            agent.file.write(settings.runtimeDirectory());
        } catch (IOException e) {
            agent.close();
            throw e;
        }
        agent.timers.scheduleWithFixedDelay(agent::watch, 1, 1, TimeUnit.SECONDS);
        LOG.info("agent {} serving {} on 127.0.0.1:{}", agent.file.pid(), settings.configFile(), agent.server.port());
        return agent;
    }

    AgentFile file() {
        return file;
    }

    /** Blocks until the agent stopped; returns why. */
    public String awaitStop() throws InterruptedException {
        stopped.await();
        return stopReason;
    }

    private void watch() {
        try {
            check().ifPresent(this::stop);
        } catch (RuntimeException e) {
            LOG.warn("agent: check failed: {}", e.toString());
        }
    }

    /** The reason to stop now, if any (tests call it after advancing the clock). */
    Optional<String> check() {
        Instant now = settings.clock().instant();
        if (!now.isBefore(lastRequest.plus(settings.idleTimeout()))) {
            return Optional.of("idle for " + settings.idleTimeout());
        }
        if (!Fingerprint.of(settings.configFile()).equals(configFingerprint)) {
            return Optional.of("the config file " + settings.configFile() + " changed");
        }
        for (Map.Entry<Path, Fingerprint> e : fingerprints.entrySet()) {
            if (!Fingerprint.quick(e.getKey()).equals(e.getValue())) {
                return Optional.of(e.getKey() + " changed (upgrade)");
            }
        }
        AgentFile.Found found = AgentFile.read(settings.runtimeDirectory());
        if (!(found instanceof AgentFile.Found.Usable u) || u.file().pid() != file.pid()
                || u.file().port() != file.port()) {
            return Optional.of("the agent file is no longer this agent's");
        }
        return Optional.empty();
    }

    @Override
    public AgentServer.Reply process(AgentRequest request, Runnable interim) {
        if (stopping) {
            return AgentServer.Reply.empty(503);
        }
        lastRequest = settings.clock().instant();
        Optional<Integer> declined = decline(request);
        if (declined.isPresent()) {
            return AgentServer.Reply.empty(declined.get());
        }
        // a stat per request: a config edited a moment ago is never served by the old agent
        if (!Fingerprint.quick(settings.configFile()).equals(configFingerprint.quick())) {
            stop("the config file " + settings.configFile() + " changed");
            return AgentServer.Reply.empty(503);
        }
        Map<String, String> environment = environmentFor(request);
        // the interim answer also covers a wait for a worker: the client gives the first line 200 ms
        ScheduledFuture<?> slow = timers.schedule(interim, INTERIM_AFTER_MILLIS, TimeUnit.MILLISECONDS);
        ProcessRunner.Outcome outcome;
        working.acquireUninterruptibly();
        try {
            if (settings.autoLogin() && !sessionValid(environment, request.args())) {
                return AgentServer.Reply.empty(428);
            }
            outcome = runner.run(environment, request.args().toArray(String[]::new));
        } finally {
            working.release();
            slow.cancel(false);
        }
        if (outcome.exit() == 4 || outcome.exit() == 6) {
            // a login, or a store password, the caller's own JVM may be able to ask for
            return AgentServer.Reply.empty(428);
        }
        served.incrementAndGet();
        lastRequest = settings.clock().instant();
        return new AgentServer.Reply(200, "application/x-aws-sso-result", result(outcome));
    }

    static byte[] result(ProcessRunner.Outcome outcome) {
        byte[] head = ("exit " + outcome.exit() + "\nout " + outcome.out().length + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] middle = ("err " + outcome.err().length + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + outcome.out().length + middle.length + outcome.err().length];
        int at = 0;
        for (byte[] part : new byte[][] {head, outcome.out(), middle, outcome.err()}) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** Why this agent must not answer the request (the status to send), or empty to serve it. */
    Optional<Integer> decline(AgentRequest request) {
        List<String> args = request.args();
        boolean sawProcess = false;
        String configFlag = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                break;
            }
            if (a.equals("process")) {
                sawProcess = true;
            } else if (a.equals("--lines") || a.equals("-L") || a.startsWith("-L") || a.equals("--level")
                    || a.startsWith("--level=")) {
                return Optional.of(400); // logging is set per JVM: the caller's own JVM runs it
            } else if (a.equals("--config") && i + 1 < args.size()) {
                configFlag = args.get(++i);
            } else if (a.startsWith("--config=")) {
                configFlag = a.substring("--config=".length());
            }
        }
        if (!sawProcess) {
            return Optional.of(400);
        }
        Map<String, String> mine = clientVariables(settings.environment());
        Map<String, String> theirs = clientVariables(request.environment());
        if (!mine.equals(theirs)) {
            return Optional.of(409);
        }
        Path home = Path.of(request.environment().getOrDefault("HOME", System.getProperty("user.home")));
        Path config;
        try {
            config = ConfigSetup.locate(Optional.ofNullable(configFlag), request.environment(), home).file();
            config = Path.of(request.cwd()).resolve(config).normalize();
        } catch (RuntimeException e) {
            return Optional.of(409);
        }
        if (!config.equals(settings.configFile())) {
            return Optional.of(409);
        }
        return Optional.empty();
    }

    /**
     * Whether the selected instance's token stays valid beyond the engine's margin: with
     * {@code AutoLogin} the engine would otherwise start a browser login inside the agent, where
     * nobody sees it; the caller's own JVM does it instead.
     */
    private boolean sessionValid(Map<String, String> environment, List<String> args) {
        Path home = Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")));
        String config = settings.configFile().toString();
        String sso = ssoFlag(args);
        try {
            // a kept engine: the store stays open between requests (its read is fresh each time)
            Optional<Instant> expires = runner.engines().use(environment, config, sso,
                    AwsSso.builder().configFile(config).ssoInstance(sso).environment(environment, home),
                    engine -> engine.session().expiresAt());
            Instant limit = settings.clock().instant().plus(SESSION_MARGIN);
            return expires.filter(t -> t.isAfter(limit)).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The value of {@code -S/--sso} before any {@code --}, or null. */
    static String ssoFlag(List<String> args) {
        String value = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                break;
            }
            if ((a.equals("-S") || a.equals("--sso")) && i + 1 < args.size()) {
                value = args.get(++i);
            } else if (a.startsWith("--sso=")) {
                value = a.substring("--sso=".length());
            } else if (a.startsWith("-S") && a.length() > 2) {
                value = a.substring(a.startsWith("-S=") ? 3 : 2);
            }
        }
        return value;
    }

    /** The variables a client sends, less those that may differ per request. */
    static Map<String, String> clientVariables(Map<String, String> environment) {
        Map<String, String> out = new HashMap<>();
        environment.forEach((k, v) -> {
            boolean sent = k.startsWith("AWS_") || k.equals("HOME") || k.equals("XDG_CONFIG_HOME")
                    || k.equals("XDG_RUNTIME_DIR");
            if (sent && !PER_REQUEST.contains(k) && !v.isEmpty()) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The agent's own variables, with the client-sent ones replaced by the request's. */
    private Map<String, String> environmentFor(AgentRequest request) {
        Map<String, String> env = new HashMap<>();
        settings.environment().forEach((k, v) -> {
            if (!(k.startsWith("AWS_") || k.equals("HOME") || k.equals("XDG_CONFIG_HOME")
                    || k.equals("XDG_RUNTIME_DIR"))) {
                env.put(k, v);
            }
        });
        env.putAll(request.environment());
        return env;
    }

    @Override
    public AgentServer.Reply status() {
        Instant now = settings.clock().instant();
        long idleLeft = Math.max(0, Duration.between(now, lastRequest.plus(settings.idleTimeout())).toSeconds());
        List<String> names = new ArrayList<>();
        synchronized (instances) {
            instances.forEach(i -> names.add(Json.string(i)));
        }
        String json = "{\"pid\":" + file.pid() + ",\"version\":" + Json.string(file.version())
                + ",\"startedAt\":" + Json.string(startedAt.toString())
                + ",\"uptimeSeconds\":" + Duration.between(startedAt, now).toSeconds()
                + ",\"config\":" + Json.string(settings.configFile().toString())
                + ",\"instances\":[" + String.join(",", names) + "]"
                + ",\"requestsServed\":" + served.get()
                + ",\"idleTimeoutSeconds\":" + settings.idleTimeout().toSeconds()
                + ",\"idleSecondsLeft\":" + idleLeft + "}\n";
        return new AgentServer.Reply(200, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void stop() {
        stop("asked to stop");
    }

    /** Stops serving, removes the agent file (if still ours) and releases {@link #awaitStop}. */
    void stop(String reason) {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            stopReason = reason;
        }
        LOG.info("agent {} stopping: {}", file.pid(), reason);
        try {
            file.removeIfMine(settings.runtimeDirectory());
            server.close();
            timers.shutdownNow();
            runner.close(); // the kept stores' connections; a request still running closes its own after it
        } finally {
            // Whatever failed above, the process exits: after an upgrade replaced the jar, a class
            // the stop loads for the first time (closing kept engines in an agent that never kept
            // one) fails to load, and without this the agent waited forever without a file.
            stopped.countDown();
        }
    }

    @Override
    public void close() {
        stop("closed");
    }

    /** Size, modification time and (for the full check) a hash of a file's contents. */
    record Fingerprint(long size, long modified, int hash) {
        static Fingerprint of(Path p) {
            try {
                return new Fingerprint(Files.size(p), Files.getLastModifiedTime(p).toMillis(),
                        java.util.Arrays.hashCode(Files.readAllBytes(p)));
            } catch (IOException e) {
                return new Fingerprint(-1, -1, 0);
            }
        }

        static Fingerprint quick(Path p) {
            try {
                return new Fingerprint(Files.size(p), Files.getLastModifiedTime(p).toMillis(), 0);
            } catch (IOException e) {
                return new Fingerprint(-1, -1, 0);
            }
        }

        Fingerprint quick() {
            return new Fingerprint(size, modified, 0);
        }
    }
}
