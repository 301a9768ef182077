package io.awssso.core.internal.console;

import io.awssso.api.Partition;

/**
 * The sign-in and console hosts of each partition; which partition a region is in is
 * {@link Partition#ofRegion}'s rule.
 */
enum ConsoleEndpoints {
    AWS("signin.aws.amazon.com", "console.aws.amazon.com"),
    AWS_CN("signin.amazonaws.cn", "console.amazonaws.cn"),
    AWS_US_GOV("signin.amazonaws-us-gov.com", "console.amazonaws-us-gov.com"),
    AWS_EUSC("signin.amazonaws-eusc.eu", "console.amazonaws-eusc.eu");

    private final String signinHost;
    private final String consoleHost;

    ConsoleEndpoints(String signinHost, String consoleHost) {
        this.signinHost = signinHost;
        this.consoleHost = consoleHost;
    }

    /** The endpoints of a region's partition. */
    static ConsoleEndpoints of(String region) {
        return switch (Partition.ofRegion(region)) {
            case AWS -> AWS;
            case AWS_CN -> AWS_CN;
            case AWS_US_GOV -> AWS_US_GOV;
            case AWS_EUSC -> AWS_EUSC;
        };
    }

    /** The federation endpoint in {@code ssoRegion}: {@code https://<region>.<signin host>/federation}. */
    String federationUrl(String ssoRegion) {
        return "https://" + ssoRegion + "." + signinHost + "/federation";
    }

    /** The console home page in {@code region}. */
    String consoleUrl(String region) {
        return "https://" + consoleHost + "/console/home?region=" + region;
    }
}
