package org.mwdump.spi;

import java.io.IOException;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.ReadOptions;

/**
 * A record format that {@link org.mwdump.Dumps#open} can read, found through {@link java.util.ServiceLoader}.
 */
public interface ReaderProvider {
    /** The format read. */
    DumpFormat format();

    /**
     * Whether content starting with these bytes is in this format. For {@linkplain #readsRawFiles() raw
     * file formats} the bytes are the file's own, else the decompressed content's.
     */
    boolean recognizes(byte[] head, int length);

    /** Whether this format is recognized on the undecompressed file and needs {@link ReaderInput#file()} (Parquet). */
    default boolean readsRawFiles() {
        return false;
    }

    /** Opens a reader. */
    DumpReader open(ReaderInput input, ReadOptions options) throws IOException;
}
