/**
 * Reading the files we parse (config.yaml, cache.json, the AWS config file) without trusting their
 * size: a device, a FIFO or a file that grows while we read must end in a clear error, not in an
 * endless read or an OutOfMemoryError.
 */
package io.awssso.core.internal.io;
