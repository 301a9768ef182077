/**
 * Text rules the engine and the command line must apply alike: JSON string literals and the
 * escaping that makes untrusted text safe to print. Not part of the contract: exported only to
 * {@code io.awssso.core} and {@code io.awssso.cli}.
 */
package io.awssso.api.internal.text;
