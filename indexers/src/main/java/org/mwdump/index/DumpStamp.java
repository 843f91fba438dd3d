package org.mwdump.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * The size and modification time of a dump, recorded in the page and block indexes built from it: an
 * index whose stamp differs from its dump's was built from another file (or another version of it) and
 * is rebuilt rather than trusted. Reading a stamp costs one {@code stat}.
 *
 * @param size          the dump's length in bytes
 * @param modifiedNanos its last modification time, in nanoseconds since the epoch (as precise as the
 *                      file system records it)
 */
public record DumpStamp(long size, long modifiedNanos) {
    /**
     * The stamp of a file as it is now.
     *
     * @param dump the file
     * @return its size and modification time now
     */
    public static DumpStamp of(Path dump) {
        try {
            BasicFileAttributes a = Files.readAttributes(dump, BasicFileAttributes.class);
            return new DumpStamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        } catch (IOException e) {
            throw Chunks.ioFailure(dump, e);
        }
    }

    /**
     * Whether {@code dump} still has this size and modification time.
     *
     * @param dump the file
     * @return whether it is unchanged
     */
    public boolean matches(Path dump) {
        return equals(of(dump));
    }

    /**
     * Whether a file of this size and modification time, the latter known to the millisecond only (as
     * Hadoop's {@code FileStatus} gives it), has this stamp.
     *
     * @param size           the file's length in bytes
     * @param modifiedMillis its last modification time, in milliseconds since the epoch
     * @return whether the sizes are equal and the times fall in the same millisecond
     */
    public boolean matches(long size, long modifiedMillis) {
        return size == this.size && Math.floorDiv(modifiedNanos, 1_000_000L) == modifiedMillis;
    }

    @Override
    public String toString() {
        return size + " bytes, modified " + java.time.Instant.EPOCH.plusNanos(modifiedNanos);
    }
}
