/**
 * The {@link io.awssso.api.spi.IdentityCenterClient} on the AWS SDK for Java v2: the SSO portal,
 * SSO OIDC and STS clients, built lazily with the URL-connection HTTP client, and the mapping of
 * their answers and errors onto the aws-sso API.
 *
 * <p>Endpoints are left to the SDK unless an embedder overrides them, so the standard
 * {@code AWS_ENDPOINT_URL_*} variables, {@code aws.endpointUrl*} properties, profile settings, FIPS
 * and dual-stack switches keep working exactly as they do for any other SDK client.
 */
package io.awssso.core.internal.aws;
