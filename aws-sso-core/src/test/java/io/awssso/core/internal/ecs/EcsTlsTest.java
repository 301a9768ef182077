package io.awssso.core.internal.ecs;

import static io.awssso.core.internal.ecs.EcsTestSupport.TOKEN;
import static io.awssso.core.internal.ecs.EcsTestSupport.credentials;
import static io.awssso.core.internal.ecs.EcsTestSupport.loadBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.ConfigurationException;
import io.awssso.api.RoleCredentials;
import io.awssso.core.EcsClient;
import io.awssso.core.EcsServer;
import io.awssso.core.EcsServerOptions;
import io.awssso.core.internal.ecs.EcsTestSupport.Client;
import io.awssso.core.internal.ecs.EcsTestSupport.Reply;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTPS from a PEM pair: a self-signed certificate made by keytool, trusted explicitly by the client. */
class EcsTlsTest {
    private static SelfSignedCertificates.Pair pair;
    private final RoleCredentials admin = credentials("012345678901", "AdministratorAccess",
            Instant.now().plus(Duration.ofHours(1)));
    private EcsCredentialsServer server;

    @BeforeAll
    static void generate() {
        pair = SelfSignedCertificates.generate(30);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void generate_selfSigned_localhostAndLoopbackNamesWithPkcs8EcKey() throws Exception {
        List<X509Certificate> chain = PemTls.certificates(pair.certificatePem());

        assertThat(chain).hasSize(1);
        X509Certificate cert = chain.get(0);
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        assertThat(cert.getSubjectAlternativeNames()).extracting(l -> l.get(1).toString())
                .contains("localhost", "127.0.0.1");
        cert.checkValidity();
        cert.verify(cert.getPublicKey());
        assertThat(cert.getNotAfter().toInstant()).isBetween(Instant.now().plus(Duration.ofDays(29)),
                Instant.now().plus(Duration.ofDays(31)));
        assertThat(pair.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PemTls.privateKey(pair.privateKeyPem()).getAlgorithm()).isEqualTo("EC");
        assertThat(pair.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void serve_https_clientTrustingTheCertificateGetsCredentials() throws Exception {
        server = EcsTestSupport.start(TOKEN, false, PemTls.serverContext(pair.certificatePem(), pair.privateKeyPem()),
                Clock.systemUTC());
        Client https = new Client(URI.create("https://localhost:" + server.port() + "/"), "Bearer " + TOKEN,
                PemTls.trusting(pair.certificatePem()));

        assertThat(https.put("/", loadBody("prod-admin", admin)).status()).isEqualTo(200);
        Reply r = https.get("/");

        assertThat(server.tls()).isTrue();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("SecretAccessKey").asText()).isEqualTo(admin.secretAccessKey());
    }

    /** Slow loris on HTTPS: stalled handshakes (nothing, or half a ClientHello) hold no shared thread. */
    @Test
    void serve_https_64StalledHandshakes_trustingClientStillAnswered() throws Exception {
        server = EcsTestSupport.start(TOKEN, false, PemTls.serverContext(pair.certificatePem(), pair.privateKeyPem()),
                Clock.systemUTC());
        Client https = new Client(URI.create("https://localhost:" + server.port() + "/"), "Bearer " + TOKEN,
                PemTls.trusting(pair.certificatePem()));
        https.put("/", loadBody("prod-admin", admin));
        List<java.net.Socket> stalled = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 64; i++) {
                java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.port());
                stalled.add(s);
                if (i % 2 == 1) {
                    // a TLS record header announcing 512 bytes of handshake, then nothing
                    s.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01});
                    s.getOutputStream().flush();
                }
            }

            Reply r = https.get("/");

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("AccessKeyId").asText()).isEqualTo(admin.accessKeyId());
        } finally {
            for (java.net.Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void serve_https_clientWithSystemTrustRefusesTheHandshake() {
        server = EcsTestSupport.start(TOKEN, false, PemTls.serverContext(pair.certificatePem(), pair.privateKeyPem()),
                Clock.systemUTC());
        Client untrusting = new Client(URI.create("https://localhost:" + server.port() + "/"), "Bearer " + TOKEN,
                null);

        assertThatThrownBy(() -> untrusting.get("/")).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void serve_https_plainHttpRequestGetsNoCredentials() throws Exception {
        server = EcsTestSupport.start(TOKEN, false, PemTls.serverContext(pair.certificatePem(), pair.privateKeyPem()),
                Clock.systemUTC());
        new Client(URI.create("https://localhost:" + server.port() + "/"), "Bearer " + TOKEN,
                PemTls.trusting(pair.certificatePem())).put("/", loadBody("prod-admin", admin));

        String reply;
        try {
            reply = EcsTestSupport.raw(server.port(), ("GET / HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TOKEN + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.io.IOException e) {
            reply = "";
        }
        assertThat(reply).doesNotContain(admin.accessKeyId());
    }

    @Test
    void ecsClient_httpsWithStoredCertificate_loadsListsAndUnloads() {
        try (EcsServer s = EcsServer.start(EcsServerOptions.builder().port(0).bearerToken(TOKEN)
                .tls(pair.certificatePem(), pair.privateKeyPem()).build())) {
            EcsClient client = EcsClient.create("localhost:" + s.port(), TOKEN, pair.certificatePem());

            client.load("prod-admin", admin, true);

            assertThat(s.uri().toString()).startsWith("https://127.0.0.1:");
            assertThat(client.server().getScheme()).isEqualTo("https");
            assertThat(client.list()).extracting(EcsClient.Profile::profileName).containsExactly("prod-admin");
            assertThat(client.unload(java.util.Optional.of("prod-admin"))).isTrue();
        }
    }

    @Test
    void javaSdkContainerProvider_jvmTrustsTheCertificate_getsCredentialsOverHttps() throws Exception {
        // The SDKs do not trust a private certificate by themselves (the reason TLS is experimental);
        // once the JVM's default trust includes it, the Java SDK reads the same credentials over HTTPS.
        server = EcsTestSupport.start(TOKEN, false, PemTls.serverContext(pair.certificatePem(), pair.privateKeyPem()),
                Clock.systemUTC());
        new Client(URI.create("https://localhost:" + server.port() + "/"), "Bearer " + TOKEN,
                PemTls.trusting(pair.certificatePem())).put("/", loadBody("prod-admin", admin));
        javax.net.ssl.SSLSocketFactory original = javax.net.ssl.HttpsURLConnection.getDefaultSSLSocketFactory();
        javax.net.ssl.HttpsURLConnection.setDefaultSSLSocketFactory(
                PemTls.trusting(pair.certificatePem()).getSocketFactory());
        System.setProperty("aws.containerCredentialsFullUri", "https://localhost:" + server.port() + "/");
        System.setProperty("aws.containerAuthorizationToken", "Bearer " + TOKEN);
        software.amazon.awssdk.auth.credentials.AwsCredentials c;
        try {
            c = software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider.builder().build()
                    .resolveCredentials();
        } finally {
            javax.net.ssl.HttpsURLConnection.setDefaultSSLSocketFactory(original);
            System.clearProperty("aws.containerCredentialsFullUri");
            System.clearProperty("aws.containerAuthorizationToken");
        }

        assertThat(c.accessKeyId()).isEqualTo(admin.accessKeyId());
        assertThat(c.secretAccessKey()).isEqualTo(admin.secretAccessKey());
    }

    @Test
    void serverContext_keyOfAnotherCertificate_refusedNamingTheProblem() {
        SelfSignedCertificates.Pair other = SelfSignedCertificates.generate(1);

        assertThatThrownBy(() -> PemTls.serverContext(pair.certificatePem(), other.privateKeyPem()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("does not belong to the first certificate");
    }

    @Test
    void privateKey_pkcs1OrEncryptedOrGarbage_refusedWithConversionHint() throws Exception {
        assertThatThrownBy(() -> PemTls.privateKey("-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("PKCS#8")
                .hasMessageContaining("openssl pkcs8 -topk8");
        assertThatThrownBy(() -> PemTls.privateKey("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n"
                + "-----END ENCRYPTED PRIVATE KEY-----")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("encrypted");
        assertThatThrownBy(() -> PemTls.privateKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not an RSA or EC");
        assertThatThrownBy(() -> PemTls.certificates("not a certificate"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("BEGIN CERTIFICATE");
    }

    @Test
    void privateKey_rsaPkcs8_parsed() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String pem = PemTls.pem("PRIVATE KEY", g.generateKeyPair().getPrivate().getEncoded());

        assertThat(PemTls.privateKey(pem).getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void tlsPair_toString_hidesTheKey() {
        EcsServer.TlsPair p = new EcsServer.TlsPair(pair.certificatePem(), pair.privateKeyPem());

        assertThat(p.toString()).contains("CN=localhost").doesNotContain("PRIVATE KEY")
                .doesNotContain(pair.privateKeyPem().substring(30, 60));
    }
}
