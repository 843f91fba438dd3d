package org.mwdump.read.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.Compression;
import org.mwdump.CorruptInputException;
import org.mwdump.DumpException;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.UnsupportedDumpException;
import org.mwdump.model.Revision;
import org.mwdump.testing.Corpus;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Compression is recognized by content, every stream/member/frame is read, and damage is reported. */
class CompressionTest {
    private static byte[] xml;
    private static List<Revision> expected;

    @BeforeAll
    static void decompressSample() throws IOException {
        Path file = Corpus.file("multistream-elwikivoyage-p2566p2583/source-singlestream/pages-articles-p2566p2583.xml.bz2");
        try (InputStream in = new BZip2CompressorInputStream(Files.newInputStream(file), true)) {
            xml = in.readAllBytes();
        }
        try (DumpReader r = Dumps.open(new ByteArrayInputStream(xml))) {
            expected = r.revisions().stream().toList();
        }
        assertEquals(17, expected.size());
    }

    private static List<Revision> read(byte[] data, Compression compression) {
        try (DumpReader r = Dumps.open(new ByteArrayInputStream(data))) {
            assertEquals(compression, r.compression());
            return r.revisions().stream().toList();
        }
    }

    private static byte[][] halves() {
        int mid = xml.length / 2;
        return new byte[][] {Arrays.copyOfRange(xml, 0, mid), Arrays.copyOfRange(xml, mid, xml.length)};
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] xz(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream x = new XZOutputStream(out, new LZMA2Options())) {
            x.write(data);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void plain() {
        assertEquals(expected, read(xml, Compression.NONE));
    }

    @Test
    void multiMemberGzip() throws IOException {
        byte[][] h = halves();
        assertEquals(expected, read(concat(gzip(h[0]), gzip(h[1])), Compression.GZIP));
    }

    @Test
    void concatenatedXz() throws IOException {
        byte[][] h = halves();
        assertEquals(expected, read(concat(xz(h[0]), xz(h[1])), Compression.XZ));
    }

    @Test
    void multiFrameZstdWithSkippableFrames() {
        byte[][] h = halves();
        byte[] skippable = {0x5E, 0x2A, 0x4D, 0x18, 3, 0, 0, 0, 1, 2, 3};
        byte[] data = concat(skippable, Zstd.compress(h[0]), skippable, Zstd.compress(h[1]), skippable);
        assertEquals(expected, read(data, Compression.ZSTD));
    }

    @Test
    void multistreamBzip2WithEmptyTrailingStream() {
        Path file = Corpus.file("multistream-elwikivoyage-p2566p2583/pages-articles-p2566p2583.multistream.xml.bz2");
        try (DumpReader r = Dumps.open(file)) {
            assertEquals(expected, r.revisions().stream().toList());
        }
    }

    @Test
    void sevenZipFromPathAndFromStream() throws IOException {
        Path file = Corpus.file("aawiki-20260101/aawiki-20260101-pages-meta-history.xml.7z");
        try (DumpReader r = Dumps.open(file)) {
            assertEquals(Compression.SEVEN_Z, r.compression());
            assertEquals(1307, r.revisions().stream().count());
        }
        try (DumpReader r = Dumps.open(Files.newInputStream(file))) {
            assertEquals(1307, r.revisions().stream().count());
        }
    }

    @Test
    void notADump(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("notes.xml.bz2");
        Files.writeString(text, "hello, this is not a dump\n");
        UnsupportedDumpException e = assertThrows(UnsupportedDumpException.class, () -> Dumps.open(text).close());
        assertTrue(e.getMessage().contains("notes.xml.bz2"), e.getMessage());
        DumpException missing = assertThrows(DumpException.class, () -> Dumps.open(dir.resolve("missing.xml")));
        assertTrue(missing.getMessage().contains("missing.xml"), missing.getMessage());
    }

    /** Truncation anywhere fails with the byte offset; it never yields a silently shorter result. */
    @Test
    void truncatedInputsFailWithAnOffset() throws IOException {
        Path bz2 = Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2");
        byte[] whole = Files.readAllBytes(bz2);
        byte[][] inputs = {whole, gzip(xml), xz(xml), Zstd.compress(xml)};
        for (byte[] input : inputs) {
            for (double at : new double[] {0.1, 0.5, 0.93, 0.999}) {
                byte[] cut = Arrays.copyOf(input, (int) (input.length * at));
                DumpException e = assertThrows(DumpException.class, () -> {
                    try (DumpReader r = Dumps.open(new ByteArrayInputStream(cut))) {
                        r.revisions().stream().count();
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
