package org.mwdump.read.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.Compression;
import org.mwdump.CorruptInputException;
import org.mwdump.DumpException;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.model.LogItem;
import org.mwdump.model.PageEntry;
import org.mwdump.testing.GeneratedDump;

/**
 * {@link CompressionTest} on a generated history dump (uploads, deleted fields, log items), so that it
 * runs without the shared corpus: every compression is recognized by content and every stream, member
 * or frame is read; a multistream bz2 file like Wikimedia's (header, page streams, footer, empty
 * trailing stream); a 7z archive from a path and from a stream; truncation fails with an offset.
 */
class GeneratedCompressionTest {
    private static final GeneratedDump DUMP = GeneratedDump.builder("0.11").pages(60).deletions(true).uploads(true)
            .slots(true).logItems(5).build();
    private static final byte[] XML = DUMP.xml();

    private static void assertReadsTheDump(byte[] data, Compression compression) {
        try (DumpReader r = Dumps.open(new ByteArrayInputStream(data))) {
            assertReadsTheDump(r, compression);
        }
    }

    private static void assertReadsTheDump(DumpReader r, Compression compression) {
        assertEquals(compression, r.compression());
        assertEquals(DUMP.siteInfo(), r.siteInfo());
        List<PageEntry> entries = r.entries().stream().toList();
        assertEquals(DUMP.entries(), entries);
        List<LogItem> items = new java.util.ArrayList<>();
        r.logItems().forEach(items::add);
        assertEquals(DUMP.logItems(), items);
    }

    private static byte[][] thirds() {
        int a = XML.length / 3;
        int b = 2 * XML.length / 3;
        return new byte[][] {Arrays.copyOfRange(XML, 0, a), Arrays.copyOfRange(XML, a, b),
            Arrays.copyOfRange(XML, b, XML.length)};
    }

    static byte[] bzip2(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream bz = new BZip2CompressorOutputStream(out, 1)) {
            bz.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void plain() {
        assertReadsTheDump(XML, Compression.NONE);
    }

    @Test
    void multiMemberGzip() throws IOException {
        byte[][] t = thirds();
        assertReadsTheDump(CompressionTest.concat(CompressionTest.gzip(t[0]), CompressionTest.gzip(t[1]),
                CompressionTest.gzip(t[2])), Compression.GZIP);
    }

    @Test
    void concatenatedXz() throws IOException {
        byte[][] t = thirds();
        assertReadsTheDump(CompressionTest.concat(CompressionTest.xz(t[0]), CompressionTest.xz(t[1]),
                CompressionTest.xz(t[2])), Compression.XZ);
    }

    @Test
    void multiFrameZstdWithSkippableFrames() {
        byte[][] t = thirds();
        byte[] skippable = {0x5E, 0x2A, 0x4D, 0x18, 3, 0, 0, 0, 1, 2, 3};
        assertReadsTheDump(CompressionTest.concat(skippable, Zstd.compress(t[0]), Zstd.compress(t[1]), skippable,
                Zstd.compress(t[2]), skippable), Compression.ZSTD);
    }

    /** Wikimedia's layout: the header alone, streams of whole pages, the footer, and an empty stream at the end. */
    @Test
    void multistreamBzip2WithEmptyTrailingStream() throws IOException {
        String s = DUMP.xmlString();
        int firstPage = s.indexOf("  <page>");
        int middlePage = s.indexOf("  <page>", s.length() / 2);
        int footer = s.lastIndexOf("</mediawiki>");
        byte[] data = CompressionTest.concat(bzip2(s.substring(0, firstPage).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                bzip2(s.substring(firstPage, middlePage).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                bzip2(s.substring(middlePage, footer).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                bzip2(s.substring(footer).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                bzip2(new byte[0]));
        assertReadsTheDump(data, Compression.BZIP2);
    }

    @Test
    void sevenZipFromPathAndFromStream(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("dump.xml.7z");
        try (SevenZOutputFile out = new SevenZOutputFile(file.toFile())) {
            SevenZArchiveEntry entry = out.createArchiveEntry(dir.toFile(), "dump.xml");
            entry.setDirectory(false);
            out.putArchiveEntry(entry);
            out.write(XML);
            out.closeArchiveEntry();
        }
        try (DumpReader r = Dumps.open(file)) {
            assertReadsTheDump(r, Compression.SEVEN_Z);
        }
        try (DumpReader r = Dumps.open(Files.newInputStream(file))) {
            assertReadsTheDump(r, Compression.SEVEN_Z);
        }
    }

    /** Truncation anywhere fails with the byte offset; it never yields a silently shorter result. */
    @Test
    void truncatedInputsFailWithAnOffset() throws IOException {
        byte[][] inputs = {bzip2(XML), CompressionTest.gzip(XML), CompressionTest.xz(XML), Zstd.compress(XML)};
        for (byte[] input : inputs) {
            for (double at : new double[] {0.1, 0.5, 0.93, 0.999}) {
                byte[] cut = Arrays.copyOf(input, (int) (input.length * at));
                DumpException e = assertThrows(DumpException.class, () -> {
                    try (DumpReader r = Dumps.open(new ByteArrayInputStream(cut))) {
                        r.revisions().stream().count();
                        r.logItems().forEach(item -> { });
                    }
                }, "cut at " + at);
                assertTrue(e instanceof CorruptInputException || e.getMessage().contains("end of input"),
                        e.getMessage());
                assertTrue(e.location().compressedOffset() > 0, e.getMessage());
                assertTrue(e.location().compressedOffset() <= cut.length, e.getMessage());
            }
        }
    }
}
