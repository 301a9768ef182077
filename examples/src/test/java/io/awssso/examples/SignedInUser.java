package io.awssso.examples;

import io.awssso.core.AwsSso;
import io.awssso.core.LoginOptions;
import io.awssso.testkit.IdentityCenterEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A user signed in to the emulator the way {@code aws-sso login} would: config and json store in
 * the throwaway HOME the pom gives the test JVM, and every SDK client routed to the emulator by the
 * standard {@code aws.endpointUrl*} settings only. Closing stops the emulator and restores them.
 */
final class SignedInUser implements AutoCloseable {
    private static final String[] ENDPOINTS = {"aws.endpointUrlSso", "aws.endpointUrlSsoOidc", "aws.endpointUrlSts"};

    final IdentityCenterEmulator emulator;
    private final Map<String, String> saved = new HashMap<>();

    /** Starts the emulator with the accounts, writes the config (with {@code configExtra} under the instance), logs in. */
    SignedInUser(IdentityCenterEmulator emulator, String instanceExtra) {
        this.emulator = emulator;
        for (String p : ENDPOINTS) {
            saved.put(p, System.getProperty(p));
            System.setProperty(p, emulator.endpoint().toString());
        }
        Path config = Path.of(System.getenv("AWS_SSO_CONFIG"));
        if (!config.toString().contains("example-home")) {
            throw new IllegalStateException("the test JVM must run with the pom's throwaway HOME, not " + config);
        }
        try {
            Files.deleteIfExists(config.resolveSibling("store.json"));
            Files.deleteIfExists(config.resolveSibling("cache.json"));
            Files.createDirectories(config.getParent());
            Files.writeString(config, "SSOConfig:\n  Default:\n    SSORegion: us-east-1\n    StartUrl: "
                    + emulator.startUrl() + "\n" + instanceExtra
                    + "SecureStore: json\nAuthWorkflow: device_code\nUrlAction: print\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (AwsSso sso = AwsSso.builder().build()) {
            sso.session().login(LoginOptions.defaults()); // the emulator approves device codes by itself
        }
    }

    @Override
    public void close() {
        emulator.close();
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }
}
