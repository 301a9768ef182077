/**
 * The {@code kwallet} backend: KDE Wallet over D-Bus (dbus-java), the entry
 * {@code aws-sso-cli/aws-sso-cli-records} of the network wallet holding the keyring item JSON, as
 * aws-sso-cli keeps it.
 */
package io.awssso.stores.kwallet;
