/** Turning library results into text: durations, progress, tables. */
package io.awssso.cli.render;
