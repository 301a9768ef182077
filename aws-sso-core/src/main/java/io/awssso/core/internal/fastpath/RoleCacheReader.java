package io.awssso.core.internal.fastpath;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.awssso.api.AccountId;
import io.awssso.api.RoleArn;
import io.awssso.api.internal.io.BoundedFiles;
import io.awssso.core.internal.naming.DefaultProfileName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The role a {@code --profile} name stands for, read from {@code cache.json} without the engine's
 * role catalog, for the {@code process} cache hit.
 *
 * <p>{@code cache.json} stores a profile name only where config gives a role an explicit
 * {@code Profile}; every other name is made from {@code ProfileFormat} when the catalog is read.
 * So this reader answers only under the default {@code ProfileFormat} and an instance without
 * {@code Accounts} in config (the caller checks both), whose names it makes without the template
 * engine ({@link DefaultProfileName}), and only from a cache the catalog would use as it is: the
 * catalog's expiry rules (format version, {@code CacheRefresh} hours, the config file's mtime,
 * the config hash) decide as in {@code CatalogService.expired}, and an expired cache, a name
 * that matches no role or more than one, or anything unexpected in the file is null, meaning "ask
 * the engine" (which refreshes the cache or reports the problem).
 */
final class RoleCacheReader {
    /** The cache format version the catalog writes and reads ({@code CacheData.VERSION}). */
    static final int VERSION = 4;
    /**
     * {@code CatalogService.configHash()} under the default ProfileFormat with no {@code Accounts}:
     * SHA-256 of the format followed by {@code {}}, precomputed because the catalog would compute
     * it with the JCA and Jackson databind (RoleCacheReaderTest recomputes it).
     */
    static final String DEFAULT_CONFIG_HASH = "6be2efb448c76b68fb378d92b07eac03f92403fd0db165e623637f89ac5e4fff";

    private final Path cacheFile;
    private final Path configFile;
    private final Clock clock;

    /**
     * @param cacheFile {@code <cfg>/cache.json}
     * @param configFile the config file (its mtime expires the cache)
     * @param clock decides expiry
     */
    RoleCacheReader(Path cacheFile, Path configFile, Clock clock) {
        this.cacheFile = cacheFile;
        this.configFile = configFile;
        this.clock = clock;
    }

    /**
     * The role whose profile name is {@code profile} in the instance's section of the cache, or
     * null when the catalog might answer otherwise.
     *
     * @param instance the selected SSO instance's name
     * @param cacheRefreshHours {@code CacheRefresh}
     * @param configHash the config hash the catalog would compute now
     */
    RoleArn roleByProfile(String instance, int cacheRefreshHours, String configHash, String profile)
            throws IOException {
        byte[] bytes;
        try {
            bytes = BoundedFiles.read(cacheFile, BoundedFiles.MAX_STATE_BYTES);
        } catch (NoSuchFileException e) {
            return null; // an empty cache has expired: the catalog refreshes it
        }
        Section found = null;
        long version = 0;
        long configCreatedAt = 0;
        try (JsonParser p = FileStoreReader.strict().createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "Version" -> version = number(p, value);
                    case "ConfigCreatedAt" -> configCreatedAt = number(p, value);
                    case "SSO" -> {
                        if (value != JsonToken.START_OBJECT) {
                            return null;
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            boolean wanted = p.currentName().equals(instance);
                            JsonToken section = p.nextToken();
                            if (!wanted) {
                                p.skipChildren();
                                continue;
                            }
                            if (section != JsonToken.START_OBJECT) {
                                return null;
                            }
                            found = section(p, profile);
                            if (found == null) {
                                return null;
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                return null;
            }
        } catch (IllegalArgumentException e) {
            return null; // a value of a type the catalog would coerce, or a bad account key
        }
        if (found == null || version < VERSION || expired(found, configCreatedAt, cacheRefreshHours, configHash)) {
            return null;
        }
        return found.matches == 1 ? found.match : null;
    }

    /** CatalogService.expired, once the version and the instance's section are known to be there. */
    private boolean expired(Section s, long configCreatedAt, int cacheRefreshHours, String configHash)
            throws IOException {
        if (cacheRefreshHours <= 0) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (s.lastUpdate + cacheRefreshHours * 3600L < now) {
            return true;
        }
        long mtime;
        try {
            mtime = Files.getLastModifiedTime(configFile).toInstant().getEpochSecond();
        } catch (NoSuchFileException e) {
            mtime = 0;
        }
        if (mtime > configCreatedAt) {
            return true;
        }
        return !s.configHash.equals(configHash);
    }

    /** What one instance's section says about the profile. */
    private static final class Section {
        long lastUpdate;
        String configHash = "";
        int matches;
        RoleArn match;
    }

    /** Reads {@code SSO.<instance>}, the parser on its START_OBJECT; null when anything is unexpected. */
    private static Section section(JsonParser p, String profile) throws IOException {
        Section s = new Section();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "LastUpdate" -> s.lastUpdate = number(p, value);
                case "ConfigHash" -> s.configHash = text(p, value);
                case "Roles" -> {
                    if (value != JsonToken.START_OBJECT || !roles(p, s, profile)) {
                        return null;
                    }
                }
                default -> p.skipChildren();
            }
        }
        return s;
    }

