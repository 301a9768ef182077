package io.awssso.core.internal.console;

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

    /** The partition of a region name, by the API's one rule ({@link io.awssso.api.Partition#ofRegion}). */
    public static Partition of(String region) {
        return switch (io.awssso.api.Partition.ofRegion(region)) {
            case AWS -> AWS;
            case AWS_CN -> AWS_CN;
            case AWS_US_GOV -> AWS_US_GOV;
            case AWS_EUSC -> AWS_EUSC;
        };
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
