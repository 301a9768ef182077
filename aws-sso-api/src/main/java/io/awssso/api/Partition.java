package io.awssso.api;

import java.util.Locale;
import java.util.Objects;

/**
 * The AWS partitions aws-sso works in, and the one rule that tells them apart: the prefix of a
 * region name ({@code cn-*}, {@code us-gov-*}, {@code eusc-*}, else the commercial {@code aws}).
 * Role ARNs, the console sign-in endpoints and the setup wizard's region lists all follow it.
 */
public enum Partition {
    /** The commercial regions. */
    AWS("aws", "Commercial"),
    /** AWS GovCloud (US), regions {@code us-gov-*}. */
    AWS_US_GOV("aws-us-gov", "US GovCloud"),
    /** The China regions, {@code cn-*}. */
    AWS_CN("aws-cn", "China"),
    /** The AWS European Sovereign Cloud, regions {@code eusc-*}. */
    AWS_EUSC("aws-eusc", "EU Sovereign Cloud");

    private final String id;
    private final String displayName;

    Partition(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** The partition as ARNs write it: {@code aws}, {@code aws-us-gov}, {@code aws-cn}, {@code aws-eusc}. */
    public String id() {
        return id;
    }

    /** A short name for people: {@code Commercial}, {@code US GovCloud}, {@code China}, ... */
    public String displayName() {
        return displayName;
    }

    /**
     * The partition of a region name (case-insensitive); any region without a known prefix is
     * commercial, so a region AWS adds tomorrow is placed without a change here.
     *
     * @throws NullPointerException when {@code region} is null
     */
    public static Partition ofRegion(String region) {
        String r = Objects.requireNonNull(region, "region").toLowerCase(Locale.ROOT);
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

    /** The same as {@link #id()}, as an ARN writes it. */
    @Override
    public String toString() {
        return id;
    }
}
