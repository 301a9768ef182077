package io.awssso.api.spi;

import io.awssso.api.SsoInstance;

/** Creates the {@link IdentityCenterClient} for an instance. Creating it must be cheap (lazy). */
@FunctionalInterface
public interface IdentityCenterClientFactory {
    /** A client for the instance's region. */
    IdentityCenterClient create(SsoInstance instance);
}
