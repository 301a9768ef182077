/**
 * {@code setup profiles}: the managed block of {@code ~/.aws/config} that gives every cached role a
 * profile whose only credential setting is {@code credential_process}, merged into the user's
 * file without touching a byte outside the markers, with a unified diff for approval and an
 * atomic write.
 */
package io.awssso.core.internal.profiles;
