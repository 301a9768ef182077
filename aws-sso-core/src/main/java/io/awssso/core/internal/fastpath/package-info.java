/**
 * Reads stored credentials without building the engine, for the {@code process} cache hit whose
 * cost is start-up time (benchmarks/README.md).
 */
package io.awssso.core.internal.fastpath;
