package io.awssso.core.internal.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awssso.api.RoleArn;
import io.awssso.core.internal.config.AccountConfig;
import io.awssso.core.internal.config.AwsSsoConfig;
import io.awssso.core.internal.config.SsoConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * When an instance's role cache is stale (reference 6.2): an older cache version, no entry,
 * older than {@code CacheRefresh} hours, a config file changed since, or a different hash of
 * ProfileFormat and the instance's Accounts.
 */
final class CacheExpiry {
    private final AwsSsoConfig config;
    private final SsoConfig instance;
    private final Path configFile;
    private final Clock clock;

    CacheExpiry(AwsSsoConfig config, SsoConfig instance, Path configFile, Clock clock) {
        this.config = config;
        this.instance = instance;
        this.configFile = configFile;
        this.clock = clock;
    }

    /** True when this instance's entry in {@code data} must be refreshed (reference 6.2). */
    boolean expired(CacheData data) {
        if (data.version < CacheData.VERSION) {
            return true;
        }
        CacheData.Sso s = data.sso.get(instance.name());
        if (s == null) {
            return true;
        }
        if (config.cacheRefreshHours() <= 0) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (s.lastUpdate + config.cacheRefreshHours() * 3600L < now) {
            return true;
        }
        if (configMtime() > data.configCreatedAt) {
            return true;
        }
        return !s.configHash.equals(configHash());
    }

    /** The config file's mtime in epoch seconds, 0 when it cannot be read. */
    long configMtime() {
        try {
            return Files.getLastModifiedTime(configFile).toInstant().getEpochSecond();
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** SHA-256 of ProfileFormat + the JSON of this instance's Accounts (sorted keys). */
    String configHash() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode accounts = json.createObjectNode();
        for (AccountConfig a : instance.accounts().values()) {
            ObjectNode an = accounts.putObject(a.id().value());
            an.put("Name", a.name().orElse(""));
            an.put("DefaultRegion", a.defaultRegion().orElse(""));
            new TreeMap<>(a.tags()).forEach(an.putObject("Tags")::put);
            ObjectNode roles = an.putObject("Roles");
            new TreeMap<>(a.roles()).forEach((name, r) -> {
                ObjectNode rn = roles.putObject(name);
                rn.put("Profile", r.profile().orElse(""));
                rn.put("DefaultRegion", r.defaultRegion().orElse(""));
                new TreeMap<>(r.tags()).forEach(rn.putObject("Tags")::put);
                rn.put("Via", r.via().map(RoleArn::toString).orElse(""));
                rn.put("ExternalId", r.externalId().orElse(""));
                rn.put("SourceIdentity", r.sourceIdentity().orElse(""));
            });
        }
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(config.profileFormat().getBytes(StandardCharsets.UTF_8));
            d.update(accounts.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
