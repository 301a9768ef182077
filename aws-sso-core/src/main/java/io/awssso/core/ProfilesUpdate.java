package io.awssso.core;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link Profiles#plan} would do to the AWS config file: the managed block of the selected
 * instance, the file before and after, and a unified diff. Hand it to
 * {@link Profiles#write(ProfilesUpdate)} to apply it.
 *
 * @param file the AWS config file
 * @param profiles how many profiles the block holds
 * @param block the block's text, markers included
 * @param diff the unified diff from the current file to the updated one; empty when unchanged
 */
public record ProfilesUpdate(Path file, int profiles, String block, String diff, byte[] current,
        byte[] updated) {

    /** Checks presence and copies the bytes. */
    public ProfilesUpdate {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(diff, "diff");
        current = current.clone();
        updated = updated.clone();
    }

    /** The file's bytes as they were read. */
    @Override
    public byte[] current() {
        return current.clone();
    }

    /** The file's bytes after the update. */
    @Override
    public byte[] updated() {
        return updated.clone();
    }

    /** The updated file as text (UTF-8). */
    public String updatedText() {
        return new String(updated, StandardCharsets.UTF_8);
    }

    /** Whether writing would change the file. */
    public boolean changed() {
        return !java.util.Arrays.equals(current, updated);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProfilesUpdate u && file.equals(u.file) && profiles == u.profiles
                && block.equals(u.block) && java.util.Arrays.equals(current, u.current)
                && java.util.Arrays.equals(updated, u.updated);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, profiles, block, java.util.Arrays.hashCode(updated));
    }

    @Override
    public String toString() {
        return "ProfilesUpdate[file=" + file + ", profiles=" + profiles + ", changed=" + changed() + "]";
    }
}
