package org.mwdump.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import org.mwdump.testing.Corpus;

/**
 * Every corpus dump read from XML, written to Parquet and read back gives the same model: site
 * info, every revision with every field, and the same pages in the same order.
 */
class ParquetCorpusRoundTripTest {

    static Stream<String> dumps() {
        return Stream.of(
                "multistream-enwiktionary-20150224/enwiktionary-20150224-pages-articles-multistream.xml.bz2",
                "multistream-elwikivoyage-p2566p2583/pages-articles-p2566p2583.multistream.xml.bz2",
                "multistream-elwikivoyage-p2566p2583/pages-articles-p2566p2583.multistream-noheader.xml.bz2",
                "multistream-elwikivoyage-p2566p2583/pages-articles-p2566p2583.multistream-nofooter.xml.bz2",
                "multistream-elwikivoyage-p2566p2583/source-singlestream/pages-articles-p2566p2583.xml.bz2",
                "elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2",
                "elwikivoyage-stub-meta-history-sample/sample-stubs.gz",
                "enwiki-pages-articles1-shortened/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2",
                "aawiki-20260101/aawiki-20260101-pages-meta-history.xml.7z",
                "wikidatawiki-articles-and-stubs-samples/pages-articles-sample1.xml.bz2",
                "wikidatawiki-articles-and-stubs-samples/pages-articles-sample2.xml.bz2",
                "wikidatawiki-articles-and-stubs-samples/pages-articles-sample3.xml.bz2",
                "wikidatawiki-articles-and-stubs-samples/pages-articles-sample4.xml.bz2",
                "wikidatawiki-articles-and-stubs-samples/stub-articles-sample.xml.gz",
                "wikidatawiki-articles-and-stubs-samples/stub-articles-sample1.xml.gz",
                "wikidatawiki-articles-and-stubs-samples/stub-articles-sample2.xml.gz",
                "wikidatawiki-articles-and-stubs-samples/stub-articles-sample3.xml.gz",
                "wikidatawiki-articles-and-stubs-samples/stub-articles-sample4.xml.gz",
                "simplewiki-history-deleted/MediawikiDumperOutputTest.xml",
                "simplewiki-history-deleted/MediawikiDumperOutputTest.Simplewiki.Sample.xml",
                "mediawiki-export-demo/export-demo.xml",
                "small/fowiki-macbre/dump.xml.bz2",
                "small/mwxml-dump-0.8/dump.xml",
                "edge-cases/gensim-enwiki-no-siteinfo/enwiki-table-markup.xml.bz2",
                "edge-cases/refinery-handmade-no-ids/mediawiki-dump-test.xml",
                "mediawiki-core-tests/import-reformatted/Basic.import-1.xml",
                "mediawiki-core-tests/import-reformatted/Dupes.import-1.xml",
                "mediawiki-core-tests/import-reformatted/Dupes.import-2.xml",
                "mediawiki-core-tests/import-reformatted/Interleaved.import-1.xml",
                "mediawiki-core-tests/import-reformatted/Interleaved.import-2.xml",
                "mediawiki-core-tests/import-reformatted/Interleaved.import-3.xml",
                "mediawiki-core-tests/import-reformatted/Interleaved.import-4.xml",
                "mediawiki-core-tests/import-reformatted/Interleaved.import-5.xml",
                "mediawiki-core-tests/import-reformatted/Interleaved.import-6.xml",
                "mediawiki-core-tests/import-reformatted/Interleaved.import-7.xml",
                "mediawiki-core-tests/import-reformatted/InterleavedMulti.import-1.xml",
                "mediawiki-core-tests/import-reformatted/InterleavedMulti.import-2.xml",
                "mediawiki-core-tests/import-reformatted/MissingMainContentModel.import-1.xml",
                "mediawiki-core-tests/import-reformatted/MissingMainTextField.xml",
                "mediawiki-core-tests/import-reformatted/MissingSlotContentModel.import-1.xml",
                "mediawiki-core-tests/import-reformatted/MissingSlotRole.xml",
                "mediawiki-core-tests/import-reformatted/MissingSlotTextField.xml",
                "mediawiki-core-tests/import-reformatted/Slots.import-1.xml",
                "mediawiki-core-tests/import-reformatted/UndefinedContentModel.xml",
                "mediawiki-core-tests/import-reformatted/UndefinedSlotRole.xml",
                "mediawiki-core-tests/upstream-exact/InterleavedMulti.import-1.xml",
                "mediawiki-core-tests/upstream-exact/Slots.import-1.xml");
    }

    /** Pages in order with their revisions; pages without revisions left out (Parquet has no row for them). */
    record Group(Page page, List<Revision> revisions) {
    }

    record Dump(SiteInfo site, List<Group> groups) {
    }

    static Dump read(Path file) {
        List<Group> groups = new ArrayList<>();
        try (DumpReader reader = Dumps.open(file)) {
            SiteInfo site = reader.siteInfo();
            for (Page page = reader.nextPage(); page != null; page = reader.nextPage()) {
                List<Revision> revisions = new ArrayList<>();
                for (PageEntry e = reader.nextEntry(); e != null; e = reader.nextEntry()) {
                    if (e instanceof Revision r) {
                        revisions.add(r);
                    }
                }
                if (revisions.isEmpty()) {
                    continue;
                }
                Group last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
                if (last != null && last.page().equals(page)) {
                    // consecutive pages with equal fields cannot be told apart in a flat table
                    last.revisions().addAll(revisions);
                } else {
                    groups.add(new Group(page, revisions));
                }
            }
            return new Dump(site, groups);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void xmlToParquetGivesTheSameModel(String relative, @TempDir Path dir) {
        Path xml = Corpus.file(relative);
        Path parquet = dir.resolve("out.parquet");
        try (DumpReader in = Dumps.open(xml)) {
            DumpWriter out = Dumps.create(parquet, DumpFormat.PARQUET);
            Dumps.copy(in, out);
            out.finish();
        }
        Dump expected = read(xml);
        Dump actual = read(parquet);
        assertEquals(expected.site(), actual.site(), "site info");
        assertEquals(expected.groups().size(), actual.groups().size(), "pages");
        for (int i = 0; i < expected.groups().size(); i++) {
            Group want = expected.groups().get(i);
            Group got = actual.groups().get(i);
            assertEquals(want.page(), got.page(), "page " + i);
            assertEquals(want.revisions().size(), got.revisions().size(), "revisions of page " + want.page());
            for (int j = 0; j < want.revisions().size(); j++) {
                assertEquals(want.revisions().get(j), got.revisions().get(j), "revision " + j + " of " + want.page());
                assertSame(got.page(), got.revisions().get(j).page(), "revisions share their page");
            }
        }
    }
}