    /** Reads {@code Roles} (the instance's), counting the roles whose profile name is {@code profile}. */
    private static boolean roles(JsonParser p, Section s, String profile) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (!name.equals("Accounts")) {
                p.skipChildren();
                continue;
            }
            if (value != JsonToken.START_OBJECT) {
                return false;
            }
            java.util.Set<Long> seen = new java.util.HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                // the catalog reads the key as Long.parseLong(key.strip()); only plain digits here
                if (key.isEmpty() || key.length() > 18 || !digits(key)) {
                    return false;
                }
                long account = Long.parseLong(key);
                if (!seen.add(account) || p.nextToken() != JsonToken.START_OBJECT || !account(p, account, s, profile)) {
                    return false; // two keys for one account: the catalog keeps the later
                }
            }
        }
        return true;
    }

    private static boolean account(JsonParser p, long account, Section s, String profile) throws IOException {
        String alias = "";
        String accountName = "";
        // The roles come after Alias and Name in what the catalog writes, but JSON has no order:
        // remember the roles' own fields and name them once the account is read.
        java.util.List<String[]> roles = new java.util.ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "Alias" -> alias = text(p, value);
                case "Name" -> accountName = text(p, value);
                case "Roles" -> {
                    if (value != JsonToken.START_OBJECT) {
                        return false;
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String roleName = p.currentName();
                        if (p.nextToken() != JsonToken.START_OBJECT) {
                            return false;
                        }
                        String[] role = {roleName, "", ""}; // name, Arn, Profile
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String field = p.currentName();
                            JsonToken v = p.nextToken();
                            switch (field) {
                                case "Arn" -> role[1] = text(p, v);
                                case "Profile" -> role[2] = text(p, v);
                                default -> p.skipChildren();
                            }
                        }
                        roles.add(role);
                    }
                }
                default -> p.skipChildren();
            }
        }
        for (String[] role : roles) {
            RoleArn arn;
            try {
                arn = role[1].isEmpty() ? RoleArn.of(AccountId.of(account), role[0]) : RoleArn.parse(role[1]);
            } catch (IllegalArgumentException e) {
                continue; // the catalog skips a role with a bad ARN
            }
            String name = !role[2].isEmpty() ? role[2]
                    : DefaultProfileName.of(accountName, alias, arn.roleName());
            if (name.equals(profile)) {
                s.matches++;
                s.match = arn;
            }
        }
        return true;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A whole number; anything else (which the catalog would coerce) is refused. */
    private static long number(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new IllegalArgumentException("not a whole number");
        }
        return p.getLongValue();
    }

    /** A string; anything else (which the catalog would coerce) is refused. */
    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("not a string");
        }
        return p.getText();
    }
}
