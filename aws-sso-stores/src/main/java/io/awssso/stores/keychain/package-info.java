/**
 * The {@code keychain} backend: the macOS keychain through JNA and Security.framework, one generic
 * password {@code aws-sso-cli}/{@code aws-sso-cli-records} holding the {@code StorageData} JSON, as
 * aws-sso-cli keeps it.
 */
package io.awssso.stores.keychain;
