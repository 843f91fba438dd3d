package org.mwdump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** The messages of exceptions: where, and for an input that cannot be read, why in words. */
class DumpExceptionTest {

    @Test
    void cannotReadNamesTheFileOnceAndKeepsTheCause() {
        IOException disk = new IOException("Input/output error");
        DumpException e = DumpException.cannotRead(disk,
                DumpLocation.at("/data/dump.xml.bz2", 1234).withLine(5, 6).withPage(7L, "Page", 8L));
        assertEquals("cannot read /data/dump.xml.bz2: Input/output error (byte offset 1234, line 5, column 6, "
                + "page 7 \"Page\", revision 8)", e.getMessage());
        assertEquals("cannot read /data/dump.xml.bz2: Input/output error", e.reason());
        assertEquals("/data/dump.xml.bz2", e.location().source());
        assertSame(disk, e.getCause());
        assertEquals(DumpException.class, e.getClass());
        DumpException moved = e.at(DumpLocation.at("/data/dump.xml.bz2", 99));
        assertEquals("cannot read /data/dump.xml.bz2: Input/output error (byte offset 99)", moved.getMessage());
        assertSame(disk, moved.getCause());
        assertEquals("cannot read /data/dump.xml.bz2: Input/output error",
                DumpException.cannotRead(disk, DumpLocation.of("/data/dump.xml.bz2"))
                        .getMessage());
        assertEquals("cannot read input: Input/output error", DumpException.cannotRead(disk, null).getMessage());
    }

    @Test
    void otherMessagesKeepTheFileInTheLocation() {
        DumpLocation where = DumpLocation.at("d", 10);
        // a message that happens to contain the name elsewhere still gets the location in full
        assertEquals("nothing decoded: bad data (d, byte offset 10)",
                new DumpException("nothing decoded: bad data", where).getMessage());
        assertEquals("block CRC mismatch at bit 80 (d, byte offset 10)",
                new CorruptInputException("block CRC mismatch", where, 80, null).getMessage());
    }

    @Test
    void whyInWordsWithoutClassOrTemporaryFileNames() {
        DumpLocation where = DumpLocation.of("f");
        assertEquals("cannot read f: no such file",
                DumpException.cannotRead(new NoSuchFileException("f"), where).getMessage());
        assertEquals("cannot read f: permission denied",
                DumpException.cannotRead(new AccessDeniedException("f"), where).getMessage());
        assertEquals("cannot read f: Is a directory",
                DumpException.cannotRead(new FileSystemException("f", null, "Is a directory"), where).getMessage());
        assertEquals("cannot read f: Permission denied",
                DumpException.cannotRead(new FileNotFoundException("f (Permission denied)"), where).getMessage());
        assertEquals("cannot read f: interrupted",
                DumpException.cannotRead(new ClosedByInterruptException(), where).getMessage());
        assertEquals("cannot read f: unexpected end of file",
                DumpException.cannotRead(new EOFException(), where).getMessage());
        assertEquals("cannot read f: input/output error",
                DumpException.cannotRead(new IOException(), where).getMessage());
    }

    @Test
    void cannotWriteSaysWhyInWordsAndKeepsTheCause() {
        IOException full = new IOException("No space left on device");
        DumpException e = DumpException.cannotWrite("XML", full);
        assertEquals("cannot write XML: No space left on device", e.getMessage());
        assertEquals(full, e.getCause().getCause());
        assertEquals("cannot write RevDoc: input/output error",
                DumpException.cannotWrite("RevDoc", new IOException()).getMessage(), "never 'null'");
    }
}
