package org.mwdump.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import org.mwdump.Compression;

/**
 * Decompression and compression, found through {@link java.util.ServiceLoader}: dump-readers supplies
 * decompression, dump-writers compression. A provider may support only one direction.
 */
public interface Codecs {
    /**
     * Whether this provider decompresses the given format.
     *
     * @param compression a compression format
     * @return whether {@link #decompress} supports it
     */
    default boolean decompresses(Compression compression) {
        return false;
    }

    /**
     * Whether this provider compresses to the given format.
     *
     * @param compression a compression format
     * @return whether {@link #compress} supports it
     */
    default boolean compresses(Compression compression) {
        return false;
    }

    /**
     * A stream of the decompressed content of every concatenated stream/member/frame.
     *
     * @param raw  the compressed bytes, positioned at the magic
     * @param file the file when reading from a path (7z needs random access), else {@code null}
     * @param compression the format of {@code raw}
     * @return the decompressed stream; closing it closes {@code raw}
     * @throws java.io.IOException if reading the start of {@code raw} fails
     */
    default InputStream decompress(Compression compression, InputStream raw, Path file) throws IOException {
        throw new UnsupportedOperationException("decompression of " + compression);
    }

    /**
     * A stream that compresses onto {@code out}; closing it finishes the format and closes {@code out}.
     *
     * @param compression the format to write
     * @param out         where the compressed bytes go
     * @param level       the codec's level, or {@code -1} for its default
     * @param threads     threads that may compress (1: the calling thread)
     * @return the compressing stream
     * @throws java.io.IOException if writing the format's header fails
     */
    default OutputStream compress(Compression compression, OutputStream out, int level, int threads)
            throws IOException {
        throw new UnsupportedOperationException("compression to " + compression);
    }
}
