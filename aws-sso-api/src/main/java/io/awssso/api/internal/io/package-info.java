/**
 * Reading the files we parse (config.yaml, cache.json, the AWS config file, the stores' files)
 * without trusting their size: a device, a FIFO or a file that grows while we read must end in a
 * clear error, not in an endless read or an OutOfMemoryError. Not part of the contract: exported
 * only to {@code io.awssso.core} and {@code io.awssso.stores}, which both read such files.
 */
package io.awssso.api.internal.io;
