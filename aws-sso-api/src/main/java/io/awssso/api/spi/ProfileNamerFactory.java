package io.awssso.api.spi;

/** Compiles a {@code ProfileFormat} template into a {@link ProfileNamer}. */
@FunctionalInterface
public interface ProfileNamerFactory {
    /**
     * Compiles the template.
     *
     * @throws io.awssso.api.ConfigurationException when the template does not compile
     */
    ProfileNamer create(String profileFormat);
}
