/**
 * The aws-sso facade: build an engine with {@link io.awssso.core.AwsSso#builder()}, then log in,
 * list roles and get credentials. Everything here is safe to call from several threads.
 */
package io.awssso.core;
