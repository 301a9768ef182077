package io.awssso.core.internal.console;

import java.util.Locale;

/** The AWS partitions the console can be signed in to, told apart by region name. */
public enum Partition {
    /** Commercial regions. */
    AWS("signin.aws.amazon.com", "console.aws.amazon.com"),
    /** China ({@code cn-*}). */
    AWS_CN("signin.amazonaws.cn", "console.amazonaws.cn"),
    /** GovCloud ({@code us-gov-*}). */
    AWS_US_GOV("signin.amazonaws-us-gov.com", "console.amazonaws-us-gov.com"),
    /** European Sovereign Cloud ({@code eusc-*}). */
    AWS_EUSC("signin.amazonaws-eusc.eu", "console.amazonaws-eusc.eu");

    private final String signinHost;
    private final String consoleHost;

    Partition(String signinHost, String consoleHost) {
        this.signinHost = signinHost;
        this.consoleHost = consoleHost;
    }

    /** The partition of a region name. */
    public static Partition of(String region) {
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

    /** The federation endpoint in {@code ssoRegion}: {@code https://<region>.<signin host>/federation}. */
    public String federationUrl(String ssoRegion) {
        return "https://" + ssoRegion + "." + signinHost + "/federation";
    }

    /** The console home page in {@code region}. */
    public String consoleUrl(String region) {
        return "https://" + consoleHost + "/console/home?region=" + region;
    }
}
