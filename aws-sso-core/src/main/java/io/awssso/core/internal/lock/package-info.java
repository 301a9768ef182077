/**
 * Cross-process mutual exclusion on lock files in the config directory ({@code cache.lock},
 * {@code login.lock}); the secure store's {@code storage.lock} lives with the stores.
 */
package io.awssso.core.internal.lock;
