package org.mwdump.parquet;

import java.io.IOException;
import org.mwdump.DumpException;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.ReadOptions;
import org.mwdump.UnsupportedDumpException;
import org.mwdump.DumpLocation;
import org.mwdump.spi.ReaderInput;
import org.mwdump.spi.ReaderProvider;

/**
 * Lets {@link org.mwdump.Dumps#open} read Parquet files: recognized by the {@code PAR1} magic at
 * the start of the file, read from the file itself (Parquet's footer is at the end, so a stream does
 * not do). Found through {@link java.util.ServiceLoader}; not meant to be called directly.
 */
public final class ParquetReaderProvider implements ReaderProvider {
    @Override
    public DumpFormat format() {
        return DumpFormat.PARQUET;
    }

    @Override
    public boolean recognizes(byte[] head, int length) {
        return length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1';
    }

    @Override
    public boolean readsRawFiles() {
        return true;
    }

    /**
     * Opens the file of {@code input} as Parquet; unlike the interface, which lets a provider's input fail
     * with {@link IOException}, this reports every failure unchecked, as the rest of this package does.
     *
     * @param input   the sniffed content, and the file it came from
     * @param options how to read
     * @return the reader
     * @throws UnsupportedDumpException if there is no file (a stream)
     * @throws org.mwdump.DumpException if the file cannot be read or is not Parquet
     */
    @Override
    public DumpReader open(ReaderInput input, ReadOptions options) {
        // the file is reopened with random access; the sniffing stream is not needed
        try {
            input.stream().close();
        } catch (IOException e) {
            throw DumpException.cannotRead(e, DumpLocation.at(input.sourceName(), 0));
        }
        if (input.file() == null) {
            throw new UnsupportedDumpException("Parquet can only be read from a file, not a stream",
                    DumpLocation.at(input.sourceName(), 0));
        }
        return ParquetDumpReader.open(input.file(), options);
    }
}
