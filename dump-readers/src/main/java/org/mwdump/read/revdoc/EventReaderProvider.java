package org.mwdump.read.revdoc;

import java.io.IOException;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.ReadOptions;
import org.mwdump.spi.ReaderInput;
import org.mwdump.spi.ReaderProvider;

/** Reads change events as JSON lines ({@link DumpFormat#EVENTS}); see {@link EventReader}. */
public final class EventReaderProvider implements ReaderProvider {
    /** For the service loader. */
    public EventReaderProvider() {
    }

    @Override
    public DumpFormat format() {
        return DumpFormat.EVENTS;
    }

    @Override
    public boolean recognizes(byte[] head, int length) {
        return EventReader.recognizes(head, length);
    }

    @Override
    public DumpReader open(ReaderInput input, ReadOptions options) throws IOException {
        return new EventReader(input, options);
    }
}
