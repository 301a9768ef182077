package io.awssso.core.internal.ecs;

import io.awssso.api.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS material from PEM text, with JDK APIs only: a PKCS#8 private key ({@code BEGIN PRIVATE KEY},
 * RSA or EC) and an X.509 certificate chain, leaf first.
 */
public final class PemTls {
    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final char[] NO_PASSWORD = "ecs".toCharArray();

    private PemTls() {
    }

    /**
     * The server's SSL context for this pair.
     *
     * @throws ConfigurationException when the key or chain cannot be read or do not belong together
     */
    public static SSLContext serverContext(String certChainPem, String privateKeyPem) {
        List<X509Certificate> chain = certificates(certChainPem);
        PrivateKey key = privateKey(privateKeyPem);
        requireMatch(key, chain.get(0));
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("ecs", key, NO_PASSWORD, chain.toArray(new Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, NO_PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new ConfigurationException("cannot build a TLS context from the ECS server key and certificate: "
                    + e.getClass().getSimpleName());
        }
    }

    /**
     * A client SSL context that trusts exactly the certificates of this chain (the system's CAs
     * are not consulted: the server's certificate is usually private).
     */
    public static SSLContext trusting(String certChainPem) {
        try {
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            int i = 0;
            for (X509Certificate c : certificates(certChainPem)) {
                ts.setCertificateEntry("ecs-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new ConfigurationException("cannot trust the ECS server certificate: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Checks a pair before it is stored ({@code setup ecs ssl}).
     *
     * @throws ConfigurationException saying what is wrong
     */
    public static void validate(String certChainPem, String privateKeyPem) {
        serverContext(certChainPem, privateKeyPem);
    }

    /**
     * The certificates of a PEM chain, leaf first.
     *
     * @throws ConfigurationException when there is none or one cannot be parsed
     */
    public static List<X509Certificate> certificates(String pem) {
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new ConfigurationException("the ECS server certificate must be PEM text with at least one "
                    + "-----BEGIN CERTIFICATE----- block");
        }
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = cf.generateCertificates(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).stream()
                    .map(X509Certificate.class::cast).toList();
            if (chain.isEmpty()) {
                throw new ConfigurationException("the ECS server certificate file holds no certificate");
            }
            return chain;
        } catch (CertificateException e) {
            throw new ConfigurationException("the ECS server certificate is not a valid X.509 PEM certificate: "
                    + e.getMessage());
        }
    }

    /**
     * A PKCS#8 private key (RSA or EC).
     *
     * @throws ConfigurationException for other PEM kinds, with the command that converts them
     */
    public static PrivateKey privateKey(String pem) {
        if (pem == null) {
            throw new ConfigurationException("the ECS server private key is missing");
        }
        if (pem.contains("ENCRYPTED PRIVATE KEY")) {
            throw new ConfigurationException("the ECS server private key is encrypted; store it unencrypted "
                    + "(openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem)");
        }
        Matcher m = PKCS8.matcher(pem);
        if (!m.find()) {
            throw new ConfigurationException("the ECS server private key must be PKCS#8 PEM (-----BEGIN PRIVATE "
                    + "KEY-----); convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("the ECS server private key is not valid base64 PEM");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                // try the next algorithm
            }
        }
        throw new ConfigurationException("the ECS server private key is not an RSA or EC PKCS#8 key");
    }

    /** Proves the key belongs to the leaf certificate by signing with one and verifying with the other. */
    private static void requireMatch(PrivateKey key, X509Certificate leaf) {
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(challenge);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another type than the certificate's: reported below
        }
        throw new ConfigurationException("the ECS server private key does not belong to the first certificate "
                + "of the chain (" + leaf.getSubjectX500Principal().getName() + ")");
    }

    /** PEM text for DER bytes. */
    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
