package io.awssso.api.spi;

/**
 * Compiles the config's {@code ProfileFormat} into a {@link ProfileNamer}: the way to name
 * profiles by rules of your own instead of the built-in Go template.
 *
 * <p>The engine uses, in this order: the factory given to {@code AwsSso.Builder.profileNamerFactory};
 * else the one installed on the module path or class path, found by {@link java.util.ServiceLoader}
 * (register it with {@code provides io.awssso.api.spi.ProfileNamerFactory with ...} in
 * {@code module-info.java} and in {@code META-INF/services/io.awssso.api.spi.ProfileNamerFactory});
 * else the built-in Go template. Several installed factories are a configuration error. An
 * installed factory needs a public no-argument constructor (or a public static
 * {@code provider()} method on the module path).
 *
 * <p>{@code create} is called once per engine, when the role catalog is first read; it should be
 * cheap.
 */
@FunctionalInterface
public interface ProfileNamerFactory {
    /**
     * Compiles the template.
     *
     * @param profileFormat the config's {@code ProfileFormat}, empty when unset; a factory may
     *     ignore it
     * @return the namer for every role of the SSO instance
     * @throws io.awssso.api.ConfigurationException when the template does not compile
     */
    ProfileNamer create(String profileFormat);
}
