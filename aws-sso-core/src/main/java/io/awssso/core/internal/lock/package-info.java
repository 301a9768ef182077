/**
 * Cross-process mutual exclusion on lock files in the config directory ({@code cache.lock},
 * {@code login.lock}): the engine's messages around {@link io.awssso.api.internal.lock.CrossProcessLock},
 * which the secure store's {@code storage.lock} uses too.
 */
package io.awssso.core.internal.lock;
