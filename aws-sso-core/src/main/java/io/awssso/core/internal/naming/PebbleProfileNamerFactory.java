package io.awssso.core.internal.naming;

import io.awssso.api.spi.ProfileNamer;
import io.awssso.api.spi.ProfileNamerFactory;
import java.time.Clock;

/** Compiles {@code ProfileFormat} templates (Go or Pebble form) with {@link PebbleProfileNamer}. */
public final class PebbleProfileNamerFactory implements ProfileNamerFactory {
    private final Clock clock;

    /** A factory whose namers compute {@code .Expires} with {@code clock}. */
    public PebbleProfileNamerFactory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ProfileNamer create(String profileFormat) {
        return PebbleProfileNamer.compile(profileFormat, null, clock);
    }
}
