package io.awssso.core.internal.naming;

import io.awssso.api.spi.ProfileNamer;
import io.awssso.api.spi.ProfileNamerFactory;
import java.time.Clock;

/** Compiles {@code ProfileFormat} templates with {@link GoTemplateProfileNamer}. */
public final class GoTemplateProfileNamerFactory implements ProfileNamerFactory {
    private final Clock clock;

    /** A factory whose namers compute {@code .Expires} with {@code clock}. */
    public GoTemplateProfileNamerFactory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ProfileNamer create(String profileFormat) {
        return GoTemplateProfileNamer.compile(profileFormat, null, clock);
    }
}
