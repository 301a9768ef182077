package io.awssso.api;

import java.util.List;
import java.util.Set;

/**
 * The accounts and roles of one SSO instance, cached on disk and refreshed from Identity Center
 * when the cache has expired (or on demand).
 */
public interface RoleCatalog {

    /** Every role, from the cache; refreshed first when the cache has expired. */
    List<CatalogRole> roles();

    /**
     * Refreshes from Identity Center now, whatever the cache's age.
     *
     * @return what changed
     * @throws LoginRequiredException when there is no usable SSO token
     */
    Changes refresh();

    /**
     * The role with this ARN.
     *
     * @throws RoleNotFoundException when the user cannot reach it
     */
    CatalogRole role(RoleArn arn);

    /**
     * The role with this profile name.
     *
     * @throws RoleNotFoundException when no role has that profile name
     */
    CatalogRole roleByProfile(String profile);

    /**
     * What a refresh changed.
     *
     * @param added roles that are new
     * @param removed roles that are gone
     */
    record Changes(Set<RoleArn> added, Set<RoleArn> removed) {
        /** Copies both sets. */
        public Changes {
            added = Set.copyOf(added);
            removed = Set.copyOf(removed);
        }
    }
}
