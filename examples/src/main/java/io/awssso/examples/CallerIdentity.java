package io.awssso.examples;

import io.awssso.core.AwsSsoCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Embeds aws-sso in a Java program: an AWS SDK client signs its calls with a role's credentials
 * from {@link AwsSsoCredentialsProvider}, which reads the same config and secure store as the
 * {@code aws-sso} command (run {@code aws-sso login} first).
 *
 * <pre>
 * java io.awssso.examples.CallerIdentity prod:AdministratorAccess
 * </pre>
 */
public final class CallerIdentity {
    private CallerIdentity() {
    }

    /**
     * Prints the ARN STS sees for the role behind a profile name.
     *
     * @param args the profile name (as {@code aws-sso list} shows it)
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: CallerIdentity <profile>");
            System.exit(2);
        }
        System.out.println(callerArn(args[0], Region.US_EAST_1));
    }

    /**
     * Calls STS GetCallerIdentity with the role's credentials.
     *
     * @param profile the aws-sso profile name of the role
     * @param region the STS region
     * @return the caller's ARN
     */
    public static String callerArn(String profile, Region region) {
        // The provider fetches new credentials ahead of expiry (no thread of its own unless asked
        // with asyncCredentialUpdateEnabled); close it with the client.
        try (AwsSsoCredentialsProvider credentials = AwsSsoCredentialsProvider.create(profile);
                StsClient sts = StsClient.builder().region(region).credentialsProvider(credentials).build()) {
            return sts.getCallerIdentity().arn();
        }
    }
}
