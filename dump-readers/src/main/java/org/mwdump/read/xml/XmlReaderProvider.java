package org.mwdump.read.xml;

import java.io.IOException;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.ReadOptions;
import org.mwdump.spi.ReaderInput;
import org.mwdump.spi.ReaderProvider;

/** Finds MediaWiki XML for {@link org.mwdump.Dumps#open}: content whose first markup is {@code <}. */
public final class XmlReaderProvider implements ReaderProvider {

    @Override
    public DumpFormat format() {
        return DumpFormat.XML;
    }

    @Override
    public boolean recognizes(byte[] head, int length) {
        return XmlHead.of(head, length).firstElement() != null;
    }

    @Override
    public DumpReader open(ReaderInput input, ReadOptions options) throws IOException {
        return new XmlDumpReader(input, options);
    }
}
