package io.awssso.stores.pass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the file system says about the pass entry's file: size, modification and (where the
 * platform has it) change time, and the file's identity (device and inode). Any write changes one
 * of them, unless it lands within the file system's timestamp resolution of the previous one and
 * keeps the size; a stamp taken {@link #SETTLE} after its modification time cannot meet that
 * case (the next write's time is later by more than any resolution), so only a settled stamp may
 * vouch for contents read earlier.
 *
 * @param size the size in bytes
 * @param modified the modification time
 * @param changed the status change time, or the modification time where there is none
 * @param identity the file key (device and inode), or null where there is none
 */
record EntryStamp(long size, Instant modified, Instant changed, Object identity) {

    /** More than the coarsest timestamp resolution of common file systems (FAT: 2 s). */
    static final Duration SETTLE = Duration.ofSeconds(3);

    /** The stamp of {@code file}, or empty when it does not exist. */
    static Optional<EntryStamp> of(Path file) {
        try {
            BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
            Instant changed = basic.lastModifiedTime().toInstant();
            try {
                Map<String, Object> unix = Files.readAttributes(file, "unix:ctime");
                if (unix.get("ctime") instanceof java.nio.file.attribute.FileTime ctime) {
                    changed = ctime.toInstant();
                }
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                // no unix view (Windows): size, modification time and identity remain
            }
            return Optional.of(new EntryStamp(basic.size(), basic.lastModifiedTime().toInstant(), changed,
                    basic.fileKey()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // unreadable attributes: a stamp that never settles, so the entry is decrypted every time
            return Optional.of(new EntryStamp(-1, Instant.MAX, Instant.MAX, null));
        }
    }

    /** Whether no later write can leave this stamp unchanged (both times are {@link #SETTLE} before {@code now}). */
    boolean settled(Instant now) {
        Instant limit = now.minus(SETTLE);
        return modified.isBefore(limit) && changed.isBefore(limit);
    }
}
