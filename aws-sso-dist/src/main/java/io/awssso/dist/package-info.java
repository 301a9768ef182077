/**
 * Build-time code of the distribution: writes the man pages (from the CLI's picocli command model)
 * and the completion scripts into the staged directory. Not part of the installed tool.
 */
package io.awssso.dist;
