package io.awssso.core.internal.catalog;

import io.awssso.api.HistoryTag;
import io.awssso.core.internal.config.AwsSsoConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The History of recently used roles (reference 10.3): the cache's ordered list and the
 * {@link HistoryTag} on each role in it, kept within HistoryLimit and HistoryMinutes.
 */
final class RoleHistory {
    private final AwsSsoConfig config;
    private final Clock clock;

    RoleHistory(AwsSsoConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Drops History entries that are too old, malformed, or beyond HistoryLimit. */
    void clean(CacheData.Sso s) {
        long now = clock.instant().getEpochSecond();
        List<String> kept = new ArrayList<>();
        for (String arn : s.history) {
            CacheData.Role r = CacheRoles.findByArn(s, arn);
            if (r == null) {
                continue;
            }
            long used = historyEpoch(r.tags.get(HistoryTag.KEY));
            boolean tooOld = config.historyMinutes() > 0 && used + config.historyMinutes() * 60L < now;
            if (used < 0 || tooOld || kept.size() >= Math.max(0, config.historyLimit()) || kept.contains(arn)) {
                r.tags.remove(HistoryTag.KEY);
                continue;
            }
            kept.add(arn);
        }
        s.history.clear();
        s.history.addAll(kept);
        Set<String> keep = Set.copyOf(kept);
        CacheRoles.forEachRole(s, (a, r) -> {
            if (!keep.contains(r.arn)) {
                r.tags.remove(HistoryTag.KEY);
            }
        });
    }

    private static long historyEpoch(String tag) {
        return HistoryTag.parse(tag).map(h -> h.usedAt().getEpochSecond()).orElse(-1L);
    }
}
