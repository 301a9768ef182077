package io.awssso.core.internal.catalog;

import io.awssso.api.Account;
import io.awssso.api.AccountId;
import io.awssso.api.CatalogRole;
import io.awssso.api.ConfigurationException;
import io.awssso.api.HistoryTag;
import io.awssso.api.Partition;
import io.awssso.api.RoleArn;
import io.awssso.core.internal.config.AccountConfig;
import io.awssso.core.internal.config.RoleConfig;
import io.awssso.core.internal.config.SsoConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The refresh's merge (reference 6.3, 6.4): listed accounts and roles with the config's. */
final class CacheMerge {
    private final SsoConfig instance;
    private final CacheExpiry expiry;
    private final RoleHistory history;
    private final RoleProjection projection;

    CacheMerge(SsoConfig instance, CacheExpiry expiry, RoleHistory history, RoleProjection projection) {
        this.instance = instance;
        this.expiry = expiry;
        this.history = history;
        this.projection = projection;
    }

    /**
     * The new cache entry from what Identity Center lists now: config names, regions and tags
     * merged in, config-only roles reached through {@code Via} restored, and from the previous
     * entry the credentials' expiry and History kept.
     *
     * @throws ConfigurationException when two roles would get the same profile name
     */
    CacheData.Sso build(List<Account> accounts, Map<AccountId, List<String>> rolesByAccount,
            CacheData.Sso old, Instant now, RoleNamer names) {
        String partition = Partition.ofRegion(instance.ssoRegion()).id();
        CacheData.Sso s = new CacheData.Sso();
        s.configHash = expiry.configHash();
        s.ssoRegion = instance.ssoRegion();
        s.startUrl = instance.startUrl();
        s.defaultRegion = instance.defaultRegion().orElse("");
        for (Account account : accounts) {
            Optional<AccountConfig> ac = instance.account(account.id());
            CacheData.Account a = new CacheData.Account();
            a.alias = account.name();
            a.name = ac.flatMap(AccountConfig::name).orElse("");
            a.emailAddress = account.emailAddress();
            a.defaultRegion = ac.flatMap(AccountConfig::defaultRegion).orElse("");
            ac.ifPresent(c -> a.tags.putAll(c.tags()));
            for (String roleName : rolesByAccount.getOrDefault(account.id(), List.of())) {
                Optional<RoleConfig> rc = ac.flatMap(c -> c.role(roleName));
                CacheData.Role r = new CacheData.Role();
                r.arn = new RoleArn(partition, account.id(), roleName).toString();
                r.defaultRegion = rc.flatMap(RoleConfig::defaultRegion).orElse("");
                r.profile = rc.flatMap(RoleConfig::profile).orElse("");
                r.via = rc.flatMap(RoleConfig::via).map(RoleArn::toString).orElse("");
                r.tags.putAll(defaultTags(account.id(), a, roleName, r));
                ac.ifPresent(c -> r.tags.putAll(c.tags()));
                rc.ifPresent(c -> r.tags.putAll(c.tags()));
                a.roles.put(roleName, r);
            }
            s.accounts.put(account.id().asLong(), a);
        }
        checkUniqueProfiles(s, names, now);
        restoreManualRoles(s, partition);
        if (old != null) {
            CacheRoles.forEachRole(old, (oa, or) -> {
                CacheData.Role r = CacheRoles.findByArn(s, or.arn);
                if (r == null) {
                    return;
                }
                if (or.expires > now.getEpochSecond()) {
                    r.expires = or.expires;
                }
                String h = or.tags.get(HistoryTag.KEY);
                if (h != null) {
                    r.tags.put(HistoryTag.KEY, h);
                }
            });
            for (String arn : old.history) {
                if (CacheRoles.findByArn(s, arn) != null) {
                    s.history.add(arn);
                }
            }
        }
        history.clean(s);
        return s;
    }

    private static Map<String, String> defaultTags(AccountId id, CacheData.Account a, String roleName,
            CacheData.Role r) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("AccountID", id.value());
        t.put("AccountAlias", a.alias);
        t.put("Email", a.emailAddress);
        t.put("Role", roleName);
        if (!a.name.isEmpty()) {
            t.put("AccountName", a.name);
        }
        String region = !r.defaultRegion.isEmpty() ? r.defaultRegion : a.defaultRegion;
        if (!region.isEmpty()) {
            t.put("DefaultRegion", region);
        }
        if (!r.profile.isEmpty()) {
            t.put("Profile", r.profile);
        }
        if (!r.via.isEmpty()) {
            t.put("Via", r.via);
        }
        return t;
    }

    /** Config-only roles reached through {@code Via} (aws-sso-cli's RestoreManualRoles). */
    private void restoreManualRoles(CacheData.Sso s, String partition) {
        for (AccountConfig ac : instance.accounts().values()) {
            for (RoleConfig rc : ac.roles().values()) {
                if (rc.via().isEmpty()) {
                    continue;
                }
                CacheData.Account a = s.accounts.computeIfAbsent(ac.id().asLong(), k -> {
                    CacheData.Account n = new CacheData.Account();
                    n.name = ac.name().orElse("");
                    n.defaultRegion = ac.defaultRegion().orElse("");
                    n.tags.putAll(ac.tags());
                    return n;
                });
                if (a.roles.containsKey(rc.name())) {
                    continue;
                }
                CacheData.Role r = new CacheData.Role();
                r.arn = new RoleArn(partition, ac.id(), rc.name()).toString();
                r.defaultRegion = rc.defaultRegion().orElse("");
                r.profile = rc.profile().orElse("");
                r.via = rc.via().get().toString();
                r.tags.putAll(defaultTags(ac.id(), a, rc.name(), r));
                r.tags.putAll(ac.tags());
                r.tags.putAll(rc.tags());
                a.roles.put(rc.name(), r);
            }
        }
    }

    private void checkUniqueProfiles(CacheData.Sso s, RoleNamer names, Instant now) {
        Map<String, String> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (CatalogRole r : projection.project(s, names, now)) {
            String previous = seen.putIfAbsent(r.profile(), r.arn().toString());
            if (previous != null) {
                problems.add("duplicate profile name '" + r.profile() + "' for: " + previous + " and " + r.arn());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(String.join("; ", problems)
                    + "; give one of them an explicit Profile or change ProfileFormat");
        }
    }
}
