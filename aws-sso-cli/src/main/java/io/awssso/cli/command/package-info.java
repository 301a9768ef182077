/**
 * One {@code *Command} class per sub-command, each constructed by Dagger and handed to picocli.
 * A command parses nothing itself, makes one call into the library and hands the result to a
 * renderer; anything longer belongs in {@code io.awssso.core}.
 */
package io.awssso.cli.command;
