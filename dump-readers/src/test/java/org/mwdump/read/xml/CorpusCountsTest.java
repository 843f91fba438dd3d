package org.mwdump.read.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.PageRevisions;
import org.mwdump.model.Revision;
import org.mwdump.testing.Corpus;

/** Page and revision counts of every corpus dump equal those stated in the corpus's PROVENANCE.md. */
class CorpusCountsTest {

    /** Counts as stated in PROVENANCE.md (summary table and reference output table). */
    static Stream<Arguments> dumps() {
        return Stream.of(
                Arguments.of("multistream-enwiktionary-20150224/enwiktionary-20150224-pages-articles-multistream.xml.bz2", 300, 300),
                Arguments.of("multistream-elwikivoyage-p2566p2583/pages-articles-p2566p2583.multistream.xml.bz2", 17, 17),
                Arguments.of("multistream-elwikivoyage-p2566p2583/pages-articles-p2566p2583.multistream-noheader.xml.bz2", 17, 17),
                Arguments.of("multistream-elwikivoyage-p2566p2583/pages-articles-p2566p2583.multistream-nofooter.xml.bz2", 17, 17),
                Arguments.of("multistream-elwikivoyage-p2566p2583/source-singlestream/pages-articles-p2566p2583.xml.bz2", 17, 17),
                Arguments.of("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2", 2040, 2040),
                Arguments.of("elwikivoyage-stub-meta-history-sample/sample-stubs.gz", 20, 118),
                Arguments.of("enwiki-pages-articles1-shortened/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2", 206, 206),
                Arguments.of("aawiki-20260101/aawiki-20260101-pages-meta-history.xml.7z", 507, 1307),
                Arguments.of("wikidatawiki-articles-and-stubs-samples/pages-articles-sample1.xml.bz2", 8, 8),
                Arguments.of("wikidatawiki-articles-and-stubs-samples/pages-articles-sample2.xml.bz2", 6, 6),
                Arguments.of("wikidatawiki-articles-and-stubs-samples/pages-articles-sample3.xml.bz2", 5, 5),
                Arguments.of("wikidatawiki-articles-and-stubs-samples/pages-articles-sample4.xml.bz2", 4, 4),
                Arguments.of("wikidatawiki-articles-and-stubs-samples/stub-articles-sample.xml.gz", 23, 23),
                Arguments.of("wikidatawiki-articles-and-stubs-samples/stub-articles-sample1.xml.gz", 8, 8),
                Arguments.of("wikidatawiki-articles-and-stubs-samples/stub-articles-sample2.xml.gz", 6, 6),
                Arguments.of("wikidatawiki-articles-and-stubs-samples/stub-articles-sample3.xml.gz", 5, 5),
                Arguments.of("wikidatawiki-articles-and-stubs-samples/stub-articles-sample4.xml.gz", 4, 4),
                Arguments.of("simplewiki-history-deleted/MediawikiDumperOutputTest.xml", 2, 33),
                Arguments.of("simplewiki-history-deleted/MediawikiDumperOutputTest.Simplewiki.Sample.xml", 2, 33),
                Arguments.of("mediawiki-export-demo/export-demo.xml", 3, 4),
                Arguments.of("small/fowiki-macbre/dump.xml.bz2", 2, 2),
                Arguments.of("small/mwxml-dump-0.8/dump.xml", 2, 3),
                Arguments.of("edge-cases/gensim-enwiki-no-siteinfo/enwiki-table-markup.xml.bz2", 5, 5),
                Arguments.of("edge-cases/refinery-handmade-no-ids/mediawiki-dump-test.xml", 3, 6));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void countsMatchProvenance(String relative, int pages, int revisions) {
        Path file = Corpus.file(relative);
        int[] counted = count(file);
        assertEquals(pages, counted[0], "pages");
        assertEquals(revisions, counted[1], "revisions");
    }

    /** MediaWiki core's import test files: revisions as in the reference table, pages counted in the raw text. */
    static Stream<Arguments> coreImports() {
        return Stream.of(
                Arguments.of("import-reformatted/Basic.import-1.xml", 1),
                Arguments.of("import-reformatted/Dupes.import-1.xml", 1),
                Arguments.of("import-reformatted/Dupes.import-2.xml", 1),
                Arguments.of("import-reformatted/Interleaved.import-1.xml", 1),
                Arguments.of("import-reformatted/Interleaved.import-2.xml", 1),
                Arguments.of("import-reformatted/Interleaved.import-3.xml", 1),
                Arguments.of("import-reformatted/Interleaved.import-4.xml", 1),
                Arguments.of("import-reformatted/Interleaved.import-5.xml", 1),
                Arguments.of("import-reformatted/Interleaved.import-6.xml", 1),
                Arguments.of("import-reformatted/Interleaved.import-7.xml", 1),
                Arguments.of("import-reformatted/InterleavedMulti.import-1.xml", 4),
                Arguments.of("import-reformatted/InterleavedMulti.import-2.xml", 3),
                Arguments.of("import-reformatted/MissingMainContentModel.import-1.xml", 1),
                Arguments.of("import-reformatted/MissingMainTextField.xml", 1),
                Arguments.of("import-reformatted/MissingSlotContentModel.import-1.xml", 1),
                Arguments.of("import-reformatted/MissingSlotRole.xml", 1),
                Arguments.of("import-reformatted/MissingSlotTextField.xml", 1),
                Arguments.of("import-reformatted/Slots.import-1.xml", 1),
                Arguments.of("import-reformatted/UndefinedContentModel.xml", 1),
                Arguments.of("import-reformatted/UndefinedSlotRole.xml", 1),
                Arguments.of("upstream-exact/InterleavedMulti.import-1.xml", 4),
                Arguments.of("upstream-exact/Slots.import-1.xml", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coreImports")
    void coreImportCounts(String relative, int revisions) throws IOException {
        Path file = Corpus.file("mediawiki-core-tests/" + relative);
        Matcher m = Pattern.compile("<page>").matcher(Files.readString(file));
        int pages = 0;
        while (m.find()) {
            pages++;
        }
        int[] counted = count(file);
        assertEquals(pages, counted[0], "pages");
        assertEquals(revisions, counted[1], "revisions");
    }

    static int[] count(Path file) {
        int pages = 0;
        int revisions = 0;
        try (DumpReader reader = Dumps.open(file)) {
            for (PageRevisions page : reader.pages()) {
                pages++;
                for (Revision ignored : page.revisions()) {
                    revisions++;
                }
            }
        }
        return new int[] {pages, revisions};
    }
}
