package org.mwdump.parquet;

import java.io.OutputStream;
import java.util.Set;
import org.mwdump.DumpFormat;
import org.mwdump.DumpWriter;
import org.mwdump.WriteOptions;
import org.mwdump.spi.WriterProvider;

/**
 * Lets {@link org.mwdump.Dumps#create} write {@link DumpFormat#PARQUET}, with the options
 * {@link ParquetOptions#from(WriteOptions)} derives (zstd by default). For other row group sizes or
 * codecs, use {@link ParquetDumpWriter#builder} directly. Found through {@link java.util.ServiceLoader}.
 */
public final class ParquetWriterProvider implements WriterProvider {
    @Override
    public Set<DumpFormat> formats() {
        return Set.of(DumpFormat.PARQUET);
    }

    @Override
    public boolean selfCompressing(DumpFormat format) {
        return true;
    }

    @Override
    public DumpWriter create(DumpFormat format, OutputStream out, WriteOptions options) {
        return ParquetDumpWriter.builder(out).options(ParquetOptions.from(options)).build();
    }
}
