package io.awssso.core.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.AccountId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheCodecTest {
    @TempDir
    Path dir;

    private static String golden() throws IOException {
        try (InputStream in = CacheCodecTest.class.getResourceAsStream("/catalog/aws-sso-cli-cache.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void read_awsSsoCliCache_keepsEveryFieldAndPadsAccountKeys() throws IOException {
        CacheData c = CacheCodec.read(golden());

        assertThat(c.version).isEqualTo(4);
        assertThat(c.configCreatedAt).isEqualTo(1700000000L);
        CacheData.Sso s = c.sso.get("Default");
        assertThat(s.lastUpdate).isEqualTo(1700000100L);
        assertThat(s.history).containsExactly("arn:aws:iam::012345678901:role/AdministratorAccess");
        assertThat(s.accounts).containsOnlyKeys(12345678901L, 210987654321L);
        assertThat(AccountId.of(s.accounts.keySet().iterator().next()).value()).isEqualTo("012345678901");
        CacheData.Role admin = s.accounts.get(12345678901L).roles.get("AdministratorAccess");
        assertThat(admin.expires).isEqualTo(1700003600L);
        assertThat(admin.tags).containsEntry("History", "My Prod:AdministratorAccess,1700000200");
        assertThat(s.accounts.get(210987654321L).roles.get("Deploy").via)
                .isEqualTo("arn:aws:iam::012345678901:role/AdministratorAccess");
    }

    @Test
    void write_afterRead_reproducesTheGoldenFileExactly() throws IOException {
        String golden = golden();
        assertThat(CacheCodec.write(CacheCodec.read(golden))).isEqualTo(golden);
    }

    @Test
    void write_leadingZeroAccount_isAnUnpaddedNumberKey() {
        CacheData c = new CacheData();
        CacheData.Sso s = new CacheData.Sso();
        s.accounts.put(AccountId.parse("000000000042").asLong(), new CacheData.Account());
        c.sso.put("Default", s);
        String text = CacheCodec.write(c);
        assertThat(text).contains("\"42\" : {").doesNotContain("000000000042");
        assertThat(CacheCodec.read(text).sso.get("Default").accounts).containsOnlyKeys(42L);
    }

    @Test
    void read_notJsonOrBadAccountKey_isRejected() {
        assertThatThrownBy(() -> CacheCodec.read("{\"Version\":")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CacheCodec.read("{\"SSO\":{\"D\":{\"Roles\":{\"Accounts\":{\"x1\":{}}}}}}"))
                .hasMessageContaining("x1");
    }

    @Test
    void update_failingChange_leavesTheFileUntouched() throws IOException {
        CacheFile file = new CacheFile(dir.resolve("cache.json"));
        file.update(c -> {
            c.configCreatedAt = 5;
            return null;
        });
        String before = Files.readString(file.path());
        assertThatThrownBy(() -> file.update(c -> {
            c.configCreatedAt = 6;
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(Files.readString(file.path())).isEqualTo(before);
    }

    @Test
    void update_concurrentWriters_neverLoseAnUpdateOrTearTheFile() throws Exception {
        CacheFile file = new CacheFile(dir.resolve("cache.json"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                futures.add(pool.submit(() -> file.update(c -> {
                    c.configCreatedAt++;
                    return null;
                })));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(file.read().configCreatedAt).isEqualTo(40);
    }

    @Test
    void read_unreadableFile_isAnEmptyCache() throws IOException {
        Path p = dir.resolve("cache.json");
        Files.writeString(p, "{ torn");
        assertThat(new CacheFile(p).read().sso).isEmpty();
    }

    @Test
    void update_whileWritersRun_readersAlwaysSeeAWholeFile() throws Exception {
        Path path = dir.resolve("cache.json");
        CacheFile file = new CacheFile(path);
        file.update(c -> {
            grow(c, 0);
            return null;
        });
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    CacheCodec.read(Files.readString(path)); // strict: a torn file would throw
                    reads.incrementAndGet();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        reader.setUncaughtExceptionHandler((t, e) -> failure.set(e));
        reader.start();
        for (int i = 1; i <= 30; i++) {
            int n = i;
            file.update(c -> {
                grow(c, n);
                return null;
            });
        }
        stop.set(true);
        reader.join();
        assertThat(failure.get()).isNull();
        assertThat(reads.get()).isPositive();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsOnly("cache.json", "cache.lock");
        }
    }

    /** Makes each write a different, sizeable file (a few hundred KB). */
    private static void grow(CacheData c, int n) {
        CacheData.Sso s = c.sso.computeIfAbsent("Default", k -> new CacheData.Sso());
        s.accounts.clear();
        for (long a = 0; a < 300 + n; a++) {
            CacheData.Account acc = new CacheData.Account();
            acc.alias = "account-" + a + "-" + n;
            for (int r = 0; r < 3; r++) {
                CacheData.Role role = new CacheData.Role();
                role.arn = "arn:aws:iam::" + String.format("%012d", a) + ":role/R" + r;
                role.tags.put("Role", "R" + r);
                acc.roles.put("R" + r, role);
            }
            s.accounts.put(a, acc);
        }
    }
}
