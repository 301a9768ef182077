/**
 * The {@code file} backend: one JWE-encrypted file in the format aws-sso-cli writes
 * ({@code <cfg>/secure/aws-sso-cli-records}), so an existing user's store opens with their
 * password. The JWE code uses only JDK cryptography.
 */
package io.awssso.stores.file;
