package org.mwdump.read.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.CorruptInputException;
import org.mwdump.DumpException;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.model.Page;
import org.mwdump.testing.GeneratedDump;

/**
 * Errors keep their cause on one thread: an input that fails while it is read (a disk error, a file
 * truncated meanwhile) is reported as {@code cannot read SOURCE: …} with the {@link IOException} as the
 * cause, in every compression and format, never as damaged data; an unchecked exception of the input
 * (a bug in it) surfaces as itself, also through the read-ahead thread of bz2.
 */
class InputFailureTest {
    /**
     * More than the first megabyte that bz2's read-ahead hands over when the dump is opened, so that a
     * failure late in the file surfaces while pages are read.
     */
    private static final byte[] XML = GeneratedDump.builder("0.11").pages(800).build().xml();

    /** A few RevDoc lines, as mwxml's {@code dump2revdocs} writes them. */
    private static final byte[] REVDOC = revdoc();

    private static byte[] revdoc() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 8000; i++) {
            sb.append("{\"id\": ").append(i).append(", \"timestamp\": \"2020-01-01T00:00:00Z\", \"page\": {\"id\": ")
                    .append(i).append(", \"title\": \"Page ").append(i).append("\", \"namespace\": 0}, \"slots\": ")
                    .append("{\"main\": {\"id\": \"main\", \"model\": \"wikitext\", \"format\": \"text/x-wiki\", ")
                    .append("\"text\": \"").append("Text of revision ").append(i).append(". ".repeat(i % 50))
                    .append("\", \"bytes\": 3}}}\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final Map<byte[], Map<String, byte[]>> COMPRESSED = new java.util.IdentityHashMap<>();

    /** The content in every compression the readers recognize from a stream (made once per content). */
    static synchronized Map<String, byte[]> compressed(byte[] content) throws IOException {
        Map<String, byte[]> made = COMPRESSED.get(content);
        if (made == null) {
            made = compress(content);
            COMPRESSED.put(content, made);
        }
        return made;
    }

    private static Map<String, byte[]> compress(byte[] content) throws IOException {
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put("none", content);
        all.put("bz2", GeneratedCompressionTest.bzip2(content));
        all.put("gz", CompressionTest.gzip(content));
        all.put("xz", CompressionTest.xz(content));
        all.put("zstd", Zstd.compress(content));
        Path file = Files.createTempFile("mwdump-test-", ".7z");
        try {
            try (SevenZOutputFile out = new SevenZOutputFile(file.toFile())) {
                SevenZArchiveEntry entry = out.createArchiveEntry(file.toFile(), "dump");
                entry.setDirectory(false);
                out.putArchiveEntry(entry);
                out.write(content);
                out.closeArchiveEntry();
            }
            all.put("7z", Files.readAllBytes(file));
        } finally {
            Files.delete(file);
        }
        return all;
    }

    /** A stream of the given bytes that throws {@code failure} once {@code failAt} bytes have been read. */
    static final class FailingStream extends InputStream {
        private final byte[] data;
        private final int failAt;
        private final Throwable failure;
        private int position;

        FailingStream(byte[] data, int failAt, Throwable failure) {
            this.data = data;
            this.failAt = failAt;
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (position >= failAt) {
                if (failure instanceof IOException io) {
                    throw io;
                }
                if (failure instanceof RuntimeException re) {
                    throw re;
                }
                throw (Error) failure;
            }
            int n = Math.min(len, Math.min(failAt, data.length) - position);
            if (n <= 0) {
                return -1;
            }
            System.arraycopy(data, position, b, off, n);
            position += n;
            return n;
        }
    }

    static long readAll(InputStream in) {
        try (DumpReader reader = Dumps.open(in)) {
            return readAll(reader);
        }
    }

    static long readAll(DumpReader reader) {
        long n = 0;
        for (Page p = reader.nextPage(); p != null; p = reader.nextPage()) {
            while (reader.nextEntry() != null) {
                n++;
            }
        }
        while (reader.nextLogItem() != null) {
            n++;
        }
        return n;
    }

    @Test
    void theContentReadsWhole() throws IOException {
        assertTrue(XML.length > 1_200_000 && REVDOC.length > 1_200_000, XML.length + " " + REVDOC.length);
        for (byte[] content : List.of(XML, REVDOC)) {
            for (Map.Entry<String, byte[]> c : compressed(content).entrySet()) {
                assertTrue(readAll(new ByteArrayInputStream(c.getValue())) > 100, c.getKey());
            }
        }
    }

    /** A disk error early (while the head is sniffed) and in the middle, in XML and RevDoc, in every compression. */
    @Test
    void aFailingInputIsAnIoErrorInEveryCompression() throws IOException {
        for (byte[] content : List.of(XML, REVDOC)) {
            for (Map.Entry<String, byte[]> c : compressed(content).entrySet()) {
                byte[] data = c.getValue();
                for (int failAt : new int[] {20, data.length / 2, data.length * 9 / 10}) {
                    String what = (content == XML ? "XML" : "RevDoc") + " " + c.getKey() + " failing at " + failAt;
                    IOException disk = new IOException("Input/output error");
                    DumpException e = assertThrows(DumpException.class,
                            () -> readAll(new FailingStream(data, failAt, disk)), what);
                    assertFalse(e instanceof CorruptInputException, what + ": a disk error is not damage: " + e);
                    assertSame(disk, e.getCause(), what + ": the disk's exception is kept");
                    assertTrue(e.getMessage().startsWith("cannot read <stream>: Input/output error"), what + ": "
                            + e.getMessage());
                    assertFalse(e.getMessage().contains("Exception"), e.getMessage());
                }
            }
        }
    }

    /** A bug (or an exhausted heap) in the input's code surfaces as itself, not as damaged data. */
    @Test
    void aBugInTheInputSurfacesAsItself() throws IOException {
        for (Map.Entry<String, byte[]> c : compressed(XML).entrySet()) {
            byte[] data = c.getValue();
            for (Throwable bug : List.of(new IllegalStateException("a bug"), new OutOfMemoryError("Java heap space"))) {
                Throwable e = assertThrows(bug.getClass(), () -> readAll(new FailingStream(data, data.length / 2, bug)),
                        c.getKey());
                assertSame(bug, e, c.getKey());
            }
        }
    }

    /** Text that does not compress much: the file is still mostly unread after its first page. */
    static byte[] incompressibleXml(int pages) {
        Random random = new Random(5);
        StringBuilder sb = new StringBuilder("<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" "
                + "version=\"0.11\" xml:lang=\"en\">\n");
        for (int p = 1; p <= pages; p++) {
            sb.append("  <page>\n    <title>Page ").append(p).append("</title>\n    <ns>0</ns>\n    <id>").append(p)
                    .append("</id>\n    <revision>\n      <id>").append(p).append("</id>\n      <timestamp>")
                    .append("2020-01-01T00:00:00Z</timestamp>\n      <text bytes=\"4000\" xml:space=\"preserve\">");
            for (int i = 0; i < 4000; i++) {
                sb.append((char) ('a' + random.nextInt(26)));
            }
            sb.append("</text>\n    </revision>\n  </page>\n");
        }
        return sb.append("</mediawiki>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Someone truncates the file while it is read: the file failed; its data is not damaged. */
    @Test
    void aFileTruncatedWhileItIsReadIsAnIoError(@TempDir Path dir) throws IOException {
        byte[] xml = incompressibleXml(300);
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("none", Files.write(dir.resolve("dump.xml"), xml));
        files.put("gz", Files.write(dir.resolve("dump.xml.gz"), CompressionTest.gzip(xml)));
        files.put("xz", Files.write(dir.resolve("dump.xml.xz"), CompressionTest.xz(xml)));
        Path sevenZ = dir.resolve("dump.xml.7z");
        try (SevenZOutputFile out = new SevenZOutputFile(sevenZ.toFile())) {
            SevenZArchiveEntry entry = out.createArchiveEntry(dir.toFile(), "dump.xml");
            entry.setDirectory(false);
            out.putArchiveEntry(entry);
            out.write(xml);
            out.closeArchiveEntry();
        }
        files.put("7z", sevenZ);
        for (Map.Entry<String, Path> f : files.entrySet()) {
            Path file = f.getValue();
            long size = Files.size(file);
            DumpException e;
            try (DumpReader reader = Dumps.open(file)) {
                assertNotNull(reader.nextPage());
                truncate(file, size / 2);
                e = assertThrows(DumpException.class, () -> readAll(reader), f.getKey());
            }
            assertFalse(e instanceof CorruptInputException, f.getKey() + ": a file cut while read is not damage: " + e);
            assertInstanceOf(IOException.class, e.getCause(), f.getKey());
            assertTrue(e.getMessage().startsWith("cannot read " + file + ": the file ended at byte "),
                    f.getKey() + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(" of " + size + ": it was truncated while it was read"), e.getMessage());
            assertEquals(file.toString(), e.location().source());
        }
    }

    /** A file that was cut before it was opened is damaged data, as before. */
    @Test
    void aFileCutBeforeItIsOpenedIsDamage(@TempDir Path dir) throws IOException {
        byte[] gz = CompressionTest.gzip(XML);
        Path file = Files.write(dir.resolve("cut.xml.gz"), java.util.Arrays.copyOf(gz, gz.length / 2));
        DumpException e = assertThrows(DumpException.class, () -> {
            try (DumpReader reader = Dumps.open(file)) {
                readAll(reader);
            }
        });
        assertInstanceOf(CorruptInputException.class, e, e.getMessage());
        assertEquals(file.toString(), e.location().source());
    }

    static void truncate(Path file, long size) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
