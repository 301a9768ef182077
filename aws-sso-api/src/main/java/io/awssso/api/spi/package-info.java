/**
 * What implementers provide: the {@link io.awssso.api.spi.IdentityCenterClient} that talks to AWS,
 * the {@link io.awssso.api.spi.SecureStore} that keeps secrets (found by {@link java.util.ServiceLoader}
 * through {@link io.awssso.api.spi.SecureStoreProvider}), and the
 * {@link io.awssso.api.spi.ProfileNamer} that names profiles.
 */
package io.awssso.api.spi;
