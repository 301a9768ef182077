package io.awssso.core.internal.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The contents of {@code cache.json} (reference section 6.1), mutable, used only under the
 * cache lock. Field names follow the JSON keys.
 */
final class CacheData {
    /** The format version written ({@code CACHE_VERSION}). */
    static final int VERSION = 4;

    int version = VERSION;
    long configCreatedAt;
    final Map<String, Sso> sso = new TreeMap<>();

    /** {@code SSO.<name>}. */
    static final class Sso {
        long lastUpdate;
        String configHash = "";
        final List<String> history = new ArrayList<>();
        String ssoRegion = "";
        String startUrl = "";
        String defaultRegion = "";
        /** Keyed by the account id as a number (the JSON key has no zero padding). */
        final Map<Long, Account> accounts = new TreeMap<>();
    }

    /** {@code Accounts.<id>}. */
    static final class Account {
        String alias = "";
        String name = "";
        String emailAddress = "";
        String defaultRegion = "";
        final Map<String, String> tags = new TreeMap<>();
        final Map<String, Role> roles = new TreeMap<>();
    }

    /** {@code Roles.<RoleName>}. */
    static final class Role {
        String arn = "";
        String defaultRegion = "";
        long expires;
        String profile = "";
        String via = "";
        final Map<String, String> tags = new LinkedHashMap<>();
    }
}
