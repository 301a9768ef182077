package io.awssso.core.internal.fastpath;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.api.RoleArn;
import io.awssso.core.internal.config.AwsSsoConfig;
import io.awssso.testkit.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The role cache read for --profile; ProcessFastPathParityTest compares it with the engine's catalog. */
class RoleCacheReaderTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final long CONFIG_MTIME = NOW.getEpochSecond() - 7200;

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.startingAt(NOW);

    @BeforeEach
    void config() throws IOException {
        Files.writeString(dir.resolve("config.yaml"), "SSOConfig: {}\n");
        Files.setLastModifiedTime(dir.resolve("config.yaml"), FileTime.from(Instant.ofEpochSecond(CONFIG_MTIME)));
    }

    private RoleArn resolve(String cache, String profile) throws IOException {
        Files.writeString(dir.resolve("cache.json"), cache);
        return new RoleCacheReader(dir.resolve("cache.json"), dir.resolve("config.yaml"), clock)
                .roleByProfile("Default", 168, RoleCacheReader.DEFAULT_CONFIG_HASH, profile);
    }

    private static String cache(long createdAt, long lastUpdate, String accounts) {
        return "{\"Version\":4,\"ConfigCreatedAt\":" + createdAt + ",\"SSO\":{\"Default\":{\"LastUpdate\":" + lastUpdate
                + ",\"ConfigHash\":\"" + RoleCacheReader.DEFAULT_CONFIG_HASH + "\",\"Roles\":{\"Accounts\":{"
                + accounts + "}}}}}";
    }

    private static final String PROD = "\"12345678901\":{\"Alias\":\"Prod Account\",\"Name\":\"\",\"Roles\":{"
            + "\"Admin\":{\"Arn\":\"arn:aws:iam::012345678901:role/Admin\",\"Profile\":\"\"},"
            + "\"ReadOnly\":{\"Arn\":\"\",\"Profile\":\"ro\"}}}";

    @Test
    void defaultConfigHash_isTheCatalogsHashOfTheDefaultFormatWithoutAccounts() throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((AwsSsoConfig.DEFAULT_PROFILE_FORMAT + "{}").getBytes(StandardCharsets.UTF_8));

        assertThat(RoleCacheReader.DEFAULT_CONFIG_HASH).isEqualTo(HexFormat.of().formatHex(digest));
    }

    @Test
    void roleByProfile_freshCache_findsGeneratedAndExplicitNames() throws IOException {
        String fresh = cache(CONFIG_MTIME, NOW.getEpochSecond() - 3600, PROD);

        assertThat(resolve(fresh, "ProdAccount:Admin")).isEqualTo(RoleArn.parse("arn:aws:iam::012345678901:role/Admin"));
        assertThat(resolve(fresh, "ro")).isEqualTo(RoleArn.parse("arn:aws:iam::012345678901:role/ReadOnly"));
        assertThat(resolve(fresh, "ProdAccount:ReadOnly")).as("an explicit Profile replaces the format").isNull();
        assertThat(resolve(fresh, "nope")).isNull();
    }

    @Test
    void roleByProfile_cacheTheCatalogWouldRefresh_isNull() throws IOException {
        assertThat(resolve(cache(CONFIG_MTIME - 1, NOW.getEpochSecond() - 3600, PROD), "ProdAccount:Admin"))
                .as("config changed after the cache was made").isNull();
        assertThat(resolve(cache(CONFIG_MTIME, NOW.getEpochSecond() - 169 * 3600, PROD), "ProdAccount:Admin"))
                .as("older than CacheRefresh").isNull();
        assertThat(resolve(cache(CONFIG_MTIME, NOW.getEpochSecond() - 3600, PROD).replace("\"Version\":4",
                "\"Version\":3"), "ProdAccount:Admin")).as("an older format").isNull();
        assertThat(resolve(cache(CONFIG_MTIME, NOW.getEpochSecond() - 3600, PROD).replace(
                RoleCacheReader.DEFAULT_CONFIG_HASH, "other"), "ProdAccount:Admin")).as("another config hash").isNull();
    }

    @Test
    void roleByProfile_nameOfTwoRolesOrUnexpectedValues_isNull() throws IOException {
        String twice = PROD + ",\"111111111111\":{\"Alias\":\"x\",\"Roles\":{\"Admin\":{\"Profile\":\"ProdAccount:Admin\"}}}";
        assertThat(resolve(cache(CONFIG_MTIME, NOW.getEpochSecond() - 3600, twice), "ProdAccount:Admin")).isNull();
        assertThat(resolve(cache(CONFIG_MTIME, NOW.getEpochSecond() - 3600, PROD.replace("\"Prod Account\"", "7")),
                "7:Admin")).as("a number the catalog would read as text").isNull();
        assertThat(resolve(cache(CONFIG_MTIME, NOW.getEpochSecond() - 3600, PROD + "," + PROD.replace("12345678901",
                "012345678901")), "ProdAccount:Admin")).as("two keys for one account").isNull();
    }
}
