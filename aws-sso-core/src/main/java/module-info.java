/**
 * The aws-sso engine: config loading, login, the role catalog, credentials, built on the AWS SDK
 * for Java v2. Only the facade package {@code io.awssso.core} is exported.
 */
module io.awssso.core {
    requires transitive io.awssso.api;
    requires software.amazon.awssdk.services.sso;
    requires software.amazon.awssdk.services.ssooidc;
    requires software.amazon.awssdk.services.sts;
    requires software.amazon.awssdk.http.urlconnection;
    requires software.amazon.awssdk.core;
    // AwsSsoCredentialsProvider is an AwsCredentialsProvider: its users need these types
    requires transitive software.amazon.awssdk.auth;
    requires transitive software.amazon.awssdk.identity.spi;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.http;
    // ... and SdkAutoCloseable, which it implements
    requires transitive software.amazon.awssdk.utils;
    requires software.amazon.awssdk.retries.api;
    requires software.amazon.awssdk.endpoints;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.core;
    requires org.snakeyaml.engine;
    requires org.slf4j;
    requires jdk.httpserver;
    requires dagger;
    requires jakarta.inject;
    requires static java.compiler;

    exports io.awssso.core;

    uses io.awssso.api.spi.SecureStoreProvider;
    uses io.awssso.api.spi.ProfileNamerFactory;

    // the cross-process lock, for stores built outside the engine (FileLocks.installed())
    provides io.awssso.api.spi.FileLocks with io.awssso.core.internal.lock.CrossProcessFileLocks;
}
