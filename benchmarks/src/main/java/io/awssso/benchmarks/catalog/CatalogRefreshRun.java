package io.awssso.benchmarks.catalog;

import io.awssso.api.ClientRegistration;
import io.awssso.api.SsoToken;
import io.awssso.core.AwsSso;
import io.awssso.core.RefreshListener;
import io.awssso.core.RefreshResult;
import io.awssso.testkit.InMemorySecureStore;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One forced refresh of the role catalog in a fresh JVM, as {@code aws-sso cache} runs it: the
 * engine is built from the config file and the refresh runs once, with nothing warmed up. Started
 * by {@link CatalogBenchmark} (which hosts the emulator and reads its call log); prints one line on
 * stdout: {@code ok <refresh ns> <ms from JVM start to the refresh> <accounts> <roles> <throttled>}
 * or {@code failed <message>}.
 *
 * <p>Arguments: {@code <home> <config.yaml> <session.properties> <threads>}. The session file holds
 * the signed-in session the benchmark's emulator issued (the in-memory store is filled from it).
 */
public final class CatalogRefreshRun {
    private CatalogRefreshRun() {
    }

    public static void main(String[] args) throws IOException {
        Path home = Path.of(args[0]);
        Path config = Path.of(args[1]);
        InMemorySecureStore store = storeWith(Path.of(args[2]));
        int threads = Integer.parseInt(args[3]);
        long sinceStart = ProcessHandle.current().info().startInstant()
                .map(s -> Duration.between(s, Instant.now()).toMillis()).orElse(-1L);
        long start = System.nanoTime();
        try (AwsSso sso = AwsSso.builder().configFile(config.toString()).environment(Map.of(), home)
                .secureStore(store).build()) {
            RefreshResult r = sso.roles().refresh(threads, RefreshListener.NONE);
            System.out.println("ok " + (System.nanoTime() - start) + " " + sinceStart + " " + r.accounts() + " "
                    + r.roles() + " " + r.throttled());
        } catch (RuntimeException e) {
            System.out.println("failed " + (System.nanoTime() - start) + " " + e.getMessage());
            System.exit(1);
        }
    }

    private static InMemorySecureStore storeWith(Path sessionFile) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(sessionFile, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Instant now = Instant.now();
        Instant expires = Instant.parse(p.getProperty("accessTokenExpiresAt"));
        ClientRegistration reg = new ClientRegistration(p.getProperty("clientId"), p.getProperty("clientSecret"),
                now, now.plus(Duration.ofDays(90)), null, null,
                List.of(ClientRegistration.AUTHORIZATION_CODE, ClientRegistration.REFRESH_TOKEN));
        SsoToken token = new SsoToken(p.getProperty("accessToken"), "Bearer", Duration.between(now, expires), expires,
                p.getProperty("refreshToken"), null);
        InMemorySecureStore store = InMemorySecureStore.create();
        store.update(s -> s.withRegistration("Default", reg).withToken("Default", token));
        return store;
    }
}
