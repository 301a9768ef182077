/**
 * What callers of aws-sso use: value records ({@link io.awssso.api.AccountId},
 * {@link io.awssso.api.RoleArn}, {@link io.awssso.api.RoleCredentials}, ...), the unchecked exception
 * tree rooted at {@link io.awssso.api.AwsSsoException}, and the engine-facing interfaces
 * {@link io.awssso.api.RoleCatalog} and {@link io.awssso.api.CredentialProvider}.
 *
 * <p>Records validate their invariants in their constructors and never print secrets from
 * {@code toString()}.
 */
package io.awssso.api;
