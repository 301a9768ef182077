/** The "one task across many roles" benchmark: {@code aws-sso run} against a throttling emulator. */
package io.awssso.benchmarks.run;
