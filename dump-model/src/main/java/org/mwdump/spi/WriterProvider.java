package org.mwdump.spi;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;
import org.mwdump.DumpFormat;
import org.mwdump.DumpWriter;
import org.mwdump.WriteOptions;

/** Record formats that {@link org.mwdump.Dumps#create} can write, found through {@link java.util.ServiceLoader}. */
public interface WriterProvider {
    /**
     * The formats written.
     *
     * @return the formats
     */
    Set<DumpFormat> formats();

    /**
     * Whether the format compresses itself, so no outer compression applies (Parquet).
     *
     * @param format one of {@link #formats()}
     * @return whether the format compresses itself
     */
    default boolean selfCompressing(DumpFormat format) {
        return false;
    }

    /**
     * Opens a writer onto an already compressed output stream. The writer closes the stream when
     * closed; {@link DumpWriter#abort()} only needs to stop writing.
     *
     * @param format  one of {@link #formats()}
     * @param out     where the bytes go
     * @param options schema version, threads and the like
     * @return the writer
     * @throws java.io.IOException if writing the start of the output fails
     */
    DumpWriter create(DumpFormat format, OutputStream out, WriteOptions options) throws IOException;
}
