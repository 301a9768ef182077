/**
 * The {@code wincred} backend: the Windows Credential Manager through JNA, the blob split into
 * chunks of at most 2000 bytes as aws-sso-cli writes them.
 */
package io.awssso.stores.wincred;
