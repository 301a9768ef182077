/**
 * The one place that reads the process environment: environment variables, the home directory and
 * the operating system. Everything else receives an {@link io.awssso.core.internal.env.Environment},
 * so tests run against a made-up one and never see the real home directory.
 */
package io.awssso.core.internal.env;
