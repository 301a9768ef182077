/** JMH benchmarks and whole-command benchmark drivers (not published). */
package io.awssso.benchmarks;
