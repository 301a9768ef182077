package io.awssso.core.internal.catalog;

import io.awssso.api.RoleArn;
import java.util.Set;
import java.util.TreeSet;

/** Finding and walking the roles of one instance's cache entry. */
final class CacheRoles {
    private CacheRoles() {
    }

    static Set<String> arns(CacheData.Sso s, boolean withVia) {
        Set<String> out = new TreeSet<>();
        forEachRole(s, (a, r) -> {
            if (withVia || r.via.isEmpty()) {
                out.add(r.arn);
            }
        });
        return out;
    }

    static CacheData.Role find(CacheData.Sso s, RoleArn arn) {
        CacheData.Account a = s.accounts.get(arn.accountId().asLong());
        return a == null ? null : a.roles.get(arn.roleName());
    }

    static CacheData.Role findByArn(CacheData.Sso s, String arn) {
        try {
            return find(s, RoleArn.parse(arn));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static void forEachRole(CacheData.Sso s,
            java.util.function.BiConsumer<CacheData.Account, CacheData.Role> f) {
        for (CacheData.Account a : s.accounts.values()) {
            for (CacheData.Role r : a.roles.values()) {
                f.accept(a, r);
            }
        }
    }
}
