package io.awssso.stores;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.SecureStoreProvider;
import io.awssso.api.spi.StoreContext;
import io.awssso.api.spi.StoredSecrets;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills writer processes with SIGKILL at random moments, many times, and checks that the store
 * always reads back whole: every write is all or nothing.
 */
class CrashSafetyTest {

    private static final int KILLS = 8;
    private static final String PASSWORD = "crash-test-password";

    static {
        CrashSafetyTest.class.getModule().addUses(SecureStoreProvider.class);
    }

    @TempDir
    Path cfg;

    private SecureStore open(String backend) {
        SecureStoreProvider provider = ServiceLoader.load(SecureStoreProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(backend)).findFirst()
                .orElseThrow();
        return provider.create(new StoreContext(cfg, Map.of(), Map.of("AWS_SSO_FILE_PASSWORD", PASSWORD), null));
    }

    private static String childClassPath() {
        List<String> parts = new ArrayList<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property, "");
            if (!value.isEmpty()) {
                parts.add(value);
            }
        }
        return String.join(File.pathSeparator, parts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "file"})
    void update_writerKilledAtRandomMoments_storeAlwaysReadsBackWhole(String backend) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Random random = new Random(42);
        int lastSeen = -1;
        for (int kill = 0; kill < KILLS; kill++) {
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", childClassPath(),
                    StoreWriterMain.class.getName(), backend, cfg.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().put("AWS_SSO_FILE_PASSWORD", PASSWORD);
            Process writer = pb.start();
            try {
                String line = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                        StandardCharsets.UTF_8)).readLine();
                assertThat(line).as("writer %d started", kill).isEqualTo("writing");
                Thread.sleep(random.nextInt(60)); // a random point in the middle of some write
            } finally {
                writer.destroyForcibly();
                assertThat(writer.waitFor(1, TimeUnit.MINUTES)).isTrue();
            }

            try (SecureStore store = open(backend)) {
                StoredSecrets s = store.read();
                int n = Integer.parseInt(s.ecsBearerToken());
                assertThat(s.roleCredentials()).as("a whole store after kill %d", kill).hasSize(n + 1);
                assertThat(n).as("progress is never lost").isGreaterThan(lastSeen);
                lastSeen = n;
            }
        }

        try (SecureStore store = open(backend)) {
            store.update(s -> s.withEcsTls("k", "c")); // the next writer clears any debris
        }
        Path storeFile = backend.equals("json") ? cfg.resolve("store.json")
                : cfg.resolve("secure").resolve("aws-sso-cli-records");
        try (Stream<Path> files = Files.list(storeFile.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(".tmp"));
        }
    }
}
