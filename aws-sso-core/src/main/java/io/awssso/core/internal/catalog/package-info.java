/**
 * The role catalog: accounts and roles from Identity Center (a rate-limited, retried fan-out),
 * merged with config, kept in {@code <cfg>/cache.json} in aws-sso-cli's version-4 format, with
 * tags and History. {@link io.awssso.core.internal.catalog.CallGovernor} paces and retries any
 * fan-out of Identity Center calls (the refresh's listings, GetRoleCredentials for many roles).
 */
package io.awssso.core.internal.catalog;
