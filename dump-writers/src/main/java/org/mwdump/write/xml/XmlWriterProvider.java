package org.mwdump.write.xml;

import java.io.OutputStream;
import java.util.Set;
import org.mwdump.DumpFormat;
import org.mwdump.DumpWriter;
import org.mwdump.WriteOptions;
import org.mwdump.spi.WriterProvider;

/**
 * Lets {@link org.mwdump.Dumps#create} write {@link DumpFormat#XML}: the schema version from
 * {@link WriteOptions#schemaVersion()}, the style detected from the input ({@link XmlStyle#detect}).
 */
public final class XmlWriterProvider implements WriterProvider {
    @Override
    public Set<DumpFormat> formats() {
        return Set.of(DumpFormat.XML);
    }

    @Override
    public DumpWriter create(DumpFormat format, OutputStream out, WriteOptions options) {
        return XmlDumpWriter.builder(out).schemaVersion(options.schemaVersion()).build();
    }
}
