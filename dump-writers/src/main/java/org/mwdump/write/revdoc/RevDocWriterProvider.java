package org.mwdump.write.revdoc;

import java.io.OutputStream;
import java.util.Set;
import org.mwdump.DumpFormat;
import org.mwdump.DumpWriter;
import org.mwdump.WriteOptions;
import org.mwdump.spi.WriterProvider;

/** Lets {@link org.mwdump.Dumps#create} write {@link DumpFormat#REVDOC} and {@link DumpFormat#REVDOC_LEGACY}. */
public final class RevDocWriterProvider implements WriterProvider {
    @Override
    public Set<DumpFormat> formats() {
        return Set.of(DumpFormat.REVDOC, DumpFormat.REVDOC_LEGACY);
    }

    @Override
    public DumpWriter create(DumpFormat format, OutputStream out, WriteOptions options) {
        return RevDocWriter.builder(out)
                .shape(format == DumpFormat.REVDOC_LEGACY ? RevDocShape.LEGACY_FLAT : RevDocShape.SLOTS).build();
    }
}
