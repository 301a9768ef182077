/**
 * The {@code secret-service} backend: the freedesktop.org Secret Service API over D-Bus (dbus-java),
 * one item {@code aws-sso-cli-records} holding the keyring item JSON in the collection
 * {@code SecretServiceCollection} (default {@code awsssocli}), as aws-sso-cli keeps it.
 */
package io.awssso.stores.secretservice;
