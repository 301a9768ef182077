/** The role-catalog refresh benchmark: a large organisation against the emulator, through the public facade. */
package io.awssso.benchmarks.catalog;
