/** The engine's Dagger wiring; built only by {@code AwsSso.builder()}. */
package io.awssso.core.internal.di;
