/**
 * The {@code pass} backend: the standard unix password manager ({@code pass}, gpg underneath),
 * one entry {@code aws-sso-cli-records} holding the keyring item, as aws-sso-cli keeps it.
 */
package io.awssso.stores.pass;
