/**
 * Wiring of the command-line tool: the Dagger component that builds the picocli command tree,
 * the terminal streams, the environment the options read their defaults from, logging set-up, and
 * the one place that turns exceptions into exit codes.
 */
package io.awssso.cli.internal;
