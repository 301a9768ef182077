package io.awssso.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awssso.api.AwsSsoException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one-time file that hands the bearer token and TLS pair from {@code ecs docker start} to the
 * server in the container: {@code $HOME/.aws-sso/mnt/docker-ecs}, JSON
 * {@code {"privateKey","certChain","bearerToken"}}, mode 0600 in a 0700 directory that is
 * bind-mounted into the container. The server deletes it once read, so the secrets rest on disk
 * only between {@code docker start} and the server's start.
 *
 * @param bearerToken the token, or null for none
 * @param certChain the PEM certificate chain, or null for plain HTTP
 * @param privateKey the PKCS#8 PEM key, or null for plain HTTP
 */
record DockerSecrets(String bearerToken, String certChain, String privateKey) {
    /** The directory mounted into the container, relative to HOME on both sides. */
    static final String MOUNT = ".aws-sso/mnt";
    /** The file's name in {@link #MOUNT}. */
    static final String FILE = "docker-ecs";

    /** The file under a HOME. */
    static Path file(Path home) {
        return home.resolve(MOUNT).resolve(FILE);
    }

    /** Whether a TLS pair is present. */
    boolean hasTls() {
        return certChain != null && privateKey != null;
    }

    /** Writes the file atomically (temp file in the same directory, fsync, rename), 0600 in a 0700 directory. */
    void write(Path file) {
        ObjectNode n = new ObjectMapper().createObjectNode()
                .put("privateKey", privateKey == null ? "" : privateKey)
                .put("certChain", certChain == null ? "" : certChain)
                .put("bearerToken", bearerToken == null ? "" : bearerToken);
        byte[] bytes = n.toString().getBytes(StandardCharsets.UTF_8);
        Path dir = file.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path tmp = null;
        try {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                tmp = Files.createTempFile(dir, FILE, ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createDirectories(dir);
                tmp = Files.createTempFile(dir, FILE, ".tmp");
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException e) {
            throw new AwsSsoException("cannot write the ECS container's secrets file " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // best effort: the temp file holds secrets, but the write already failed
                }
            }
        }
    }

    /**
     * Reads the file and deletes it.
     *
     * @throws AwsSsoException when it is missing (the container was not started by
     *     {@code ecs docker start}, or restarted after the file was used) or unreadable
     */
    static DockerSecrets readAndDelete(Path file) {
        JsonNode n;
        try {
            n = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new AwsSsoException("the ECS server's secrets file " + file + " is missing: start the container"
                    + " with `aws-sso ecs docker start`, which writes it for one start");
        } catch (IOException e) {
            throw new AwsSsoException("cannot read the ECS server's secrets file " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // reported below only if reading failed too; the container's mount is private to this user
            }
        }
        if (n == null || !n.isObject()) {
            throw new AwsSsoException("the ECS server's secrets file " + file + " is not a JSON object");
        }
        return new DockerSecrets(text(n, "bearerToken"), text(n, "certChain"), text(n, "privateKey"));
    }

    private static String text(JsonNode n, String field) {
        String v = n.path(field).asText("");
        return v.isEmpty() ? null : v;
    }

    @Override
    public String toString() {
        return "DockerSecrets[bearerToken=" + (bearerToken == null ? "none" : "****") + ", tls=" + hasTls() + "]";
    }
}
