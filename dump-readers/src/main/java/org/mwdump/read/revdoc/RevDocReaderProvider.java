package org.mwdump.read.revdoc;

import java.io.IOException;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.ReadOptions;
import org.mwdump.spi.ReaderInput;
import org.mwdump.spi.ReaderProvider;

/** Finds RevDoc JSON lines for {@link org.mwdump.Dumps#open}: content whose first non-space byte is {@code &#123;}. */
public final class RevDocReaderProvider implements ReaderProvider {

    @Override
    public DumpFormat format() {
        return DumpFormat.REVDOC;
    }

    @Override
    public boolean recognizes(byte[] head, int length) {
        int i = 0;
        if (length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            i = 3; // UTF-8 byte-order mark
        }
        for (; i < length; i++) {
            byte b = head[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{' && !EventReader.recognizes(head, length);
            }
        }
        return false;
    }

    @Override
    public DumpReader open(ReaderInput input, ReadOptions options) throws IOException {
        return new RevDocReader(input, options);
    }
}
