package io.awssso.core.internal.aws;

/** The three AWS services aws-sso calls, with what a person needs to know to re-route each one. */
enum AwsService {
    SSO("SSO portal", "AWS_ENDPOINT_URL_SSO"),
    OIDC("SSO OIDC", "AWS_ENDPOINT_URL_SSO_OIDC"),
    STS("STS", "AWS_ENDPOINT_URL_STS");

    private final String displayName;
    private final String endpointVariable;

    AwsService(String displayName, String endpointVariable) {
        this.displayName = displayName;
        this.endpointVariable = endpointVariable;
    }

    /** How messages name the service. */
    String displayName() {
        return displayName;
    }

    /** The environment variable the SDK reads to route only this service. */
    String endpointVariable() {
        return endpointVariable;
    }
}
