package io.awssso.cli.agent;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * The per-user runtime directory that holds the agent file: {@code $XDG_RUNTIME_DIR/aws-sso} when
 * that variable names a directory, else {@code <config directory>/run}. It must be a 0700 directory
 * of this user; anything else is refused, so another user can neither read the token nor plant a
 * file of their own.
 */
public final class RuntimeDirectory {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private RuntimeDirectory() {
    }

    /**
     * Where the agent file lives.
     *
     * @param variables the environment
     * @param configFile the config file the run resolved (absolute)
     */
    public static Path locate(Map<String, String> variables, Path configFile) {
        String xdg = variables.get("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute() && Files.isDirectory(Path.of(xdg))) {
            return Path.of(xdg, "aws-sso");
        }
        return configFile.toAbsolutePath().getParent().resolve("run");
    }

    /**
     * Creates the directory 0700 (and its missing parents 0700), or checks the existing one.
     *
     * @throws IOException when it exists with other modes, another owner, or is not a directory
     */
    public static Path prepare(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = dir.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException e) {
                // made by a concurrent start: checked below like any existing one
            }
        }
        check(dir);
        return dir;
    }

    /** Refuses a directory that is not this user's own 0700 directory (symbolic links included). */
    static void check(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " is not a directory");
        }
        if (!ownedByMe(dir)) {
            throw new IOException(dir + " belongs to another user");
        }
        if (!Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
            throw new IOException(dir + " has mode "
                    + PosixFilePermissions.toString(Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS))
                    + ", not rwx------");
        }
    }

    /** Whether this process's user owns {@code path} (not following a link). */
    static boolean ownedByMe(Path path) throws IOException {
        Object mine = myUid();
        if (mine != null) {
            return mine.equals(Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        }
        return Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
    }

    /** The real uid, read from the owner of /proc/self (Linux); null elsewhere. */
    private static Object myUid() {
        try {
            return Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }
}
