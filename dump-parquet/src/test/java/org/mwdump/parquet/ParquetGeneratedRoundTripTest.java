package org.mwdump.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mwdump.Compression;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.WriteOptions;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.testing.GeneratedDump;
import org.mwdump.testing.GeneratedDump.Feature;

/**
 * {@link ParquetCorpusRoundTripTest} and {@link ParquetToXmlBytesTest} on generated dumps, so they run
 * without the shared corpus: every schema version 0.3 to 0.11, content and stubs, with deleted fields
 * and a second slot, written to Parquet reads back to the site info, pages and revisions the dump was
 * made from (uploads and log items have no row); and dumps in Wikimedia's serialization of 0.10 and
 * 0.11, through Parquet and back to XML, give their original bytes.
 */
class ParquetGeneratedRoundTripTest {

    static Stream<GeneratedDump> dumps() {
        return Stream.concat(GeneratedDump.VERSIONS.stream().map(GeneratedDump::full),
                GeneratedDump.VERSIONS.stream().filter(Feature.TEXT_ID::in).map(v -> GeneratedDump.builder(v)
                        .stubs(true).deletions(true).slots(true).pages(20).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void xmlToParquetGivesTheSameModel(GeneratedDump dump, @TempDir Path dir) {
        Path parquet = dir.resolve("out.parquet");
        Dumps.convert(dump.write(dir.resolve("in.xml")), parquet, DumpFormat.PARQUET, WriteOptions.DEFAULT);
        List<Page> pages = new ArrayList<>();
        List<Revision> revisions = new ArrayList<>();
        try (DumpReader r = Dumps.open(parquet)) {
            assertEquals(DumpFormat.PARQUET, r.format());
            assertEquals(dump.siteInfo(), r.siteInfo(), "site info");
            for (Page page = r.nextPage(); page != null; page = r.nextPage()) {
                pages.add(page);
                for (PageEntry e = r.nextEntry(); e != null; e = r.nextEntry()) {
                    assertSame(page, e.page(), "revisions share their page");
                    revisions.add((Revision) e);
                }
            }
            assertNull(r.nextLogItem(), "no log items in Parquet");
        }
        assertEquals(dump.pages(), pages, "every generated page has revisions, so every page has rows");
        List<Revision> expected = dump.revisions();
        assertEquals(expected.size(), revisions.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), revisions.get(i), "revision " + i);
        }
    }

    static Stream<Arguments> production() {
        return Stream.of(
                Arguments.of("0.10", false, "MediaWiki 1.27.0-wmf.22"),
                Arguments.of("0.10", true, "MediaWiki 1.35.0-wmf.11"),
                Arguments.of("0.11", false, "MediaWiki 1.46.0-wmf.7"),
                Arguments.of("0.11", true, "MediaWiki 1.35.0-wmf.1"));
    }

    @ParameterizedTest(name = "schema {0}, stubs {1}, {2}")
    @MethodSource("production")
    void parquetToXmlGivesTheOriginalBytes(String version, boolean stubs, String generator, @TempDir Path dir)
            throws IOException {
        // Parquet keeps revisions only: a dump without uploads and log items comes back whole
        GeneratedDump dump = GeneratedDump.builder(version).stubs(stubs).generator(generator).pages(30)
                .deletions(true).slots(true).build();
        Path parquet = dir.resolve("dump.parquet");
        Path xml = dir.resolve("dump.xml");
        Dumps.convert(dump.write(dir.resolve("in.xml")), parquet, DumpFormat.PARQUET, WriteOptions.DEFAULT);
        Dumps.convert(parquet, xml, DumpFormat.XML, WriteOptions.builder().compression(Compression.NONE).build());
        assertArrayEquals(dump.xml(), Files.readAllBytes(xml));
    }
}
