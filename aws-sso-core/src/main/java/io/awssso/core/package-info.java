/**
 * The aws-sso facade: build an engine with {@link io.awssso.core.AwsSso#builder()}, then use its
 * facets: {@link io.awssso.core.Session} (log in and out), {@link io.awssso.core.Roles} (the role
 * catalog), {@link io.awssso.core.Credentials} (role credentials and environments),
 * {@link io.awssso.core.Console} (console sign-in URLs), {@link io.awssso.core.Profiles} (profiles
 * in the AWS config file) and {@link io.awssso.core.Ecs} (the ECS credentials server). For AWS SDK
 * clients, {@link io.awssso.core.AwsSsoCredentialsProvider}. Options are immutable values with a
 * {@code builder()} and a {@code toBuilder()}; results are records with typed values. Everything
 * here is safe to call from several threads; every exception is an unchecked
 * {@link io.awssso.api.AwsSsoException} (or {@link IllegalArgumentException} for a bad argument).
 */
package io.awssso.core;
