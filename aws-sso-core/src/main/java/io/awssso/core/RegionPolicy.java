package io.awssso.core;

/**
 * Whether a role's environment ({@link Credentials#environment}) sets the region variables
 * {@code AWS_DEFAULT_REGION} and {@code AWS_REGION} to the role's default region.
 */
public enum RegionPolicy {
    /**
     * Set them when they are unset or still hold what aws-sso set last
     * ({@code AWS_SSO_DEFAULT_REGION}); a region the user chose is left alone.
     */
    WHEN_MANAGED,
    /** Always set them, replacing a region the user chose. */
    ALWAYS,
    /** Never set them. */
    NEVER
}
