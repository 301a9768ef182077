package io.awssso.core.internal.ecs;

import io.awssso.api.AwsSsoException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Makes a self-signed certificate and PKCS#8 key for the ECS server with the JDK's own
 * {@code keytool}.
 *
 * <p>Why keytool: the JDK has no public X.509 builder, and BouncyCastle's bcpkix would add two
 * signed jars (~9 MB) to every aws-sso install for a command run once. keytool ships with every
 * JDK and JRE image that has {@code java.base}; its keystore lives in a private (0700) temporary
 * directory with a random password passed through the environment (never the command line), and
 * is deleted before this returns.
 */
public final class SelfSignedCertificates {
    private static final String PASSWORD_VARIABLE = "AWS_SSO_ECS_KEYTOOL_PASSWORD";

    private SelfSignedCertificates() {
    }

    /**
     * A PEM pair.
     *
     * @param certificatePem the certificate
     * @param privateKeyPem the PKCS#8 key
     */
    public record Pair(String certificatePem, String privateKeyPem) {
        @Override
        public String toString() {
            return "Pair[certificate, privateKey=****]";
        }
    }

    /**
     * An EC P-256 key and a certificate for {@code CN=localhost} with the subject alternative names
     * {@code localhost}, {@code 127.0.0.1} and {@code ::1}.
     *
     * @param validityDays how long the certificate is valid
     * @throws AwsSsoException when keytool cannot be run
     */
    public static Pair generate(int validityDays) {
        if (validityDays < 1) {
            throw new IllegalArgumentException("validity must be at least one day");
        }
        Path dir = null;
        try {
            dir = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory("aws-sso-ecs-",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory("aws-sso-ecs-");
            Path store = dir.resolve("ecs.p12");
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            ProcessBuilder pb = new ProcessBuilder(keytool().toString(), "-genkeypair", "-noprompt",
                    "-alias", "ecs", "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1",
                    "-ext", "EKU=serverAuth", "-validity", Integer.toString(validityDays),
                    "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass:env", PASSWORD_VARIABLE, "-keypass:env", PASSWORD_VARIABLE)
                    .redirectErrorStream(true);
            pb.environment().put(PASSWORD_VARIABLE, password);
            Process p = pb.start();
            String output;
            try (InputStream in = p.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AwsSsoException("keytool did not finish within 60 s");
            }
            if (p.exitValue() != 0) {
                throw new AwsSsoException("keytool failed (exit " + p.exitValue() + "): " + output);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, password.toCharArray());
            }
            Key key = ks.getKey("ecs", password.toCharArray());
            Certificate cert = ks.getCertificate("ecs");
            if (!(key instanceof PrivateKey) || cert == null) {
                throw new AwsSsoException("keytool made no key pair");
            }
            return new Pair(PemTls.pem("CERTIFICATE", cert.getEncoded()),
                    PemTls.pem("PRIVATE KEY", key.getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            throw new AwsSsoException("cannot generate a self-signed certificate: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsSsoException("interrupted while generating a self-signed certificate", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static Path keytool() {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        for (String name : List.of("keytool", "keytool.exe")) {
            if (Files.isExecutable(bin.resolve(name))) {
                return bin.resolve(name);
            }
        }
        throw new AwsSsoException("keytool is not in " + bin + "; generate a certificate with openssl and store "
                + "it with `aws-sso setup ecs ssl -c cert.pem -k key.pem`");
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover empty 0700 directory is harmless
        }
    }
}
