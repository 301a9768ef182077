/**
 * The {@code 1password} backend: one Secure Note titled {@code aws-sso-cli} in the configured
 * vault, its text field {@code data} holding the {@code StorageData} JSON, as aws-sso-cli keeps
 * it; reached through the 1Password CLI ({@code op}).
 */
package io.awssso.stores.onepassword;
