package io.awssso.cli.agent;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real secret stores the agent's tests keep open: a private D-Bus session bus with an unlocked
 * gnome-keyring (the {@code secret-service} store), and a throwaway gpg key with a password store
 * whose {@code pass} is a wrapper counting decryptions (the {@code pass} store). Programs are
 * started directly (no shims), so {@link #close()} ends each of them by its handle.
 */
final class RealStores implements AutoCloseable {
    private final Path root;
    private final List<Process> daemons = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private String busAddress;
    private Path decryptions;

    RealStores(Path root) {
        this.root = root;
    }

    /** The first program of {@code names} that is not installed, or null. */
    static String missing(String... names) {
        for (String name : names) {
            if (find(name) == null) {
                return name;
            }
        }
        return null;
    }

    /** The variables the stores need (the bus address, the gpg home, the password store, PATH). */
    Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    /** Starts dbus-daemon and gnome-keyring-daemon (its {@code login} collection unlocked). */
    RealStores withSecretService() throws Exception {
        Path runtime = Files.createDirectories(root.resolve("bus"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path config = root.resolve("session.conf");
        Files.writeString(config, "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                + " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                + "<busconfig><type>session</type><keep_umask/>\n<listen>unix:path=" + runtime.resolve("socket")
                + "</listen>\n<auth>EXTERNAL</auth>\n<policy context=\"default\"><allow send_destination=\"*\""
                + " eavesdrop=\"true\"/><allow eavesdrop=\"true\"/><allow own=\"*\"/></policy>\n</busconfig>\n");
        Process bus = start(Map.of(), find("dbus-daemon").toString(), "--config-file=" + config, "--nofork",
                "--nopidfile", "--print-address=1");
        String line = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (line == null || !line.startsWith("unix:")) {
            throw new IOException("dbus-daemon printed no address (" + line + ")");
        }
        busAddress = line.strip();
        environment.put("DBUS_SESSION_BUS_ADDRESS", busAddress);
        Process keyring = start(Map.of("HOME", root.toString(), "XDG_RUNTIME_DIR", runtime.toString(),
                "XDG_DATA_HOME", root.resolve("data").toString(), "DBUS_SESSION_BUS_ADDRESS", busAddress),
                find("gnome-keyring-daemon").toString(), "--foreground", "--unlock", "--components=secrets");
        try (OutputStream in = keyring.getOutputStream()) {
            in.write("throwaway-keyring-password".getBytes(StandardCharsets.UTF_8));
        }
        // a start-up wait for the daemon to claim its name, not an assertion
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!dbusSend("org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.secrets").contains("true")) {
            if (!keyring.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("gnome-keyring-daemon did not appear on the bus (see " + root.resolve("daemons.log") + ")");
            }
            Thread.sleep(50);
        }
        return this;
    }

    /**
     * How many connections the bus has accepted so far: each gets the next unique name
     * ({@code :1.N}), and the newest, this query's own, has the highest N.
     */
    int connectionsSoFar() throws Exception {
        Matcher m = Pattern.compile("\":1\\.(\\d+)\"").matcher(dbusSend("org.freedesktop.DBus.ListNames"));
        int highest = -1;
        while (m.find()) {
            highest = Math.max(highest, Integer.parseInt(m.group(1)));
        }
        return highest;
    }

    private String dbusSend(String method, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(find("dbus-send").toString(), "--bus=" + busAddress,
                "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus", method));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(1, TimeUnit.MINUTES);
        return out;
    }

    /** Creates a gpg key and an initialised password store; {@code pass show} runs are counted. */
    RealStores withPass() throws Exception {
        Path gnupg = Files.createDirectory(root.resolve("gnupg"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        environment.put("GNUPGHOME", gnupg.toString());
        environment.put("PASSWORD_STORE_DIR", root.resolve("password-store").toString());
        run("gpg", "--batch", "--passphrase", "", "--quick-gen-key", "aws-sso test <test@example.invalid>",
                "default", "default", "never");
        run("pass", "init", "test@example.invalid");
        decryptions = root.resolve("decryptions");
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path wrapper = bin.resolve("pass");
        Files.writeString(wrapper, "#!/bin/sh\n[ \"$1\" = show ] && echo show >>'" + decryptions + "'\nexec '"
                + find("pass") + "' \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        environment.put("PATH", bin + java.io.File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return this;
    }

    /** How many times the pass entry was decrypted so far. */
    long decryptionsSoFar() throws IOException {
        return Files.exists(decryptions) ? Files.readAllLines(decryptions).size() : 0;
    }

    /** The pass entry's file. */
    Path passEntry() {
        return Path.of(environment.get("PASSWORD_STORE_DIR"), "aws-sso-cli-records.gpg");
    }

    private void run(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(environment);
        pb.environment().put("HOME", root.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    private Process start(Map<String, String> env, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.redirectError(ProcessBuilder.Redirect.appendTo(root.resolve("daemons.log").toFile()));
        Process p = pb.start();
        daemons.add(p);
        return p;
    }

    private static Path find(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            Path candidate = dir.isEmpty() ? null : Path.of(dir, name);
            if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Ends the daemons (newest first) and the gpg agent. Interrupted, it still kills what is left
     * (nothing may outlive the test) and keeps the thread's interrupt status.
     */
    @Override
    public void close() throws IOException {
        boolean interrupted = false;
        for (int i = daemons.size() - 1; i >= 0; i--) {
            Process p = daemons.get(i);
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                interrupted = true;
                p.destroyForcibly();
            }
        }
        try {
            if (environment.containsKey("GNUPGHOME")) {
                run("gpgconf", "--kill", "all");
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
