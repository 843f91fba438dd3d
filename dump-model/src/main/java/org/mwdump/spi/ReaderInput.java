package org.mwdump.spi;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.mwdump.Compression;

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
}
