package io.awssso.cli.command;

import io.awssso.core.RegionPolicy;

/** {@code --no-region} and {@code --overwrite-region} (exec's {@code --env}) as the library's {@link RegionPolicy}. */
final class RegionFlags {
    private RegionFlags() {
    }

    /** {@code --no-region} wins over overwriting; neither leaves a user's own region alone. */
    static RegionPolicy policy(boolean noRegion, boolean overwrite) {
        return noRegion ? RegionPolicy.NEVER : overwrite ? RegionPolicy.ALWAYS : RegionPolicy.WHEN_MANAGED;
    }
}
