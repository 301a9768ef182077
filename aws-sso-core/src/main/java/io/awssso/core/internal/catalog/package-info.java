/**
 * The role catalog: accounts and roles from Identity Center (a rate-limited, retried fan-out),
 * merged with config, kept in {@code <cfg>/cache.json} in aws-sso-cli's version-4 format, with
 * tags and History.
 */
package io.awssso.core.internal.catalog;
