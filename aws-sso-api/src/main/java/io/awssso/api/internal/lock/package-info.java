/**
 * The cross-process lock on a file in the config directory that the engine ({@code login.lock},
 * {@code cache.lock}) and the secure stores ({@code storage.lock}) share. Not part of the
 * contract: exported only to {@code io.awssso.core} and {@code io.awssso.stores}.
 */
package io.awssso.api.internal.lock;
