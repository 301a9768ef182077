package io.awssso.core.internal.login;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awssso.api.ClientRegistration;
import io.awssso.api.SsoInstance;
import io.awssso.api.SsoToken;
import io.awssso.api.StoreUnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Writes the AWS CLI's SSO token cache file for an {@code sso-session}, so that the AWS CLI and
 * the AWS SDKs ({@code sso_session} profiles) ride on aws-sso's login. Opt-in: that file holds the
 * access and refresh tokens in plain text, exactly as the AWS CLI keeps them.
 *
 * <p>Layout: {@code ~/.aws/sso/cache/<sha1(session name)>.json} with the AWS CLI's field names and
 * {@code Z} timestamps, mode 0600, written atomically.
 */
public final class AwsCliTokenCache {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    private final Path cacheDirectory;

    /** @param home the user's home directory */
    public AwsCliTokenCache(Path home) {
        this.cacheDirectory = home.resolve(".aws").resolve("sso").resolve("cache");
    }

    /** The cache file of a session. */
    public Path file(String sessionName) {
        return cacheDirectory.resolve(sha1Hex(sessionName) + ".json");
    }

    /** Writes (or replaces) the session's token file. */
    public void write(String sessionName, SsoInstance instance, SsoToken token,
            ClientRegistration registration) {
        ObjectNode n = JSON.createObjectNode();
        n.put("startUrl", instance.startUrl());
        n.put("region", instance.ssoRegion());
        n.put("accessToken", token.accessToken());
        n.put("expiresAt", iso(token.expiresAt()));
        n.put("clientId", registration.clientId());
        n.put("clientSecret", registration.clientSecret());
        n.put("registrationExpiresAt", iso(registration.secretExpiresAt()));
        token.refreshTokenIfAny().ifPresent(r -> n.put("refreshToken", r));
        try {
            writeAtomically(file(sessionName), JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(n).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot write the AWS CLI token cache in "
                    + cacheDirectory + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the session's token file, if any. */
    public void delete(String sessionName) {
        try {
            Files.deleteIfExists(file(sessionName));
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot delete " + file(sessionName) + ": "
                    + e.getMessage(), e);
        }
    }

    private static String iso(Instant t) {
        return ISO.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    private void writeAtomically(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(cacheDirectory);
        Path tmp = Files.createTempFile(cacheDirectory, ".aws-sso-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String sha1Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }
}
