/**
 * Signing in to IAM Identity Center: client registration, the PKCE and device-code flows, silent
 * refresh with the refresh token, logout, and the optional AWS CLI token cache.
 */
package io.awssso.core.internal.login;
