package org.mwdump.spi;

import java.io.IOException;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.ReadOptions;

/**
 * A record format that {@link org.mwdump.Dumps#open} can read, found through {@link java.util.ServiceLoader}.
 */
public interface ReaderProvider {
    /**
     * The format read.
     *
     * @return the format
     */
    DumpFormat format();

    /**
     * Whether content starting with these bytes is in this format. For {@linkplain #readsRawFiles() raw
     * file formats} the bytes are the file's own, else the decompressed content's.
     *
     * @param head   the first bytes
     * @param length how many of them are valid
     * @return whether this provider reads the content
     */
    boolean recognizes(byte[] head, int length);

    /**
     * Whether this format is recognized on the undecompressed file and needs {@link ReaderInput#file()} (Parquet).
     *
     * @return whether the file itself is read
     */
    default boolean readsRawFiles() {
        return false;
    }

    /**
     * Opens a reader.
     *
     * @param input   the content (and the file, where there is one)
     * @param options how to read
     * @return the reader, which closes the input when closed
     * @throws java.io.IOException if reading the start of the input fails
     */
    DumpReader open(ReaderInput input, ReadOptions options) throws IOException;
}
