package io.awssso.core;

import io.awssso.api.RoleArn;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One role's tags ({@link Roles#tags}).
 *
 * @param arn the role
 * @param tags every tag (defaults, account tags, role tags, History), sorted by key
 */
public record RoleTags(RoleArn arn, SortedMap<String, String> tags) {
    /** Copies the tags. */
    public RoleTags {
        tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
    }
}
