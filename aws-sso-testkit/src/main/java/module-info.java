/**
 * Test kits for aws-sso and for code that embeds it: the {@code IdentityCenterEmulator} (a real
 * HTTP server speaking the SSO OIDC, SSO portal and STS wire protocols on 127.0.0.1), the
 * {@code SecureStoreCompatibilityKit}, and in-memory fakes.
 */
module io.awssso.testkit {
    requires transitive io.awssso.api;
    requires jdk.httpserver;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    // Transitive because public kit types (the extension, the compatibility kit) extend JUnit types;
    // static because only users of those types need JUnit.
    requires static transitive org.junit.jupiter.api;
    requires static org.assertj.core;

    exports io.awssso.testkit;
}
