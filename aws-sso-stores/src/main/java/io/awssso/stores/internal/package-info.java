/**
 * What every backend shares: the cross-process {@link io.awssso.stores.internal.StorageLock}, atomic
 * file writes, and the two JSON codecs of aws-sso-cli's formats (the keyring {@code StorageData}
 * blob and the plain {@code store.json} layout). Not exported.
 */
package io.awssso.stores.internal;
