package io.awssso.api;

import java.util.Locale;

/**
 * An AWS partition: the separate worlds of regions whose ARNs, endpoints and consoles differ
 * ({@code arn:aws:...}, {@code arn:aws-cn:...}). This is the one place that tells a region's
 * partition from its name; role ARNs, role credentials and the console all ask it.
 */
public enum Partition {
    /** The commercial regions. */
    AWS("aws"),
    /** China ({@code cn-*}). */
    AWS_CN("aws-cn"),
    /** AWS GovCloud (US) ({@code us-gov-*}). */
    AWS_US_GOV("aws-us-gov"),
    /** The AWS European Sovereign Cloud ({@code eusc-*}). */
    AWS_EUSC("aws-eusc");

    private final String id;

    Partition(String id) {
        this.id = id;
    }

    /**
     * The partition a region belongs to, told by its name: {@code cn-} is China, {@code us-gov-}
     * GovCloud, {@code eusc-} the European Sovereign Cloud, anything else commercial.
     *
     * @param region a region name such as {@code us-east-1} or {@code cn-north-1}
     * @return the region's partition
     * @throws NullPointerException when the region is null
     */
    public static Partition ofRegion(String region) {
        String r = region.toLowerCase(Locale.ROOT);
        if (r.startsWith("cn-")) {
            return AWS_CN;
        }
        if (r.startsWith("us-gov-")) {
            return AWS_US_GOV;
        }
        if (r.startsWith("eusc-")) {
            return AWS_EUSC;
        }
        return AWS;
    }

    /** The partition's name in ARNs: {@code aws}, {@code aws-cn}, {@code aws-us-gov}, {@code aws-eusc}. */
    public String id() {
        return id;
    }

    /** The same as {@link #id()}. */
    @Override
    public String toString() {
        return id;
    }
}
