package io.awssso.stores.secretservice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.interfaces.DBus;

/**
 * A private D-Bus session bus ({@code dbus-daemon}) in a throwaway directory, optionally with a
 * real {@code gnome-keyring-daemon} unlocked on it. The programs are started directly (never
 * through wrappers or shims), in the foreground, so the {@link Process} handles are the real
 * processes and {@link #close()} ends every one of them.
 */
public final class PrivateSessionBus implements AutoCloseable {

    /** The password of the test's login keyring. */
    public static final String KEYRING_PASSWORD = "throwaway-test-password";

    private final Path root;
    private final List<Process> processes = new ArrayList<>();
    private final String address;
    private final Map<String, String> env = new HashMap<>();

    private PrivateSessionBus(Path root) throws IOException {
        this.root = root;
        Path home = Files.createDirectories(root.resolve("home"));
        Path runtime = Files.createDirectories(root.resolve("run"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        // A session bus without service directories: nothing is started on demand (no prompter that
        // would look for a display), so what runs on it is exactly what the test started.
        Path config = root.resolve("session.conf");
        Files.writeString(config, "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                + " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                + "<busconfig><type>session</type><keep_umask/>\n"
                + "<listen>unix:path=" + runtime.resolve("bus") + "</listen>\n"
                + "<auth>EXTERNAL</auth>\n"
                + "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                + "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy>\n"
                + "</busconfig>\n");
        Process bus = start(List.of(program("dbus-daemon").toString(), "--config-file=" + config, "--nofork",
                "--nopidfile", "--print-address=1"), Map.of());
        BufferedReader out = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("unix:")) {
            close();
            throw new IOException("dbus-daemon printed no address (got " + line + ")");
        }
        this.address = line.strip();
        env.put("HOME", home.toString());
        env.put("XDG_RUNTIME_DIR", runtime.toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("DBUS_SESSION_BUS_ADDRESS", address);
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    /** The programs a test with a real bus needs, or the first one missing. */
    public static String missingProgram(String... names) {
        for (String name : names) {
            if (find(name) == null) {
                return name;
            }
        }
        return null;
    }

    /** Starts a bus in {@code root}. */
    public static PrivateSessionBus start(Path root) throws IOException {
        return new PrivateSessionBus(root);
    }

    /** Starts {@code gnome-keyring-daemon} (secrets only) on this bus, unlocked with {@link #KEYRING_PASSWORD}. */
    public PrivateSessionBus withGnomeKeyring() throws Exception {
        Process keyring = start(List.of(program("gnome-keyring-daemon").toString(), "--foreground", "--unlock",
                "--components=secrets"), env);
        try (OutputStream in = keyring.getOutputStream()) {
            in.write(KEYRING_PASSWORD.getBytes(StandardCharsets.UTF_8));
        }
        awaitName("org.freedesktop.secrets", keyring);
        return this;
    }

    private void awaitName(String name, Process owner) throws Exception {
        try (DBusConnection c = org.freedesktop.dbus.connections.impl.DBusConnectionBuilder.forAddress(address)
                .withShared(false).build()) {
            DBus dbus = c.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            // A bounded wait for the daemon to claim its name: a start-up step, not an assertion.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!dbus.NameHasOwner(name)) {
                if (!owner.isAlive()) {
                    throw new IOException(name + ": its daemon exited with " + owner.exitValue());
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException(name + " did not appear on the private bus");
                }
                Thread.sleep(20);
            }
        }
    }

    /** The bus address ({@code unix:path=...}). */
    public String address() {
        return address;
    }

    /** An environment for stores and for client programs ({@code secret-tool}) on this bus. */
    public Map<String, String> environment() {
        return Map.copyOf(env);
    }

    /** The throwaway directory. */
    public Path root() {
        return root;
    }

    private Process start(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment);
        pb.redirectError(ProcessBuilder.Redirect.appendTo(root.resolve("daemons.log").toFile()));
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private static Path program(String name) throws IOException {
        Path p = find(name);
        if (p == null) {
            throw new IOException(name + " is not installed");
        }
        return p;
    }

    private static Path find(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** Ends the daemons, newest first (the keyring before its bus), and waits for them. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            // Services the bus started on demand (a prompter, ...) are its children: end them too.
            p.toHandle().descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }
}
