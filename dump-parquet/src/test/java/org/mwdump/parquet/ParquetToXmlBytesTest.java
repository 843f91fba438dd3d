package org.mwdump.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mwdump.Compression;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.WriteOptions;
import org.mwdump.spi.Codecs;
import org.mwdump.spi.WriterProvider;
import org.mwdump.testing.Corpus;

/**
 * Dumps made by Wikimedia's pipeline, converted XML to Parquet to XML, give back the original
 * (decompressed) bytes.
 */
class ParquetToXmlBytesTest {

    static Stream<String> wikimediaDumps() {
        return Stream.of(
                "enwiki-pages-articles1-shortened/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2",
                "multistream-enwiktionary-20150224/enwiktionary-20150224-pages-articles-multistream.xml.bz2",
                "multistream-elwikivoyage-p2566p2583/source-singlestream/pages-articles-p2566p2583.xml.bz2",
                "elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2",
                "aawiki-20260101/aawiki-20260101-pages-meta-history.xml.7z",
                "wikidatawiki-articles-and-stubs-samples/pages-articles-sample1.xml.bz2",
                "wikidatawiki-articles-and-stubs-samples/pages-articles-sample2.xml.bz2",
                "wikidatawiki-articles-and-stubs-samples/pages-articles-sample3.xml.bz2",
                "wikidatawiki-articles-and-stubs-samples/pages-articles-sample4.xml.bz2");
    }

    /** Corpus files that end without a newline after {@code </mediawiki>} (see the writers' round-trip test). */
    static final java.util.List<String> NO_FINAL_NEWLINE = java.util.List.of(
            "elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2",
            "aawiki-20260101/aawiki-20260101-pages-meta-history.xml.7z");

    static boolean xmlWriterPresent() {
        for (WriterProvider p : ServiceLoader.load(WriterProvider.class)) {
            if (p.formats().contains(DumpFormat.XML)) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wikimediaDumps")
    void parquetToXmlGivesTheOriginalBytes(String relative, @TempDir Path dir) throws IOException {
        assertTrue(xmlWriterPresent(), "dump-writers is a test dependency of this module");
        Path source = Corpus.file(relative);
        Path parquet = dir.resolve("dump.parquet");
        Path xml = dir.resolve("dump.xml");
        Dumps.convert(source, parquet, DumpFormat.PARQUET, WriteOptions.DEFAULT);
        try (DumpReader in = Dumps.open(parquet)) {
            DumpWriter out = Dumps.create(xml, DumpFormat.XML, WriteOptions.builder().compression(Compression.NONE).build());
            Dumps.copy(in, out);
            out.finish();
        }
        byte[] original = decompressed(source);
        if (NO_FINAL_NEWLINE.contains(relative)) {
            // these two files were cut without the final newline MediaWiki always writes after </mediawiki>
            assertEquals('>', original[original.length - 1]);
            original = java.util.Arrays.copyOf(original, original.length + 1);
            original[original.length - 1] = '\n';
        }
        byte[] written = Files.readAllBytes(xml);
        assertEquals(original.length, written.length, "length");
        assertArrayEquals(original, written);
    }

    private static byte[] decompressed(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        }
        Compression compression = Compression.sniff(head, head.length);
        if (compression == Compression.NONE) {
            return Files.readAllBytes(file);
        }
        for (Codecs c : ServiceLoader.load(Codecs.class)) {
            if (c.decompresses(compression)) {
                try (InputStream raw = Files.newInputStream(file);
                     InputStream in = c.decompress(compression, raw, file)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no decompressor for " + compression);
    }
}
