/**
 * An application that signs its AWS SDK calls with {@code AwsSsoCredentialsProvider.create()}: the
 * role comes from the environment, the credentials from the same config and secure store as the
 * {@code aws-sso} command.
 */
package io.awssso.examples.app;
