/**
 * Cross-process mutual exclusion on lock files in the config directory: the {@link
 * io.awssso.core.internal.lock.CrossProcessLock} itself, the engine's messages around it
 * ({@code cache.lock}, {@code login.lock}), and the {@link io.awssso.api.spi.FileLocks} that the
 * engine hands to the secure stores for {@code storage.lock}.
 */
package io.awssso.core.internal.lock;
