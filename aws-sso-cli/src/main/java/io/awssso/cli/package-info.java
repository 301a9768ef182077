/**
 * The entry point of the aws-sso command-line tool: {@link io.awssso.cli.Main} and the documented
 * process {@linkplain io.awssso.cli.ExitCode exit codes}. Commands live in
 * {@code io.awssso.cli.command}, shared options in {@code io.awssso.cli.options}, the wiring in
 * {@code io.awssso.cli.internal}.
 */
package io.awssso.cli;
