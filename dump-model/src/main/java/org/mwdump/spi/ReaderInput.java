package org.mwdump.spi;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.mwdump.Compression;
import org.mwdump.CorruptInputException;
import org.mwdump.DumpLocation;

/**
 * What a {@link ReaderProvider} gets to read: the decompressed bytes (positioned at the start, the
 * sniffed head included), and facts about the compressed input for progress and error locations.
 *
 * @param stream      the decompressed content; the reader owns it and closes it
 * @param file        the input file when reading from a path, else {@code null}
 * @param sourceName  a name for messages (the file name, or {@code "<stream>"})
 * @param compression the recognized compression
 * @param bytesRead   compressed bytes consumed so far
 * @param totalBytes  the compressed size, or {@code -1}
 */
public record ReaderInput(InputStream stream, Path file, String sourceName, Compression compression,
                          LongSupplier bytesRead, long totalBytes) {
    /**
     * Damage that the decompressor found, placed for a reader's error: the compressed offset the
     * decompressor gave (else how far the input was read), with the file name, and the line, column and
     * page where the reader stood. An exception that already has a line is returned as it is.
     *
     * @param e      the decompressor's exception
     * @param reader where the reader stood
     * @return the exception to throw
     */
    public CorruptInputException located(CorruptInputException e, DumpLocation reader) {
        if (e.location().line() >= 0) {
            return e;
        }
        long offset = e.location().compressedOffset() >= 0 ? e.location().compressedOffset() : bytesRead.getAsLong();
        return e.at(new DumpLocation(sourceName, offset, reader.line(), reader.column(), reader.pageId(),
                reader.pageTitle(), reader.revisionId()));
    }
}
