/**
 * {@code console}: the AWS console federation flow (a sign-in token from {@code getSigninToken}
 * for role credentials, then the {@code login} URL with issuer and destination) for every
 * partition.
 */
package io.awssso.core.internal.console;
