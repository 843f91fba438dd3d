package org.mwdump.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mwdump.DumpException;
import org.mwdump.DumpLocation;
import org.mwdump.model.LogItem;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.SiteInfo;

/**
 * The lifecycle every writer shares: finish completes once, abort and close discard once, nothing
 * runs after the writer is closed, and a failure to complete discards the output and is thrown once,
 * never wrapped twice.
 */
class AbstractDumpWriterTest {
    static final class Recording extends AbstractDumpWriter {
        final List<String> calls = new ArrayList<>();
        Exception completeFails;

        Recording() {
            super("Test");
        }

        @Override
        protected void complete() throws IOException {
            calls.add("complete");
            if (completeFails instanceof IOException e) {
                throw e;
            }
            if (completeFails instanceof RuntimeException e) {
                throw e;
            }
        }

        @Override
        protected void discard() {
            calls.add("discard");
        }

        @Override
        public void writeSiteInfo(SiteInfo siteInfo) {
            ensureOpen();
        }

        @Override
        public void writePage(Page page) {
            ensureOpen();
        }

        @Override
        public void write(PageEntry entry) {
            ensureOpen();
        }

        @Override
        public void writeLogItem(LogItem item) {
            ensureOpen();
        }
    }

    @Test
    void finishCompletesOnceAndCloseAfterItDiscardsNothing() {
        Recording w = new Recording();
        w.finish();
        w.finish();
        w.close();
        w.abort();
        assertEquals(List.of("complete"), w.calls);
        assertThrows(IllegalStateException.class, () -> w.write(null));
    }

    @Test
    void closeWithoutFinishDiscardsOnce() {
        Recording w = new Recording();
        w.close();
        w.abort();
        w.finish();
        assertEquals(List.of("discard"), w.calls);
        assertThrows(IllegalStateException.class, () -> w.writeSiteInfo(SiteInfo.EMPTY));
    }

    @Test
    void aFailureToCompleteDiscardsAndIsThrownOnce() {
        Recording io = new Recording();
        io.completeFails = new IOException("disk full");
        DumpException e = assertThrows(DumpException.class, io::finish);
        assertEquals("cannot write Test: disk full", e.getMessage().replaceFirst(" \\(.*", ""));
        io.close();
        assertEquals(List.of("complete", "discard"), io.calls);

        Recording dump = new Recording();
        DumpException thrown = new DumpException("cannot finish", DumpLocation.UNKNOWN);
        dump.completeFails = thrown;
        assertSame(thrown, assertThrows(DumpException.class, dump::finish));
        assertEquals(List.of("complete", "discard"), dump.calls);
    }
}
