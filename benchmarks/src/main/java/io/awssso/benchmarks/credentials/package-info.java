/** JMH benchmark of {@code AwsSsoCredentialsProvider}'s hot path against the SDK's static provider. */
package io.awssso.benchmarks.credentials;
