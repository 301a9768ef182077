package io.awssso.examples.app;

import io.awssso.api.AwsSsoException;
import io.awssso.core.AwsSsoCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Prints the ARN STS sees for the role the environment names. The whole integration is the
 * provider given to the SDK client:
 *
 * <pre>
 * aws-sso login
 * AWS_PROFILE=prod:AdministratorAccess java -cp ... io.awssso.examples.app.WhoAmI
 * </pre>
 *
 * <p>{@code AwsSsoCredentialsProvider.create()} takes the role from {@code AWS_SSO_ROLE_ARN}, else
 * {@code AWS_SSO_ACCOUNT_ID} with {@code AWS_SSO_ROLE_NAME}, else {@code AWS_PROFILE} (a profile
 * name as {@code aws-sso list} shows it), so the same program runs inside {@code aws-sso exec}
 * too. It starts no thread; closing it with the client is all the cleanup there is.
 */
public final class WhoAmI {
    private WhoAmI() {
    }

    /**
     * Prints the caller's ARN on stdout; on failure a one-line error on stderr and exit status 1.
     *
     * @param args none
     */
    public static void main(String[] args) {
        try {
            System.out.println(callerArn());
        } catch (AwsSsoException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Calls STS GetCallerIdentity as the role the environment names.
     *
     * @return the caller's ARN
     * @throws AwsSsoException when the environment names no role, or the role's credentials need
     *     an {@code aws-sso login}
     */
    public static String callerArn() {
        try (AwsSsoCredentialsProvider credentials = AwsSsoCredentialsProvider.create();
                StsClient sts = StsClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials)
                        .build()) {
            return sts.getCallerIdentity().arn();
        }
    }
}
