/**
 * Loading {@code config.yaml}: where it lives ({@link io.awssso.core.internal.config.ConfigLocation}),
 * what it holds ({@link io.awssso.core.internal.config.AwsSsoConfig} and the records below it), and
 * how it is read ({@link io.awssso.core.internal.config.ConfigLoader}).
 *
 * <p>The file is composed into a small node tree that keeps every line and column
 * ({@code YamlComposer}), then bound by hand ({@code ConfigBinder}) so that each problem is recorded
 * with its file, line and key and binding carries on. The user gets every problem in one
 * {@link io.awssso.api.ConfigurationException} instead of fixing them one run at a time.
 */
package io.awssso.core.internal.config;
