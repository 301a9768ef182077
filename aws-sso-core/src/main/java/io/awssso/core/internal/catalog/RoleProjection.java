package io.awssso.core.internal.catalog;

import io.awssso.api.AccountId;
import io.awssso.api.CatalogRole;
import io.awssso.api.ConfigurationException;
import io.awssso.api.RoleArn;
import io.awssso.core.internal.config.AwsSsoConfig;
import io.awssso.core.internal.config.ConfigKeyLocator;
import io.awssso.core.internal.config.SsoConfig;
import io.awssso.core.internal.naming.GoTemplateProfileNamer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cache entries as {@link CatalogRole}s: the ARN, the region by precedence (role, account,
 * instance, config), and the profile name (explicit, else ProfileFormat).
 */
final class RoleProjection {
    private static final Logger LOG = LoggerFactory.getLogger(RoleProjection.class);

    private final AwsSsoConfig config;
    private final SsoConfig instance;
    private final Path configFile;

    RoleProjection(AwsSsoConfig config, SsoConfig instance, Path configFile) {
        this.config = config;
        this.instance = instance;
        this.configFile = configFile;
    }

    /** The catalog's view of one instance's cache entry: regions resolved, profiles named. */
    List<CatalogRole> project(CacheData.Sso s, RoleNamer names, Instant now) {
        List<CatalogRole> out = new ArrayList<>();
        int[] id = {0};
        s.accounts.forEach((accountNumber, a) -> a.roles.forEach((roleName, r) -> {
            RoleArn arn;
            try {
                arn = r.arn.isEmpty() ? RoleArn.of(AccountId.of(accountNumber), roleName) : RoleArn.parse(r.arn);
            } catch (IllegalArgumentException e) {
                LOG.debug("skipping a cached role with a bad ARN: {}", e.getMessage());
                return;
            }
            String region = firstNonEmpty(r.defaultRegion, a.defaultRegion, s.defaultRegion,
                    config.defaultRegion());
            RoleArn via = r.via.isEmpty() ? null : parseOrNull(r.via);
            Instant expires = r.expires > 0 ? Instant.ofEpochSecond(r.expires) : null;
            CatalogRole role = new CatalogRole(arn, instance.name(), a.alias, a.name, a.emailAddress, r.profile,
                    region, via, r.tags, expires);
            if (r.profile.isEmpty()) {
                role = new CatalogRole(arn, instance.name(), a.alias, a.name, a.emailAddress,
                        names.name(id[0], role, r.tags, now), region, via, r.tags, expires);
            }
            id[0]++;
            out.add(role);
        }));
        return out;
    }

    private static RoleArn parseOrNull(String arn) {
        try {
            return RoleArn.parse(arn);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    /** A ProfileFormat that fails is a config error at the key, with file and line. */
    static ConfigurationException located(Path configFile, GoTemplateProfileNamer.ProfileFormatException e) {
        return new ConfigurationException(List.of(
                ConfigKeyLocator.problem(configFile, "ProfileFormat", e.detail())));
    }
}
