package io.awssso.cli.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The agent file: how a client finds the agent (port) and proves it is the same user (token).
 * Mode 0600 in a 0700 directory; written atomically; removed by the agent on exit.
 *
 * @param version the aws-sso version of the agent
 * @param pid the agent's process id
 * @param port its loopback TCP port
 * @param token 64 lowercase hex characters
 * @param config the absolute path of the config file the agent serves
 */
public record AgentFile(String version, long pid, int port, String token, Path config) {
    /** The file's name in the runtime directory. */
    public static final String NAME = "agent";
    /** The protocol this code speaks. */
    public static final int PROTOCOL = 1;

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{64}");
    private static final List<String> KEYS = List.of("protocol", "version", "pid", "port", "token", "config");
    private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");

    /** Checks the fields. */
    public AgentFile {
        if (version == null || version.isBlank() || version.contains("\n")) {
            throw new IllegalArgumentException("version must be one non-empty line");
        }
        if (pid <= 0 || port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("pid and port must be positive (port at most 65535)");
        }
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("token must be 64 lowercase hex characters");
        }
        if (config == null || !config.isAbsolute() || config.toString().contains("\n")) {
            throw new IllegalArgumentException("config must be an absolute path on one line");
        }
    }

    /** Without the token. */
    @Override
    public String toString() {
        return "AgentFile[version=" + version + ", pid=" + pid + ", port=" + port + ", config=" + config + "]";
    }

    /** The file's text, as the protocol orders it. */
    String render() {
        return "protocol=" + PROTOCOL + "\nversion=" + version + "\npid=" + pid + "\nport=" + port + "\ntoken="
                + token + "\nconfig=" + config + "\n";
    }

    /** What reading the agent file found. */
    public sealed interface Found {
        /** There is no agent file. */
        record Missing() implements Found {
        }

        /**
         * There is a file no client may trust (other modes or owner, not a regular file, malformed,
         * another protocol); it is to be replaced.
         *
         * @param why for the log
         */
        record Unusable(String why) implements Found {
        }

        /**
         * A well-formed, private agent file (its pid may still be dead, its version another).
         *
         * @param file the contents
         */
        record Usable(AgentFile file) implements Found {
        }
    }

    /**
     * Reads {@code dir/agent}, refusing a file that is not the user's own with mode 0600.
     *
     * @param dir the runtime directory
     */
    public static Found read(Path dir) {
        Path file = dir.resolve(NAME);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? new Found.Unusable("not a regular file")
                        : new Found.Missing();
            }
            if (!Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).equals(OWNER_RW)) {
                return new Found.Unusable("mode is not 0600");
            }
            if (!RuntimeDirectory.ownedByMe(file)) {
                return new Found.Unusable("owned by another user");
            }
            if (Files.size(file) > 4096) {
                return new Found.Unusable("too large");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8))
                    .<Found>map(Found.Usable::new)
                    .orElseGet(() -> new Found.Unusable("malformed"));
        } catch (NoSuchFileException e) {
            return new Found.Missing();
        } catch (IOException | RuntimeException e) {
            return new Found.Unusable("unreadable: " + e.getClass().getSimpleName());
        }
    }

    /** The file's contents, when every line is there in order and protocol is ours. */
    static Optional<AgentFile> parse(String text) {
        if (!text.endsWith("\n")) {
            return Optional.empty();
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length != KEYS.size()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq < 0 || !lines[i].substring(0, eq).equals(KEYS.get(i))) {
                return Optional.empty();
            }
            values.put(KEYS.get(i), lines[i].substring(eq + 1));
        }
        try {
            if (Integer.parseInt(values.get("protocol")) != PROTOCOL) {
                return Optional.empty();
            }
            return Optional.of(new AgentFile(values.get("version"), Long.parseLong(values.get("pid")),
                    Integer.parseInt(values.get("port")), values.get("token"), Path.of(values.get("config"))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes the file atomically (a 0600 temporary file renamed over it), replacing whatever was
     * there.
     *
     * @param dir the runtime directory, already checked
     */
    public void write(Path dir) throws IOException {
        Path tmp = dir.resolve(NAME + "." + pid + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_RW));
        try {
            Files.write(tmp, render().getBytes(StandardCharsets.UTF_8), StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.move(tmp, dir.resolve(NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Removes {@code dir/agent} if it is still this agent's (another agent may have replaced it).
     *
     * @param dir the runtime directory
     */
    public void removeIfMine(Path dir) {
        if (read(dir) instanceof Found.Usable u && u.file().pid() == pid && u.file().port() == port) {
            try {
                Files.deleteIfExists(dir.resolve(NAME));
            } catch (IOException e) {
                // a stale file is recognised by its dead pid
            }
        }
    }
}
