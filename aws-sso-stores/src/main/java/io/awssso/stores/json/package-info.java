/**
 * The {@code json} backend: aws-sso-cli's plain-text {@code store.json}, for machines without any
 * keyring. Not secure, and it says so.
 */
package io.awssso.stores.json;
